"""RDW mock data, generated from the BRP fixture: one file keyed by BSN, deterministic per BSN.

Dates are laid out around `peildatum` (the build date by default), so the demo stays realistic
after a rebuild: most licences are valid, about one in ten has expired, a few are lost, stolen or
withdrawn. Whether a licence is "verlopen" is decided when it is read, not here.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from ..brp.hc import leeftijd
from .base import INGETROKKEN, VERMIST

C_D = ("C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE")
FOTOGRAFEN = ("Fotostudio Hofstad, Den Haag", "Foto Maasstad, Rotterdam", "Pasfoto Voorne, Hellevoetsluis",
              "Fotohoek Centrum, Rotterdam")


def _h(bsn: str, salt: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{salt}:{bsn}".encode()).digest()[:8], "big")


def _plus_jaren(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return date(day.year + years, 3, 1)


def geboortedatum(persoon: dict) -> date | None:
    """A complete date of birth; a year or month only is taken in its middle (test data)."""
    datum = persoon.get("geboorte", {}).get("datum") or {}
    if datum.get("type") == "Datum":
        return date.fromisoformat(datum["datum"])
    if datum.get("type") == "JaarMaandDatum":
        return date(datum["jaar"], datum["maand"], 15)
    if datum.get("type") == "JaarDatum":
        return date(datum["jaar"], 7, 1)
    return None


def _categorieen(bsn: str) -> list[str]:
    h = _h(bsn, "cat")
    if h % 53 == 0:
        return ["AM"]  # a moped licence only
    cats = ["AM", "B"]  # B includes AM
    if h % 5 == 0:
        cats[1:1] = ["A1", "A2", "A"] if h % 3 else ["A2"]
    if h % 7 == 0:
        cats.append("BE")
    if h % 11 == 0:
        cats += ["C1", "C1E", "C", "CE"]
    if h % 23 == 0:
        cats += ["D1", "D1E", "D", "DE"]
    return cats


def dossier(bsn: str, geboren: date, peildatum: date) -> dict:
    """The RDW's data of one person aged 18 or over on `peildatum`."""
    h = _h(bsn, "rijbewijs")
    cats = _categorieen(bsn)
    # Days until the expiry of the car/motorcycle categories: from 2 years ago to 10 years ahead.
    if h % 10 == 2:
        dagen = -(30 + h // 10 % 700)  # expired
    elif h % 10 == 3:
        dagen = 1 + h // 10 % 120  # expires within four months: the RDW's reminder period
    else:
        dagen = 120 + h // 10 % 3530
    geldig_tot = peildatum + timedelta(days=dagen)
    afgifte = _plus_jaren(geldig_tot, -10)
    achttien = _plus_jaren(geboren, 18)
    if afgifte < achttien:  # a first licence at 18 runs its full ten years from then
        afgifte, geldig_tot = achttien, _plus_jaren(achttien, 10)
    cd_tot = min(geldig_tot, _plus_jaren(afgifte, 5))
    rijbewijs = {
        "rijbewijsnummer": str(4000000000 + h % 999999999).zfill(10),
        "categorieen": [{"categorie": c, "afgiftedatum": afgifte.isoformat(),
                         "geldigTot": (cd_tot if c in C_D else geldig_tot).isoformat()} for c in cats],
    }
    if h % 181 == 5:
        rijbewijs["status"] = VERMIST
    elif h % 181 == 6:
        rijbewijs["status"] = INGETROKKEN

    f = _h(bsn, "pasfoto")
    pasfoto = None
    if f % 6:  # one in six has not been to a photographer yet
        pasfoto = {"fotoOntvangen": True, "handtekeningOntvangen": f % 31 != 7,
                   "gezichtsvergelijking": "mislukt" if f % 67 == 3 else "geslaagd",
                   "datum": (peildatum - timedelta(days=1 + f // 6 % 90)).isoformat(),
                   "fotograaf": FOTOGRAFEN[f % len(FOTOGRAFEN)]}

    cbr = None
    g = _h(bsn, "cbr")
    nodig = leeftijd(geboren, peildatum) >= 75 or any(c in C_D for c in cats)
    if nodig and g % 3:  # two in three of those who need one have one; some have expired
        cbr = {"geldigTot": (peildatum + timedelta(days=(g // 3 % 1200) - (200 if g % 5 == 0 else -30))
                             ).isoformat()}
    return {"rijbewijs": rijbewijs, "pasfoto": pasfoto, "cbr": cbr}


def build(personen: list[dict], peildatum: date) -> dict:
    """{"peildatum": ..., "personen": {bsn: dossier}} for every living person aged 18 or over."""
    out = {}
    for persoon in personen:
        geboren = geboortedatum(persoon)
        if "overlijden" in persoon or geboren is None or leeftijd(geboren, peildatum) < 18:
            continue
        bsn = persoon["burgerservicenummer"]
        out[bsn] = dossier(bsn, geboren, peildatum)
    return {"peildatum": peildatum.isoformat(), "personen": out}
