"""The event application's legal lifecycle, written out: every transition from every state, end states included."""

import pytest

from tests.machines import check_matrix, declared_guards, zaak_for
from zaken.models import Gemeente
from zaken.processes.evenementenvergunning.models import Evenement

pytestmark = pytest.mark.django_db

EXPECTED = {
    "ontvangen": {"betalen": "in_behandeling"},
    "in_behandeling": {"verlenen": "verleend", "weigeren": "geweigerd"},
    "verleend": {},
    "geweigerd": {},
    "melding_ontvangen": {"melding_accepteren": "melding_geaccepteerd", "melding_verbieden": "melding_verboden"},
    "melding_geaccepteerd": {},
    "melding_verboden": {},
}


def make_evenement(state: str, _transition: str = "") -> Evenement:
    from datetime import timedelta

    from django.utils import timezone

    dag = timezone.localdate() + timedelta(days=60)
    return Evenement.objects.create(
        zaak=zaak_for("evenementenvergunning", Gemeente.objects.get(slug="rotterdam")), state=state,
        melding=state.startswith("melding"), naam="Buurtfeest", begin=dag, einde=dag, locatie="Plein", bezoekers=80)


def test_every_transition_from_every_state(demo):
    check_matrix(Evenement, EXPECTED, make_evenement)


def test_no_guards():
    assert declared_guards(Evenement) == {}


def test_every_state_is_a_public_status():
    from zaken.processes.evenementenvergunning.definition import DEFINITION

    assert set(Evenement.PUBLIC_STATUS.values()) == {s.code for s in DEFINITION.public_statuses}


def test_the_state_cannot_be_assigned(demo):
    evenement = make_evenement("in_behandeling")
    with pytest.raises(AttributeError):
        evenement.state = "verleend"
    assert Evenement.objects.get(pk=evenement.pk).state == "in_behandeling"
