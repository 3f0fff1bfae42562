"""Awb terms as pure date arithmetic: the decision term (4:13-4:15), the bezwaar term (6:7/6:8).

No case data here: zaken.termijn_engine reads the configuration and the case's events and hands
them to these functions. The calendar (working days, Atw art. 1) comes from zaken.termijnen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from . import termijnen
from .termijnen import atw_verlengd


EENHEDEN = ("dagen", "weken", "werkdagen")

# Engine defaults: Awb 4:13 lid 2 (8 weeks, statutory), 6:7 (6 weeks bezwaar), 4:20b (3rd day).
# A process overrides them in its default_terms, a municipality in GemeenteProduct.termijnen.
ENGINE_TERMS = {
    "beslistermijn": 8,
    "beslistermijn_eenheid": "weken",
    "beslistermijn_wettelijk": True,
    "beslistermijn_herinnering_dagen": 5,
    "lex_silencio_positivo": False,
    "van_rechtswege_ingang_dagen": 3,
    "bezwaartermijn_weken": 6,
    "adviestermijn_werkdagen": 10,  # the term an adviser gets (zaken.adviezen), unless the request says otherwise
}
BOOLEAN_TERMS = frozenset({"beslistermijn_wettelijk", "lex_silencio_positivo"})


def engine_term_error(key: str, value) -> str | None:
    """Why an engine setting typed in the admin is refused, or None (other keys: admin_forms)."""
    if key == "beslistermijn_eenheid":
        if value not in EENHEDEN:
            return _("%(key)s: kies dagen, weken of werkdagen.") % {"key": key}
    elif key in BOOLEAN_TERMS:
        if not isinstance(value, bool):
            return _("%(key)s: vul true of false in.") % {"key": key}
    elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3650:
        return _("%(key)s: vul een heel getal van 0 tot en met 3650 in.") % {"key": key}
    elif key == "beslistermijn" and value < 1:
        return _("%(key)s: een beslistermijn is minstens 1.") % {"key": key}
    return None


@dataclass(frozen=True)
class Beslistermijn:
    waarde: int
    eenheid: str  # dagen | weken | werkdagen
    wettelijk: bool  # a statutory term ("wettelijke termijn"); otherwise only a target ("streefdatum")
    herinnering_dagen: int
    lex_silencio: bool
    van_rechtswege_ingang_dagen: int
    bezwaartermijn_weken: int

    @classmethod
    def from_terms(cls, terms: dict) -> Beslistermijn:
        t = {**ENGINE_TERMS, **{k: v for k, v in terms.items() if k in ENGINE_TERMS}}
        return cls(waarde=int(t["beslistermijn"]), eenheid=t["beslistermijn_eenheid"],
                   wettelijk=bool(t["beslistermijn_wettelijk"]),
                   herinnering_dagen=int(t["beslistermijn_herinnering_dagen"]),
                   lex_silencio=bool(t["lex_silencio_positivo"]) and bool(t["beslistermijn_wettelijk"]),
                   van_rechtswege_ingang_dagen=int(t["van_rechtswege_ingang_dagen"]),
                   bezwaartermijn_weken=int(t["bezwaartermijn_weken"]))


@dataclass(frozen=True)
class Opschorting:
    van: date  # first suspended day (4:15: the day after the request)
    tot: date  # first day the term runs again (exclusive end)


@dataclass(frozen=True)
class Verlenging:
    gemeld_op: date  # the day of the 4:14 notice
    tot: date  # the new end date


@dataclass(frozen=True)
class Stand:
    """The derived state of a decision term."""

    einddatum: date  # with the Atw art. 1 extension when statutory
    einddatum_zonder_atw: date
    opgeschorte_dagen: int


def _running(day: date, eenheid: str, gesloten: set[date]) -> bool:
    return day not in gesloten and (eenheid != "werkdagen" or termijnen.is_werkdag(day))


def _walk(start: date, n: int, eenheid: str, gesloten: set[date]) -> date:
    """The n-th running day after `start`: suspended days never count, nor non-working days in a werkdagen term."""
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if _running(day, eenheid, gesloten):
            counted += 1
    return day


def _days(opschortingen) -> set[date]:
    return {o.van + timedelta(days=i) for o in opschortingen for i in range((o.tot - o.van).days)}


def einddatum_berekenen(*, ontvangen: date, termijn: Beslistermijn, opschortingen=(), verlengingen=()) -> Stand:
    """The end of the decision term, from the day of receipt, suspensions and extensions.

    The term starts the day after receipt (8 weeks from a Monday end on a Monday). Suspended days
    do not count (4:15). A 4:14 extension sets the end to its date as the term stood on the day of
    the notice; suspensions from that day on push the new date on. Overlapping suspensions count once.
    """
    n = termijn.waarde * 7 if termijn.eenheid == "weken" else termijn.waarde
    eenheid = "werkdagen" if termijn.eenheid == "werkdagen" else "dagen"
    alle = _days(opschortingen)
    for verlenging in sorted(verlengingen, key=lambda v: v.gemeld_op):
        known = {d for d in alle if d < verlenging.gemeld_op}
        end = _walk(ontvangen, n, eenheid, known)
        n += sum(1 for i in range(1, (verlenging.tot - end).days + 1)
                 if _running(end + timedelta(days=i), eenheid, known))
    end = _walk(ontvangen, n, eenheid, alle)
    telt = {d for d in alle if ontvangen < d <= end}
    return Stand(einddatum=atw_verlengd(end) if termijn.wettelijk else end, einddatum_zonder_atw=end,
                 opgeschorte_dagen=len(telt))


def opschorting_voor_verzoek(*, gesteld_op: date, termijn: date | None) -> Opschorting | None:
    """4:15 lid 1 a: from the day after the request until "de daarvoor gestelde termijn" has passed unused.

    Without a deadline there is no such term, so nothing is suspended. A deadline on a Saturday,
    Sunday or holiday runs on to the next working day (Atw art. 1, domain.md §0b).
    """
    if termijn is None:
        return None
    return Opschorting(van=gesteld_op + timedelta(days=1), tot=max(atw_verlengd(termijn) + timedelta(days=1),
                                                                  gesteld_op + timedelta(days=1)))


def bezwaartermijn_einde(*, verzonden: date, weken: int = 6) -> date:
    """6:8 lid 1: the term starts the day after sending; 6:7: six weeks; Atw art. 1 extension.

    Sent on Monday 2 March: the term runs from Tuesday 3 March and ends on Monday 13 April.
    """
    return atw_verlengd(verzonden + timedelta(weeks=weken))
