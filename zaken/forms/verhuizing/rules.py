"""The legal rules of a move, as pure functions over register data and the municipality's terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from zaken.termijnen import atw_verlengd


class ManualReason:
    GEEN_WOONFUNCTIE = "geen_woonfunctie"
    INWONING = "inwoning"
    BRP_NIET_BESCHIKBAAR = "brp_niet_beschikbaar"

    LABELS = {
        GEEN_WOONFUNCTIE: _("Het nieuwe adres heeft volgens de BAG geen woonfunctie."),
        INWONING: _("Inwoning: de toestemming van de hoofdbewoner moet worden beoordeeld."),
        BRP_NIET_BESCHIKBAAR: _("De BRP was bij de aangifte niet bereikbaar; gezinsleden en adres zijn niet "
                                "automatisch gecontroleerd."),
    }


@dataclass(frozen=True)
class Verhuisdatum:
    opgegeven: date
    geregistreerd: date  # what goes into the BRP
    te_laat: bool


def verhuisdatum_bepalen(*, opgegeven: date, vandaag: date, terms: dict) -> Verhuisdatum:
    """Art. 2.39 Wet BRP: a late report registers the report date; too early is refused (ValueError).

    The last day (the 5th after the move) runs on past weekends and holidays (Atw art. 1).
    """
    if opgegeven > vandaag + timedelta(days=terms["aangifte_dagen_voor_verhuizing"]):
        raise ValueError("te vroeg")
    te_laat = vandaag > laatste_aangiftedag(opgegeven=opgegeven, terms=terms)
    return Verhuisdatum(opgegeven=opgegeven, geregistreerd=vandaag if te_laat else opgegeven, te_laat=te_laat)


def eerste_aangiftedag(*, opgegeven: date, terms: dict) -> date:
    return opgegeven - timedelta(days=terms["aangifte_dagen_voor_verhuizing"])


def laatste_aangiftedag(*, opgegeven: date, terms: dict) -> date:
    return atw_verlengd(opgegeven + timedelta(days=terms["aangifte_dagen_na_verhuizing"]))


def handmatige_redenen(*, adres: dict, inwoning: bool, brp_beschikbaar: bool) -> list[str]:
    reasons = []
    if "woonfunctie" not in (adres.get("gebruiksdoelen") or []):
        reasons.append(ManualReason.GEEN_WOONFUNCTIE)
    if inwoning:
        reasons.append(ManualReason.INWONING)
    if not brp_beschikbaar:
        reasons.append(ManualReason.BRP_NIET_BESCHIKBAAR)
    return reasons


def adresonderzoek_nodig(*, bewoners_nieuw_adres: int, terms: dict) -> bool:
    """More persons already registered at the new address than the municipality's threshold."""
    return bewoners_nieuw_adres > terms["max_bewoners_zonder_onderzoek"]
