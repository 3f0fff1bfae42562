"""The demo: a melding, a festival waiting for its leges, and a paid run waiting for advice."""

import pytest

from zaken.processes.evenementenvergunning.demo import demo_cases
from zaken.processes.evenementenvergunning.models import Evenement

pytestmark = pytest.mark.django_db


def test_demo_cases(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo_cases()
    states = {e.naam: (e.state, e.risicoklasse) for e in Evenement.objects.all()}
    assert states == {"Buurtfeest Boterdiep": ("melding_ontvangen", "A"),
                      "Zomerfestival Kralingen": ("ontvangen", "B"),
                      "Haagse Stadsloop": ("in_behandeling", "B")}
    loop = Evenement.objects.get(naam="Haagse Stadsloop")
    assert sorted(loop.zaak.adviesverzoeken.values_list("adviseur", flat=True)) == ["brandweer", "politie", "verkeer"]
    assert loop.zaak.gemeente.slug == "den-haag" and loop.zaak.initiator_kvk == "69599068"
    demo_cases()  # idempotent
    assert Evenement.objects.count() == 3
