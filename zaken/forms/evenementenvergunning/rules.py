"""The rules of an event application (domain.md §4b), as pure functions on the answers and the terms.

- `kenmerken`: the answers reduced to the figures the rule tables look at.
- `risicoklasse`: A/B/C from a rule table; the highest class any rule reaches.
- `is_melding`: a small event that needs only a melding (every criterion met).
- `grootteklasse` and `leges_cent`: the size class and its fee.
- `indientermijn_einde` / `te_laat`: the filing lead time against the first day of the event.
Every threshold is a term (definition.DEFAULT_TERMS, overridden per municipality).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

KLASSEN = ("A", "B", "C")
ADVISEURS = ("politie", "brandweer", "ggd", "verkeer")  # zaken.models.Adviseur, without "overig" (it needs a name)


def _uur(tijd: time | None) -> float:
    """An end time as hours after midnight of the event day: times before 06:00 count as the night after (25.0)."""
    if tijd is None:
        return 0.0
    uur = tijd.hour + tijd.minute / 60
    return uur + 24 if uur < 6 else uur


def kenmerken(antwoorden: dict) -> dict:
    """The figures the rule tables read, from the cleaned answers of every step."""
    geluid = bool(antwoorden.get("geluid"))
    return {
        "bezoekers": int(antwoorden.get("bezoekers") or 0),
        "alcohol": int(bool(antwoorden.get("alcohol"))),
        "geluid_db": int(antwoorden.get("geluid_db") or 0) if geluid else 0,
        "geluid_eindtijd": _uur(antwoorden.get("geluid_tot")) if geluid else 0.0,
        "bouwwerk_m2": int(antwoorden.get("bouwwerk_m2") or 0),
        "open_vuur": int(bool(antwoorden.get("open_vuur"))),
        "attracties": int(bool(antwoorden.get("attracties"))),
        "overnachten": int(bool(antwoorden.get("overnachten"))),
        "wegafsluiting": int(bool(antwoorden.get("wegafsluiting"))),
        "vuurwerk": int(bool(antwoorden.get("vuurwerk"))),
    }


def risicoklasse(kenmerk: dict, tabel: list[dict]) -> str:
    """The highest class of the rules whose figure reaches its threshold ("vanaf"); A when none does.

    A rule: {"kenmerk": "bezoekers", "vanaf": 2000, "klasse": "B"}. Unknown figures count as 0.
    """
    klasse = "A"
    for regel in tabel:
        if (regel["klasse"] in KLASSEN and regel["klasse"] > klasse
                and float(kenmerk.get(regel["kenmerk"], 0)) >= float(regel["vanaf"])):
            klasse = regel["klasse"]
    return klasse


def is_melding(kenmerk: dict, antwoorden: dict, criteria: dict) -> bool:
    """A small event: every melding criterion holds (then no permit is needed, domain.md §4b)."""
    return (kenmerk["bezoekers"] <= int(criteria["max_bezoekers"])
            and (not kenmerk["geluid_eindtijd"] or kenmerk["geluid_eindtijd"] <= float(criteria["geluid_tot_uur"]))
            and not kenmerk["wegafsluiting"] and not kenmerk["vuurwerk"] and not kenmerk["open_vuur"]
            and not kenmerk["overnachten"] and not kenmerk["attracties"]
            and kenmerk["bouwwerk_m2"] <= int(criteria["max_bouwwerk_m2"])
            and antwoorden.get("locatie_soort") in criteria["locatie_soorten"])


def grootteklasse(bezoekers: int, klassen: list[dict]) -> dict:
    """The first size class whose "tot_bezoekers" (inclusive) holds; the last one has none (null)."""
    for klasse in klassen:
        if klasse.get("tot_bezoekers") is None or bezoekers <= int(klasse["tot_bezoekers"]):
            return klasse
    return klassen[-1]


def leges_cent(bezoekers: int, klassen: list[dict]) -> int:
    return max(0, int(grootteklasse(bezoekers, klassen)["bedrag_cent"]))


def euro(cent: int) -> str:
    return f"€ {cent // 100:,}".replace(",", ".") + f",{cent % 100:02d}"


@dataclass(frozen=True)
class Indiening:
    uiterlijk: date  # the last day to file in time
    te_laat: bool
    weken: int


def indientermijn(*, begin: date, vandaag: date, klasse: str, melding: bool, terms: dict) -> Indiening:
    """The filing lead time: weeks before the first day (a melding, class C and the rest each their own)."""
    if melding:
        weken = int(terms["melding_indientermijn_weken"])
    elif klasse == "C":
        weken = int(terms["indientermijn_weken_klasse_c"])
    else:
        weken = int(terms["indientermijn_weken"])
    uiterlijk = begin - timedelta(weeks=weken)
    return Indiening(uiterlijk=uiterlijk, te_laat=vandaag > uiterlijk, weken=weken)


def adviseurs(kenmerk: dict, klasse: str, terms: dict) -> list[str]:
    """Who advises: the class's advisers, and traffic whenever a road is closed (unknown names are left out)."""
    namen = [n for n in terms["adviseurs_per_klasse"].get(klasse, []) if n in ADVISEURS]
    if kenmerk["wegafsluiting"] and "verkeer" not in namen:
        namen.append("verkeer")
    return namen
