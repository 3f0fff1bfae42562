"""The legal rules of a death registration, as pure functions (Wlb art. 16-17, Boek 1 BW).

No database and no registers here: the form and the services call these with plain values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils.translation import gettext_lazy as _

from zaken.termijnen import werkdagen_na


@dataclass(frozen=True)
class Uitvaartvenster:
    """When burial or cremation is allowed without a decision of the burgemeester (art. 16 Wlb)."""

    vroegst: datetime  # death + 36 hours (the moment itself is allowed)
    uiterlijk: date  # the 6th working day after the day of death (the whole day is allowed)

    def beoordeel(self, uitvaart: datetime) -> str:
        """"verkorting" before the window, "uitstel" after it, "" inside it."""
        if uitvaart < self.vroegst:
            return "verkorting"
        if uitvaart.date() > self.uiterlijk:
            return "uitstel"
        return ""


def uitvaartvenster(*, overleden_op: datetime, terms: dict) -> Uitvaartvenster:
    """Art. 16 Wlb: not earlier than 36 hours after death, not later than the 6th working day after it.

    The day of death itself never counts (Atw working days, `zaken.termijnen`); the hours and days
    are municipal configuration so a changed law needs no code change.
    """
    return Uitvaartvenster(
        vroegst=overleden_op + timedelta(hours=terms["uitvaart_vroegst_uren"]),
        uiterlijk=werkdagen_na(overleden_op.date(), terms["uitvaart_uiterlijk_werkdagen"]),
    )


def combineer(day: date, moment: time | None, tz) -> datetime:
    """A date and an optional time as an aware datetime in `tz` (a zoneinfo zone); no time means noon."""
    return datetime.combine(day, moment or time(12, 0), tzinfo=tz)


BURGERLIJKE_STAAT = {
    "H": _("gehuwd"),
    "P": _("geregistreerd partner"),
}


def burgerlijke_staat(persoon: dict) -> str:
    """Marital status from the HC partners list: current marriage/partnership, or what ended it."""
    partners = persoon.get("partners") or []
    for partner in partners:
        soort = (partner.get("soortVerbintenis") or {}).get("code")
        if soort in BURGERLIJKE_STAAT and not partner.get("ontbindingHuwelijkPartnerschap"):
            return str(BURGERLIJKE_STAAT[soort])
    if partners:
        return str(_("eerder gehuwd of partnerschap beëindigd"))
    return str(_("ongehuwd en nooit geregistreerd partner geweest"))


def volledige_naam(persoon: dict) -> str:
    naam = persoon.get("naam", {})
    return naam.get("volledigeNaam") or " ".join(
        p for p in (naam.get("voornamen"), naam.get("voorvoegsel"), naam.get("geslachtsnaam")) if p)


def adresregel(persoon: dict) -> str:
    adres = (persoon.get("verblijfplaats") or {}).get("verblijfadres") or {}
    if not adres:
        return ""
    nummer = f"{adres.get('huisnummer', '')}{adres.get('huisletter', '')}"
    if adres.get("huisnummertoevoeging"):
        nummer += f"-{adres['huisnummertoevoeging']}"
    return f"{adres.get('officieleStraatnaam', '')} {nummer}, {adres.get('postcode', '')} {adres.get('woonplaats', '')}"


def overledene_samenvatting(persoon: dict) -> dict:
    """What the undertaker sees back for confirmation; also stored on the case."""
    return {
        "bsn": persoon.get("burgerservicenummer", ""),
        "naam": volledige_naam(persoon),
        "geboortedatum": ((persoon.get("geboorte") or {}).get("datum") or {}).get("datum", ""),
        "geboortedatum_lang": ((persoon.get("geboorte") or {}).get("datum") or {}).get("langFormaat", ""),
        "adres": adresregel(persoon),
        "burgerlijke_staat": burgerlijke_staat(persoon),
    }
