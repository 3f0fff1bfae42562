"""Building blocks of the Haal Centraal BRP Personen 2.x response shape.

Shared by the fixture conversion (GBA values in) and the mock register (its own writes and the
`leeftijd` it computes on every read), so both produce exactly the same shapes.
"""

from __future__ import annotations

from datetime import date

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")

GESLACHT = {"M": "man", "V": "vrouw", "O": "onbekend"}
SOORT_VERBINTENIS = {"H": "huwelijk", "P": "geregistreerd partnerschap"}
FUNCTIE_ADRES = {"W": "woonadres", "B": "briefadres"}
NAAMGEBRUIK = {"E": "eigen geslachtsnaam", "N": "eigen geslachtsnaam gevolgd door die van partner",
               "P": "geslachtsnaam partner",
               "V": "geslachtsnaam partner gevolgd door eigen geslachtsnaam"}
REDEN_OPSCHORTING = {"O": "overlijden", "E": "emigratie", "M": "ministerieel besluit",
                     "R": "pl is aangelegd in de rni", "F": "fout", ".": "onbekend"}
# (omschrijving for a man, for a woman, "titel" or "predicaat")
ADELLIJKE_TITEL_PREDICAAT = {
    "B": ("baron", "barones", "titel"), "BS": ("barones", "barones", "titel"),
    "G": ("graaf", "gravin", "titel"), "GI": ("gravin", "gravin", "titel"),
    "H": ("hertog", "hertogin", "titel"), "HI": ("hertogin", "hertogin", "titel"),
    "M": ("markies", "markiezin", "titel"), "MI": ("markiezin", "markiezin", "titel"),
    "P": ("prins", "prinses", "titel"), "PS": ("prinses", "prinses", "titel"),
    "R": ("ridder", "ridder", "titel"),
    "JH": ("jonkheer", "jonkvrouw", "predicaat"), "JV": ("jonkvrouw", "jonkvrouw", "predicaat"),
}
LAND_NEDERLAND = {"code": "6030", "omschrijving": "Nederland"}
# The test set ships no country table (LO GBA Tabel 34); only these are named, others keep the code.
LANDEN = {"6030": "Nederland", "0000": "Onbekend"}


def waarde(code: str, omschrijving: str | None) -> dict:
    """A `Waardetabel` {code, omschrijving}; the omschrijving is left out when not known."""
    return {"code": code, "omschrijving": omschrijving} if omschrijving else {"code": code}


def land(code: str) -> dict:
    return waarde(code, LANDEN.get(code))


def datum(value: date) -> dict:
    """A complete date as HC `VolledigeDatum`."""
    return {"type": "Datum", "datum": value.isoformat(),
            "langFormaat": f"{value.day} {MAANDEN[value.month - 1]} {value.year}"}


def gba_datum(value: str) -> dict | None:
    """An LO GBA date (yyyymmdd, unknown parts 00) as HC AbstractDatum; None when empty."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) != 8 or not value.isdigit() or value == "00000000" or value[:4] == "0000":
        return {"type": "DatumOnbekend", "onbekend": True, "langFormaat": "onbekend"}
    jaar, maand, dag = int(value[:4]), int(value[4:6]), int(value[6:])
    if maand == 0 or maand > 12:
        return {"type": "JaarDatum", "jaar": jaar, "langFormaat": str(jaar)}
    if dag == 0:
        return {"type": "JaarMaandDatum", "jaar": jaar, "maand": maand,
                "langFormaat": f"{MAANDEN[maand - 1]} {jaar}"}
    try:
        return datum(date(jaar, maand, dag))
    except ValueError:  # e.g. 31 February in test data: keep what is certain
        return {"type": "JaarMaandDatum", "jaar": jaar, "maand": maand,
                "langFormaat": f"{MAANDEN[maand - 1]} {jaar}"}


def as_date(hc_datum: dict | None) -> date | None:
    """The Python date of a complete HC date, else None."""
    if hc_datum and hc_datum.get("type") == "Datum":
        return date.fromisoformat(hc_datum["datum"])
    return None


def leeftijd(geboortedatum: date, today: date | None = None) -> int:
    """Age in whole years on `today` (someone born on 29 February has a birthday on 1 March)."""
    today = today or date.today()
    had_birthday = (today.month, today.day) >= (geboortedatum.month, geboortedatum.day)
    return today.year - geboortedatum.year - (0 if had_birthday else 1)


def voorletters(voornamen: str) -> str:
    return " ".join(f"{naam[0]}." for naam in voornamen.split() if naam)


def titel_predicaat(code: str, geslacht: str) -> dict | None:
    if not code:
        return None
    man, vrouw, soort = ADELLIJKE_TITEL_PREDICAAT.get(code, (code.lower(), code.lower(), "titel"))
    return {"code": code, "omschrijving": vrouw if geslacht == "V" else man, "soort": soort}


def _achternaam(voorvoegsel: str, geslachtsnaam: str) -> str:
    return " ".join(part for part in (voorvoegsel, geslachtsnaam) if part)


def volledige_naam(naam: dict, partner_naam: dict | None = None) -> str:
    """Voornamen, title or predicate and surname(s), following the aanduiding naamgebruik.

    E: own name; P: partner's name; V: partner's name, hyphen, own; N: own, hyphen, partner's.
    Without a partner the own name is used, as the BRP does.
    """
    eigen = _achternaam(naam.get("voorvoegsel", ""), naam.get("geslachtsnaam", ""))
    titel = naam.get("adellijkeTitelPredicaat") or {}
    if titel.get("soort") == "titel":
        eigen = f"{titel['omschrijving']} {eigen}"
    code = (naam.get("aanduidingNaamgebruik") or {}).get("code", "E")
    partner = _achternaam((partner_naam or {}).get("voorvoegsel", ""),
                          (partner_naam or {}).get("geslachtsnaam", ""))
    if partner:
        achternaam = {"P": partner, "V": f"{partner}-{eigen}", "N": f"{eigen}-{partner}"}.get(code, eigen)
    else:
        achternaam = eigen
    voor = naam.get("voornamen", "")
    if titel.get("soort") == "predicaat":
        voor = f"{titel['omschrijving']} {voor}".strip()
    return " ".join(part for part in (voor, achternaam) if part)


def compact(value):
    """Drop empty strings, None, empty dicts and lists, recursively (HC leaves absent fields out)."""
    if isinstance(value, dict):
        items = ((k, compact(v)) for k, v in value.items())
        return {k: v for k, v in items if v not in ("", None, {}, [])}
    if isinstance(value, list):
        return [item for item in (compact(v) for v in value) if item not in ("", None, {}, [])]
    return value
