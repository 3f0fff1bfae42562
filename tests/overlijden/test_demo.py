"""The demo cases file and work through the real services and land in different states."""

import pytest

from zaken.integrations.registry import get_adapter
from zaken.processes.overlijden.demo import demo_cases
from zaken.processes.overlijden.models import Overlijden

pytestmark = pytest.mark.django_db


def test_demo_cases_in_several_states(demo, rechten, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo_cases()
    states = dict(Overlijden.objects.values_list("overledene_bsn", "state"))
    assert states == {"999990044": "ontvangen", "999990196": "wacht_op_ovj", "999990585": "wacht_op_uitstel",
                      "999990068": "verwerkt_brp"}
    assert get_adapter("brp").persoon("999990068").get("overlijden")
    assert Overlijden.objects.get(overledene_bsn="999990068").zaak.documenten.filter(kenmerk="overlijden-verlof")
    demo_cases()  # idempotent
    assert Overlijden.objects.count() == 4
