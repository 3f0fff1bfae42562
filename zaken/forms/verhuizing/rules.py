"""The legal rules of a move, as pure functions over register data and the municipality's terms."""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Huisgenoot:
    bsn: str
    naam: str
    relatie: str
    mag_meeverhuizen: bool
    uitleg: str = ""


@dataclass
class Huishouden:
    meeverhuizers: list[Huisgenoot] = field(default_factory=list)  # may be reported by the declarant
    zelf_aangifte: list[Huisgenoot] = field(default_factory=list)  # live there, must report themselves

    @property
    def toegestane_bsns(self) -> set[str]:
        return {h.bsn for h in self.meeverhuizers}


def _naam(persoon: dict) -> str:
    naam = persoon.get("naam", {})
    return naam.get("volledigeNaam") or " ".join(
        p for p in (naam.get("voornamen"), naam.get("voorvoegsel"), naam.get("geslachtsnaam")) if p)


def _leeftijd(persoon: dict, vandaag: date) -> int | None:
    raw = (persoon.get("geboorte", {}).get("datum") or {}).get("datum")
    if not raw:
        return None
    born = date.fromisoformat(raw)
    return vandaag.year - born.year - ((vandaag.month, vandaag.day) < (born.month, born.day))


def _actieve_partners(persoon: dict) -> set[str]:
    return {p["burgerservicenummer"] for p in persoon.get("partners", [])
            if p.get("burgerservicenummer") and not p.get("ontbindingHuwelijkPartnerschap")
            and (p.get("soortVerbintenis") or {}).get("code") in {"H", "P"}}


def huishouden_bepalen(*, aangever: dict, bewoners: list[dict], vandaag: date, terms: dict) -> Huishouden:
    """Who at the declarant's address may be reported with them, and who must report themselves.

    Spouses and registered partners report for each other; parents for children younger than
    `kind_max_leeftijd`. Anyone else (an unmarried partner, an older child, a housemate) reports
    themselves.
    """
    partners = _actieve_partners(aangever)
    kinderen = {k["burgerservicenummer"] for k in aangever.get("kinderen", []) if k.get("burgerservicenummer")}
    huishouden = Huishouden()
    for bewoner in bewoners:
        bsn = bewoner.get("burgerservicenummer")
        if not bsn or bsn == aangever.get("burgerservicenummer"):
            continue
        naam = _naam(bewoner)
        if bsn in partners:
            huishouden.meeverhuizers.append(Huisgenoot(bsn, naam, str(_("echtgeno(o)t(e) of geregistreerd partner")), True))
        elif bsn in kinderen and (_leeftijd(bewoner, vandaag) or 99) < terms["kind_max_leeftijd"]:
            huishouden.meeverhuizers.append(Huisgenoot(bsn, naam, str(_("kind")), True))
        elif bsn in kinderen:
            huishouden.zelf_aangifte.append(Huisgenoot(
                bsn, naam, str(_("kind")), False,
                str(_("Is %(n)s jaar of ouder en geeft de verhuizing zelf door.") % {"n": terms["kind_max_leeftijd"]})))
        else:
            huishouden.zelf_aangifte.append(Huisgenoot(
                bsn, naam, str(_("huisgenoot")), False,
                str(_("Een huisgenoot of ongehuwde partner geeft de verhuizing zelf door."))))
    return huishouden


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
