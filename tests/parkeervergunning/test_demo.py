"""The demo: zones around the RvIG addresses in the three municipalities, and its applications."""

import pytest
from django.core.management import call_command

from zaken.processes.parkeervergunning.demo import demo_cases
from zaken.processes.parkeervergunning.models import Parkeervergunning, Vergunningzone
from zaken.processes.parkeervergunning.selectors import wachtlijstpositie

pytestmark = pytest.mark.django_db


def test_demo_zones_and_cases(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo_cases()
    assert {z.gemeente.slug for z in Vergunningzone.objects.all()} == {"rotterdam", "den-haag", "hellevoetsluis"}
    states = {v.bsn: v.state for v in Parkeervergunning.objects.all()}
    assert states == {"999996538": "verleend", "999990871": "verleend", "999990366": "wachtlijst",
                      "999990019": "in_behandeling"}
    assert wachtlijstpositie(Parkeervergunning.objects.get(bsn="999990366")) == 1
    assert all(v.zaak.besluiten.get().document for v in Parkeervergunning.objects.filter(state="verleend"))
    demo_cases()  # idempotent
    assert Parkeervergunning.objects.count() == 4


def test_demo_data_files_them_through_the_command(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo_data", verbosity=0)
    assert Parkeervergunning.objects.count() == 4
