"""The demo cases file and work through the real services and land in different states."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from zaken.integrations.registry import get_adapter
from zaken.processes.overlijden.demo import demo_cases
from zaken.processes.overlijden.models import Overlijden

pytestmark = pytest.mark.django_db


# CI once ran at 15:xx: the death 40 hours earlier fell late in the evening and a funeral at 11:00 two days
# after that day came before the 36-hour minimum, so the case was refused. The demo must hold at any hour.
@pytest.mark.parametrize("hour", [0, 9, 15, 23])
def test_demo_cases_in_several_states(hour, demo, rechten, django_capture_on_commit_callbacks):
    now = datetime(2026, 12, 2, hour, 45, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(now, tick=False), django_capture_on_commit_callbacks(execute=True):
        demo_cases()
    states = dict(Overlijden.objects.values_list("overledene_bsn", "state"))
    assert states == {"999990044": "ontvangen", "999990196": "wacht_op_ovj", "999990585": "wacht_op_uitstel",
                      "999990068": "verwerkt_brp"}
    assert get_adapter("brp").persoon("999990068").get("overlijden")
    assert Overlijden.objects.get(overledene_bsn="999990068").zaak.documenten.filter(kenmerk="overlijden-verlof")
    demo_cases()  # idempotent
    assert Overlijden.objects.count() == 4
