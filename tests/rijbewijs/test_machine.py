"""The renewal's legal lifecycle, written out: every transition from every state, end states included."""

import pytest

from tests.machines import check_matrix, declared_guards, targets_along, walk, zaak_for
from zaken.processes.rijbewijs.demo import locaties_ensure
from zaken.processes.rijbewijs.models import Afhaallocatie, Rijbewijs

pytestmark = pytest.mark.django_db

# The legal paths, as the design says: {state: {transition: target}}.
EXPECTED = {
    "ontvangen": {"betalen": "betaald", "niet_betaald": "niet_betaald"},
    "betaald": {"bestellen": "in_productie", "naar_balie": "naar_balie"},
    "in_productie": {"gereed": "klaar"},
    "klaar": {"uitreiken": "uitgereikt", "weigeren": "afgewezen", "laten_vervallen": "vervallen"},
    "uitgereikt": {},  # end state
    "vervallen": {},  # end state
    "niet_betaald": {},  # end state
    "naar_balie": {},  # end state
    "afgewezen": {},  # end state
}


def make_rijbewijs(state: str, _transition: str = "") -> Rijbewijs:
    locatie = Afhaallocatie.objects.filter(gemeente__slug="rotterdam").first()
    return Rijbewijs.objects.create(
        zaak=zaak_for("rijbewijs", locatie.gemeente), state=state, bsn="999993653", naam="Suzanne Moulin",
        rijbewijsnummer="4071259677", afhaallocatie=locatie, email="test@example.nl", leges_cent=5110,
        categorieen=[{"categorie": "B", "geldigTot": "2031-02-21", "nieuwGeldigTot": "2036-11-30",
                      "regel": "standaard"}])


@pytest.fixture
def locaties(demo):
    locaties_ensure()


def test_every_transition_from_every_state(locaties):
    check_matrix(Rijbewijs, EXPECTED, make_rijbewijs)


def test_the_renewal_has_no_guards():
    assert declared_guards(Rijbewijs) == {}


def test_the_state_cannot_be_assigned(locaties):
    rijbewijs = make_rijbewijs("ontvangen")
    with pytest.raises(AttributeError):
        rijbewijs.state = "uitgereikt"
    fresh = Rijbewijs.objects.get(pk=rijbewijs.pk)
    with pytest.raises(AttributeError):
        fresh.state = "klaar"
    assert Rijbewijs.objects.get(pk=rijbewijs.pk).state == "ontvangen"


def test_every_state_has_a_public_status():
    from zaken.processes.rijbewijs.definition import DEFINITION

    codes = {p.code for p in DEFINITION.public_statuses}
    assert {Rijbewijs.PUBLIC_STATUS[s] for s in EXPECTED} == codes
    eind = {p.code for p in DEFINITION.public_statuses if p.is_eindstatus}
    assert {Rijbewijs.PUBLIC_STATUS[s] for s, t in EXPECTED.items() if not t} == eind


@pytest.mark.parametrize("path, end", [
    (["betalen", "bestellen", "gereed", "uitreiken"], "uitgereikt"),
    (["betalen", "bestellen", "gereed", "laten_vervallen"], "vervallen"),
    (["betalen", "bestellen", "gereed", "weigeren"], "afgewezen"),
    (["betalen", "naar_balie"], "naar_balie"),
    (["niet_betaald"], "niet_betaald"),
])
def test_legal_paths_end_where_expected(locaties, path, end):
    rijbewijs = walk(make_rijbewijs("ontvangen"), path)
    assert Rijbewijs.objects.get(pk=rijbewijs.pk).state == end
    rows = [s.to_state for s in rijbewijs.zaak.statussen.exclude(transition="test").order_by("pk")]
    assert rows == targets_along(EXPECTED, "ontvangen", path)
