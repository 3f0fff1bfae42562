"""The case core's machine (zaken.machine.CaseMachine and its transition hook), on the test process.

The test process proves the core is process-agnostic; its lifecycle is written out here like the real ones.
"""

import pytest
from django.db import transaction
from django_fsm import ConcurrentTransition

from tests.machines import check_guard, check_matrix, declared_guards, fire, targets_along, walk, zaak_for
from tests.testprocess.models import TestAanvraag
from zaken.models import Status

pytestmark = pytest.mark.django_db

EXPECTED = {
    "ontvangen": {"in_behandeling_nemen": "in_behandeling"},
    "in_behandeling": {"aanvulling_vragen": "aanvulling_gevraagd", "toekennen": "afgehandeld",
                       "afwijzen": "afgewezen"},
    "aanvulling_gevraagd": {"aanvulling_ontvangen": "in_behandeling"},
    "afgehandeld": {},  # end state
    "afgewezen": {},  # end state
}


def make_aanvraag(state: str = "ontvangen", _transition: str = "") -> TestAanvraag:
    return TestAanvraag.objects.create(zaak=zaak_for("testaanvraag"), state=state, onderwerp="Test")


def test_every_transition_from_every_state():
    check_matrix(TestAanvraag, EXPECTED, make_aanvraag)


def test_the_test_process_has_no_guards():
    assert declared_guards(TestAanvraag) == {}


def test_a_legal_path_writes_one_status_per_step_with_who_and_why():
    path = ["in_behandeling_nemen", "aanvulling_vragen", "aanvulling_ontvangen", "toekennen"]
    aanvraag = walk(make_aanvraag(), path)
    rows = list(aanvraag.zaak.statussen.exclude(transition="test"))
    assert [r.to_state for r in rows] == targets_along(EXPECTED, "ontvangen", path)
    assert [r.transition for r in rows] == path
    assert all(r.gezet_door and r.statustoelichting == f"test {r.transition}" for r in rows)
    aanvraag.zaak.refresh_from_db()
    assert aanvraag.zaak.huidige_status == rows[-1] and aanvraag.zaak.einddatum  # an end status closes the case


def test_an_internal_state_writes_no_public_status(monkeypatch):
    """A state missing from PUBLIC_STATUS changes the case but gives the applicant no new status."""
    monkeypatch.setattr(TestAanvraag, "PUBLIC_STATUS", {"ontvangen": "ontvangen"})
    aanvraag = make_aanvraag()
    allowed, rows = fire(aanvraag, "in_behandeling_nemen")
    assert allowed and rows == []
    assert TestAanvraag.objects.get(pk=aanvraag.pk).state == "in_behandeling"


def test_the_state_field_cannot_be_assigned():
    aanvraag = make_aanvraag()
    with pytest.raises(AttributeError):
        aanvraag.state = "afgehandeld"


def test_a_stale_copy_cannot_overwrite_a_newer_transition():
    """Two civil servants on one case: the second save of an outdated copy is refused (ConcurrentTransition)."""
    first = make_aanvraag("in_behandeling")
    second = TestAanvraag.objects.get(pk=first.pk)
    first.toekennen(by=None)
    first.save()
    with pytest.raises(ConcurrentTransition), transaction.atomic():  # as a service runs it
        second.afwijzen(by=None)
        second.save()
    assert TestAanvraag.objects.get(pk=first.pk).state == "afgehandeld"
    assert not first.zaak.statussen.filter(transition="afwijzen").exists()  # its Status row went with it


def test_a_refused_transition_from_an_end_state_writes_nothing():
    aanvraag = make_aanvraag("afgewezen")
    count = Status.objects.filter(zaak=aanvraag.zaak).count()
    check_guard(aanvraag, "toekennen", allowed=False)
    assert Status.objects.filter(zaak=aanvraag.zaak).count() == count
