"""The rule tables by hand: risk class, melding, size class and leges, the filing lead time."""

from datetime import date, time

import pytest

from zaken.forms.evenementenvergunning import rules
from zaken.processes.evenementenvergunning.definition import DEFAULT_TERMS

TABEL = DEFAULT_TERMS["risicotabel"]


def answers(**kw):
    base = {"bezoekers": 50, "locatie_soort": "plein"}
    return {**base, **kw}


@pytest.mark.parametrize(("kw", "klasse"), [
    ({}, "A"),
    ({"bezoekers": 999}, "A"),
    ({"bezoekers": 1000}, "B"),  # threshold is inclusive
    ({"bezoekers": 9999}, "B"),
    ({"bezoekers": 10000}, "C"),
    ({"alcohol": True}, "B"),
    ({"geluid": True, "geluid_db": 89, "geluid_tot": time(23, 30)}, "A"),
    ({"geluid": True, "geluid_db": 90, "geluid_tot": time(22)}, "B"),
    ({"geluid": True, "geluid_db": 70, "geluid_tot": time(0, 30)}, "B"),  # past midnight counts as 24.5
    ({"geluid": False, "geluid_db": 120, "geluid_tot": time(3)}, "A"),  # no sound: the figures do not count
    ({"bouwwerk_m2": 49}, "A"),
    ({"bouwwerk_m2": 50}, "B"),
    ({"wegafsluiting": True}, "B"),
    ({"vuurwerk": True}, "C"),
    ({"alcohol": True, "vuurwerk": True, "bezoekers": 2000}, "C"),  # the highest class wins
])
def test_risk_class(kw, klasse):
    assert rules.risicoklasse(rules.kenmerken(answers(**kw)), TABEL) == klasse


def test_a_municipality_can_change_the_table():
    tabel = [{"kenmerk": "bezoekers", "vanaf": 200, "klasse": "C"}]
    assert rules.risicoklasse(rules.kenmerken(answers(bezoekers=200)), tabel) == "C"
    assert rules.risicoklasse(rules.kenmerken(answers(bezoekers=199, vuurwerk=True)), tabel) == "A"


CRIT = DEFAULT_TERMS["melding"]


@pytest.mark.parametrize(("kw", "melding"), [
    ({}, True),
    ({"bezoekers": 100}, True),
    ({"bezoekers": 101}, False),
    ({"geluid": True, "geluid_tot": time(22)}, True),
    ({"geluid": True, "geluid_tot": time(22, 1)}, False),
    ({"geluid": True, "geluid_tot": time(1)}, False),
    ({"wegafsluiting": True}, False),
    ({"bouwwerk_m2": 10}, True),
    ({"bouwwerk_m2": 11}, False),
    ({"locatie_soort": "prive"}, True),
    ({"locatie_soort": "openbaar"}, False),
    ({"vuurwerk": True}, False),
    ({"open_vuur": True}, False),
])
def test_melding(kw, melding):
    a = answers(**kw)
    assert rules.is_melding(rules.kenmerken(a), a, CRIT) is melding


@pytest.mark.parametrize(("bezoekers", "klasse", "cent"), [
    (1, "klein", 19370), (500, "klein", 19370), (501, "middel", 50210), (5000, "middel", 50210),
    (5001, "groot", 79960), (100000, "groot", 79960)])
def test_leges_by_size_class(bezoekers, klasse, cent):
    assert rules.grootteklasse(bezoekers, DEFAULT_TERMS["leges_klassen"])["klasse"] == klasse
    assert rules.leges_cent(bezoekers, DEFAULT_TERMS["leges_klassen"]) == cent
    assert rules.euro(50210) == "€ 502,10"


@pytest.mark.parametrize(("klasse", "melding", "vandaag", "te_laat", "uiterlijk"), [
    ("B", False, date(2027, 4, 19), False, date(2027, 4, 19)),  # exactly 8 weeks before 14 June: in time
    ("B", False, date(2027, 4, 20), True, date(2027, 4, 19)),
    ("C", False, date(2027, 4, 19), True, date(2027, 3, 22)),  # class C: 12 weeks
    ("C", False, date(2027, 3, 22), False, date(2027, 3, 22)),
    ("A", True, date(2027, 5, 31), False, date(2027, 5, 31)),  # melding: 2 weeks
    ("A", True, date(2027, 6, 1), True, date(2027, 5, 31)),
])
def test_lead_time(klasse, melding, vandaag, te_laat, uiterlijk):
    uit = rules.indientermijn(begin=date(2027, 6, 14), vandaag=vandaag, klasse=klasse, melding=melding,
                              terms=DEFAULT_TERMS)
    assert (uit.te_laat, uit.uiterlijk) == (te_laat, uiterlijk)


@pytest.mark.parametrize(("klasse", "kw", "adviseurs"), [
    ("A", {}, []), ("A", {"wegafsluiting": True}, ["verkeer"]), ("B", {}, ["politie", "brandweer"]),
    ("B", {"wegafsluiting": True}, ["politie", "brandweer", "verkeer"]),
    ("C", {"wegafsluiting": True}, ["politie", "brandweer", "ggd", "verkeer"])])
def test_advisers_per_class(klasse, kw, adviseurs):
    assert rules.adviseurs(rules.kenmerken(answers(**kw)), klasse, DEFAULT_TERMS) == adviseurs


def test_a_class_or_adviser_the_rules_do_not_know_is_ignored():
    tabel = [{"kenmerk": "bezoekers", "vanaf": 1, "klasse": "D"}, {"kenmerk": "onbekend", "vanaf": 0, "klasse": "B"}]
    assert rules.risicoklasse(rules.kenmerken(answers()), tabel) == "B"  # an unknown figure counts as 0
    terms = {"adviseurs_per_klasse": {"B": ["politie", "burgemeester"]}}
    assert rules.adviseurs(rules.kenmerken(answers()), "B", terms) == ["politie"]


@pytest.mark.parametrize(("key", "value", "ok"), [
    ("risicotabel", [{"kenmerk": "bezoekers", "vanaf": 200, "klasse": "C"}], True),
    ("risicotabel", [{"kenmerk": "bezoekers", "vanaf": "veel", "klasse": "C"}], False),
    ("risicotabel", [{"kenmerk": "bezoekers", "klasse": "C"}], False),
    ("melding", {"max_bezoekers": 50, "geluid_tot_uur": 21, "max_bouwwerk_m2": 0, "locatie_soorten": ["prive"]}, True),
    ("melding", {"max_bezoekers": 50}, False),
    ("leges_klassen", [{"klasse": "alle", "tot_bezoekers": None, "bedrag_cent": 25000}], True),
    ("leges_klassen", [{"klasse": "alle", "tot_bezoekers": None, "bedrag_cent": "250"}], False),
    ("grondslag", "artikel 2:25 APV Rotterdam 2026", True),
    ("verdaging_max_weken", 4, True),
])
def test_a_municipality_overrides_the_tables_in_the_admin(key, value, ok):
    from zaken.admin_forms import term_errors

    assert (term_errors(product_slug="evenementenvergunning", terms={key: value}) == []) is ok
