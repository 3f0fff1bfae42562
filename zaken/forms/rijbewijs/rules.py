"""Age rules of a driving-licence renewal (domain.md §3; Reglement rijbewijzen, CBR): pure functions.

Per category, the new expiry date for a renewal on a given date:
- under 65: the standard period (10 years);
- 65 up to 70: until the 75th birthday;
- 70 up to 75: 5 years;
- 75 and over: the medical categories need an approved CBR declaration and run until its end;
- C/D (C1, C1E, C, CE, D1, D1E, D, DE) always need a CBR declaration and then run 5 years (at 75+
  no longer than the declaration);
- AM alone is exempt from the medical rules: the standard period at any age.
Every age and period is a term of DEFAULT, so the process definition can expose them.

Dates: a birthday on 29 February falls on 1 March in a common year (as hc.leeftijd counts ages);
a period of years from 29 February ends on 28 February (never longer than the period).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DEFAULT = {
    "jaren_geldig": 10,  # the standard period
    "leeftijd_tot_vaste_einde": 65,  # from this age a renewal runs until `leeftijd_vaste_einde`
    "leeftijd_vaste_einde": 75,
    "leeftijd_korte_periode": 70,  # from this age a renewal runs `jaren_kort`
    "jaren_kort": 5,
    "leeftijd_cbr": 75,  # from this age every medical category needs a CBR declaration
    "jaren_c_d": 5,  # C/D with a CBR declaration
}

C_D = frozenset({"C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"})
MEDISCH_VRIJ = frozenset({"AM"})


@dataclass(frozen=True)
class NieuweGeldigheid:
    categorie: str
    geldig_tot: date | None  # None: not renewable until a CBR declaration is on file
    cbr_nodig: bool
    regel: str  # which rule gave the date (for tests and the civil servant's view)


def verjaardag(geboortedatum: date, leeftijd: int) -> date:
    """The day someone reaches `leeftijd`; born on 29 February: 1 March in a common year."""
    try:
        return geboortedatum.replace(year=geboortedatum.year + leeftijd)
    except ValueError:
        return date(geboortedatum.year + leeftijd, 3, 1)


def jaren_na(dag: date, jaren: int) -> date:
    """`jaren` years after `dag`; from 29 February, 28 February in a common year."""
    try:
        return dag.replace(year=dag.year + jaren)
    except ValueError:
        return date(dag.year + jaren, 2, 28)


def leeftijd_op(geboortedatum: date, dag: date) -> int:
    leeftijd = dag.year - geboortedatum.year
    return leeftijd if dag >= verjaardag(geboortedatum, leeftijd) else leeftijd - 1


def nieuwe_geldigheid(*, geboortedatum: date, aanvraagdatum: date, categorieen: list[str],
                      cbr_geldig_tot: date | None = None, termen: dict | None = None) -> list[NieuweGeldigheid]:
    """The new expiry date of each category for a renewal applied for on `aanvraagdatum`.

    `cbr_geldig_tot` is the end of an approved CBR declaration on file (None: none); a declaration
    that has ended before the application date counts as none.
    """
    t = {**DEFAULT, **(termen or {})}
    leeftijd = leeftijd_op(geboortedatum, aanvraagdatum)
    cbr = cbr_geldig_tot if cbr_geldig_tot and cbr_geldig_tot >= aanvraagdatum else None
    alleen_vrij = set(categorieen) <= MEDISCH_VRIJ

    def regel(categorie: str) -> NieuweGeldigheid:
        if alleen_vrij:
            return NieuweGeldigheid(categorie, jaren_na(aanvraagdatum, t["jaren_geldig"]), False, "am")
        oud = leeftijd >= t["leeftijd_cbr"]
        if categorie in C_D:
            if cbr is None:
                return NieuweGeldigheid(categorie, None, True, "c_d")
            einde = jaren_na(aanvraagdatum, t["jaren_c_d"])
            return NieuweGeldigheid(categorie, min(einde, cbr) if oud else einde, True, "c_d")
        if oud:
            return NieuweGeldigheid(categorie, cbr, True, "cbr")
        if leeftijd >= t["leeftijd_korte_periode"]:
            return NieuweGeldigheid(categorie, jaren_na(aanvraagdatum, t["jaren_kort"]), False, "kort")
        if leeftijd >= t["leeftijd_tot_vaste_einde"]:
            einde = verjaardag(geboortedatum, t["leeftijd_vaste_einde"])
            return NieuweGeldigheid(categorie, einde, False, "vaste_einde")
        return NieuweGeldigheid(categorie, jaren_na(aanvraagdatum, t["jaren_geldig"]), False, "standaard")

    return [regel(c) for c in categorieen]
