"""The permit's legal lifecycle, written out: every transition from every state, end states included."""

import pytest

from tests.machines import check_matrix, declared_guards, targets_along, walk
from zaken.processes.parkeervergunning.definition import DEFINITION
from zaken.processes.parkeervergunning.models import Parkeervergunning

from .support import make_vergunning

pytestmark = pytest.mark.django_db

EXPECTED = {
    "ontvangen": {"verlenen": "verleend", "naar_behandeling": "in_behandeling", "op_wachtlijst": "wachtlijst",
                  "van_rechtswege_verlenen": "van_rechtswege_verleend"},
    "in_behandeling": {"verlenen": "verleend", "weigeren": "geweigerd",
                       "van_rechtswege_verlenen": "van_rechtswege_verleend"},
    # Waiting is a besluit already (no lex silencio); a freed place grants or goes to a civil servant.
    "wachtlijst": {"verlenen": "verleend", "naar_behandeling": "in_behandeling"},
    "verleend": {"beeindigen": "beeindigd"},
    "van_rechtswege_verleend": {"beeindigen": "beeindigd"},
    "geweigerd": {},  # end state
    "beeindigd": {},  # end state
}


def test_every_transition_from_every_state(zones):
    check_matrix(Parkeervergunning, EXPECTED, make_vergunning)


def test_no_guards():
    assert declared_guards(Parkeervergunning) == {}


def test_the_state_cannot_be_assigned(zones):
    vergunning = make_vergunning("in_behandeling")
    with pytest.raises(AttributeError):
        vergunning.state = "verleend"
    assert Parkeervergunning.objects.get(pk=vergunning.pk).state == "in_behandeling"


def test_every_state_has_a_public_status_and_end_states_close_the_case():
    assert {Parkeervergunning.PUBLIC_STATUS[s] for s in EXPECTED} == {p.code for p in DEFINITION.public_statuses}
    eind = {p.code for p in DEFINITION.public_statuses if p.is_eindstatus}
    assert {"geweigerd", "beeindigd"} <= eind and "wachtlijst" not in eind and "in_behandeling" not in eind


@pytest.mark.parametrize("path, end", [
    (["verlenen", "beeindigen"], "beeindigd"),
    (["naar_behandeling", "weigeren"], "geweigerd"),
    (["naar_behandeling", "van_rechtswege_verlenen", "beeindigen"], "beeindigd"),
    (["op_wachtlijst", "naar_behandeling", "verlenen"], "verleend"),
    (["op_wachtlijst", "verlenen"], "verleend"),
])
def test_legal_paths_end_where_expected(zones, path, end):
    vergunning = walk(make_vergunning("ontvangen"), path)
    assert Parkeervergunning.objects.get(pk=vergunning.pk).state == end
    rows = [s.to_state for s in vergunning.zaak.statussen.filter(transition__in=path).order_by("pk")]
    assert rows == targets_along(EXPECTED, "ontvangen", path)
