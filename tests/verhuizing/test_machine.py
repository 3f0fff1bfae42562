"""The move case's legal lifecycle, written out: every transition from every state, end states included."""

from datetime import date

import pytest

from tests.machines import check_matrix, declared_guards, targets_along, walk, zaak_for
from zaken.processes.verhuizing.models import Verhuizing

pytestmark = pytest.mark.django_db

# The legal paths, as the law and the design say: {state: {transition: target}}.
EXPECTED = {
    "ontvangen": {"automatisch_inplannen": "ingepland", "handmatig_beoordelen": "in_behandeling"},
    "in_behandeling": {"aanvulling_vragen": "aanvulling_nodig", "goedkeuren": "ingepland", "afwijzen": "afgewezen"},
    "aanvulling_nodig": {"aanvulling_ontvangen": "in_behandeling"},
    "ingepland": {"brp_uitgesteld": "verwerking_vertraagd", "verwerken": "verwerkt"},
    "verwerking_vertraagd": {"verwerken": "verwerkt"},
    "verwerkt": {},  # end state
    "afgewezen": {},  # end state
}


def make_move(state: str, _transition: str = "") -> Verhuizing:
    adres = {"postcode": "3035AW", "huisnummer": 60}
    return Verhuizing.objects.create(
        zaak=zaak_for("verhuizing"), state=state, opgegeven_verhuisdatum=date(2026, 6, 1),
        verhuisdatum=date(2026, 6, 1), oud_adres=adres, nieuw_adres=adres, nieuw_adresseerbaar_object="0599010000000001",
        email="test@example.nl")


def test_every_transition_from_every_state(demo):
    check_matrix(Verhuizing, EXPECTED, make_move)


def test_the_move_has_no_guards():
    assert declared_guards(Verhuizing) == {}


@pytest.mark.parametrize("path, end", [
    (["automatisch_inplannen", "verwerken"], "verwerkt"),
    (["automatisch_inplannen", "brp_uitgesteld", "verwerken"], "verwerkt"),
    (["handmatig_beoordelen", "aanvulling_vragen", "aanvulling_ontvangen", "goedkeuren", "verwerken"], "verwerkt"),
    (["handmatig_beoordelen", "afwijzen"], "afgewezen"),
])
def test_legal_paths_end_where_expected(demo, path, end):
    verhuizing = walk(make_move("ontvangen"), path)
    assert Verhuizing.objects.get(pk=verhuizing.pk).state == end
    assert [s.to_state for s in verhuizing.zaak.statussen.exclude(transition="test")] == targets_along(EXPECTED, "ontvangen", path)

