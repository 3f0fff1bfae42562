"""The age rules of a licence renewal, as a table of hand-computed dates.

Sources: Reglement rijbewijzen (geldigheidsduur, art. 99) and domain.md §3 "Medical rules":
10 years until 65; a renewal at 65-70 until the 75th birthday; 70-75 five years; 75+ and C/D by
the CBR declaration (C/D five years with one); AM alone exempt.
"""

from datetime import date

import pytest

from zaken.forms.rijbewijs.rules import DEFAULT, leeftijd_op, nieuwe_geldigheid, verjaardag

D = date.fromisoformat
JUNI = D("1960-06-15")  # 65 on 2025-06-15, 70 on 2030-06-15, 75 on 2035-06-15
SCHRIKKEL = D("1960-02-29")  # birthdays on 1 March in common years


def _b(geboren, aanvraag, cbr=None, categorieen=("AM", "B")):
    result = {g.categorie: g for g in nieuwe_geldigheid(
        geboortedatum=geboren, aanvraagdatum=aanvraag, categorieen=list(categorieen), cbr_geldig_tot=cbr)}
    return result["B"].geldig_tot, result


@pytest.mark.parametrize(("name", "geboren", "aanvraag", "cbr", "verwacht"), [
    ("rr_art99_domain3_10_years_under_65", D("1990-05-10"), D("2026-03-10"), None, "2036-03-10"),
    ("rr_art99_domain3_day_before_65th_10_years", JUNI, D("2025-06-14"), None, "2035-06-14"),
    ("rr_art99_domain3_on_65th_birthday_until_75th", JUNI, D("2025-06-15"), None, "2035-06-15"),
    ("rr_art99_domain3_day_after_65th_until_75th", JUNI, D("2025-06-16"), None, "2035-06-15"),
    ("rr_art99_domain3_day_before_70th_until_75th", JUNI, D("2030-06-14"), None, "2035-06-15"),
    ("rr_art99_domain3_on_70th_birthday_5_years", JUNI, D("2030-06-15"), None, "2035-06-15"),
    ("rr_art99_domain3_day_after_70th_5_years", JUNI, D("2030-06-16"), None, "2035-06-16"),
    ("rr_art99_domain3_day_before_75th_5_years", JUNI, D("2035-06-14"), None, "2040-06-14"),
    ("rr_art99_domain3_on_75th_birthday_cbr_end", JUNI, D("2035-06-15"), D("2038-03-01"), "2038-03-01"),
    ("rr_art99_domain3_day_after_75th_cbr_end", JUNI, D("2035-06-16"), D("2036-01-01"), "2036-01-01"),
    ("rr_art99_domain3_on_75th_birthday_no_cbr", JUNI, D("2035-06-15"), None, None),
    ("rr_art99_domain3_75_plus_cbr_ended_before_application", JUNI, D("2035-06-16"), D("2035-06-15"), None),
    ("rr_art99_domain3_75_plus_cbr_ends_on_application_day", JUNI, D("2035-06-16"), D("2035-06-16"), "2035-06-16"),
    ("rr_art99_domain3_cbr_ignored_under_75", JUNI, D("2030-06-16"), D("2031-01-01"), "2035-06-16"),
    # Born on 29 February: the 65th, 70th and 75th birthdays fall on 1 March.
    ("rr_art99_domain3_leap_birth_day_before_65th", SCHRIKKEL, D("2025-02-28"), None, "2035-02-28"),
    ("rr_art99_domain3_leap_birth_on_65th_1_march", SCHRIKKEL, D("2025-03-01"), None, "2035-03-01"),
    ("rr_art99_domain3_leap_birth_day_before_70th", SCHRIKKEL, D("2030-02-28"), None, "2035-03-01"),
    ("rr_art99_domain3_leap_birth_on_70th_1_march", SCHRIKKEL, D("2030-03-01"), None, "2035-03-01"),
    ("rr_art99_domain3_leap_birth_day_before_75th", SCHRIKKEL, D("2035-02-28"), None, "2040-02-28"),
    ("rr_art99_domain3_leap_birth_on_75th_no_cbr", SCHRIKKEL, D("2035-03-01"), None, None),
    ("rr_art99_domain3_leap_birth_day_before_75th_in_common_year", D("1952-02-29"), D("2027-02-28"), None, "2032-02-28"),
    ("rr_art99_domain3_applied_on_leap_day_at_65_until_75th", D("1959-02-28"), D("2024-02-29"), None, "2034-02-28"),
    # Applied for on 29 February: ten years later is 28 February (never longer than the period).
    ("rr_art99_domain3_applied_on_leap_day", D("1990-05-10"), D("2028-02-29"), None, "2038-02-28"),
])
def test_car_categories(name, geboren, aanvraag, cbr, verwacht):
    geldig_tot, _ = _b(geboren, aanvraag, cbr)
    assert geldig_tot == (D(verwacht) if verwacht else None)


def test_rr_art99_domain3_am_follows_b():
    _, result = _b(JUNI, D("2030-06-16"))
    assert result["AM"].geldig_tot == result["B"].geldig_tot == D("2035-06-16")
    _, result = _b(JUNI, D("2035-06-16"))
    assert result["AM"].geldig_tot is None and result["AM"].cbr_nodig


@pytest.mark.parametrize("aanvraag", [D("2026-03-10"), D("2035-06-16")])
def test_domain3_am_only_exempt_from_medical_rules(aanvraag):
    [am] = nieuwe_geldigheid(geboortedatum=D("1940-01-01"), aanvraagdatum=aanvraag, categorieen=["AM"])
    assert (am.geldig_tot, am.cbr_nodig) == (D(f"{aanvraag.year + 10}-{aanvraag:%m-%d}"), False)


CD = ("AM", "B", "C1", "C", "CE", "D", "DE")


def test_domain3_c_d_with_cbr_5_years():
    _, result = _b(D("1980-01-01"), D("2026-03-10"), D("2031-01-01"), CD)
    assert result["B"].geldig_tot == D("2036-03-10")
    assert {result[c].geldig_tot for c in ("C1", "C", "CE", "D", "DE")} == {D("2031-03-10")}


def test_domain3_c_d_without_cbr_not_renewable():
    _, result = _b(D("1980-01-01"), D("2026-03-10"), None, CD)
    assert result["B"].geldig_tot == D("2036-03-10") and not result["B"].cbr_nodig
    assert all(result[c].geldig_tot is None and result[c].cbr_nodig for c in ("C1", "C", "CE", "D", "DE"))


def test_domain3_c_d_with_expired_cbr_not_renewable():
    _, result = _b(D("1980-01-01"), D("2026-03-10"), D("2026-03-09"), CD)
    assert result["C"].geldig_tot is None


def test_domain3_c_d_at_75_no_longer_than_the_cbr_declaration():
    _, result = _b(JUNI, D("2035-06-15"), D("2036-07-01"), CD)
    assert result["C"].geldig_tot == result["B"].geldig_tot == D("2036-07-01")
    _, result = _b(JUNI, D("2035-06-15"), D("2045-01-01"), CD)
    assert result["C"].geldig_tot == D("2040-06-15")


def test_terms_come_from_configuration():
    [b] = nieuwe_geldigheid(geboortedatum=D("1990-05-10"), aanvraagdatum=D("2026-03-10"), categorieen=["B"],
                            termen={"jaren_geldig": 15})
    assert b.geldig_tot == D("2041-03-10")
    [b] = nieuwe_geldigheid(geboortedatum=JUNI, aanvraagdatum=D("2025-06-15"), categorieen=["B"],
                            termen={"leeftijd_tot_vaste_einde": 66})
    assert b.geldig_tot == D("2035-06-15") and b.regel == "standaard"
    assert DEFAULT["jaren_geldig"] == 10


@pytest.mark.parametrize(("dag", "leeftijd"), [
    (D("2025-02-28"), 64), (D("2025-03-01"), 65), (D("2024-02-28"), 63), (D("2024-02-29"), 64)])
def test_age_of_a_leap_day_birth(dag, leeftijd):
    assert leeftijd_op(SCHRIKKEL, dag) == leeftijd
    assert verjaardag(SCHRIKKEL, 65) == D("2025-03-01")
