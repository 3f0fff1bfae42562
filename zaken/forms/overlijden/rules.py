"""The legal rules of a death registration, as pure functions (Wlb art. 16-17, Boek 1 BW).

No registers here: the form and the services call these with plain values; the calendar is
`zaken.termijnen` (hours in UTC, the day of death in Dutch local time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils.translation import gettext_lazy as _

from zaken.termijnen import lokale_dag, uren_na, werkdagen_na


@dataclass(frozen=True)
class Uitvaartvenster:
    """When burial or cremation is allowed without a decision of the burgemeester (art. 16 Wlb)."""

    vroegst: datetime  # death + 36 hours (the moment itself is allowed)
    uiterlijk: date  # the 6th working day after the day of death (the whole day is allowed)

    def beoordeel(self, uitvaart: datetime) -> str:
        """"verkorting" before the window, "uitstel" after it, "" inside it."""
        if uitvaart < self.vroegst:
            return "verkorting"
        if lokale_dag(uitvaart) > self.uiterlijk:
            return "uitstel"
        return ""


def uitvaartvenster(*, overleden_op: datetime, terms: dict) -> Uitvaartvenster:
    """Art. 16 Wlb: not earlier than 36 hours after death, not later than the 6th working day after it.

    36 hours is elapsed time, so a DST change shows 35 or 37 on the wall clock. The day of death is
    taken in Dutch local time and never counts itself (Atw working days). The hours and days are
    municipal configuration so a changed law needs no code change.
    """
    return Uitvaartvenster(
        vroegst=uren_na(overleden_op, terms["uitvaart_vroegst_uren"]),
        uiterlijk=werkdagen_na(lokale_dag(overleden_op), terms["uitvaart_uiterlijk_werkdagen"]),
    )


def geboren_vanaf(persoon: dict) -> date | None:
    """The earliest day the BRP's birth date allows (HC Datum, JaarMaandDatum, JaarDatum); None if unknown."""
    datum = (persoon.get("geboorte") or {}).get("datum") or {}
    try:
        if datum.get("type") == "Datum":
            return date.fromisoformat(datum["datum"])
        if datum.get("jaar"):
            return date(int(datum["jaar"]), int(datum.get("maand") or 1), 1)
    except (KeyError, TypeError, ValueError):
        pass
    return None


def overlijden_fout(*, overleden_op: datetime, geboren: date | None, nu: datetime, terms: dict) -> str:
    """Why this moment of death is impossible or implausible (with what to do), or "" when it is fine."""
    if overleden_op > nu:
        return str(_("De datum en tijd van overlijden liggen in de toekomst. Vul de datum en tijd in waarop de "
                     "persoon is overleden."))
    if geboren and lokale_dag(overleden_op) < geboren:
        return str(_("De datum van overlijden ligt vóór de geboortedatum (%(geboren)s). Controleer de datum.")
                   % {"geboren": geboren.strftime("%d-%m-%Y")})
    if lokale_dag(overleden_op) < lokale_dag(nu) - timedelta(days=terms["overlijden_max_dagen_terug"]):
        return str(_("De datum van overlijden ligt meer dan %(n)s dagen terug. Controleer de datum. Klopt de datum "
                     "wel? Doe de aangifte dan aan de balie van de gemeente.")
                   % {"n": terms["overlijden_max_dagen_terug"]})
    return ""


def uitvaart_fout(*, uitvaart_op: datetime, overleden_op: datetime, terms: dict) -> str:
    """Why this funeral moment cannot be right (with what to do), or "" when it is fine."""
    if uitvaart_op <= overleden_op:
        return str(_("De uitvaart moet na het overlijden liggen. Controleer de datum en het tijdstip."))
    if lokale_dag(uitvaart_op) > lokale_dag(overleden_op) + timedelta(days=terms["uitvaart_max_dagen_na_overlijden"]):
        return str(_("De uitvaart ligt meer dan %(n)s dagen na het overlijden. Controleer de datum, of neem contact "
                     "op met de gemeente als de uitvaart echt zo laat is.")
                   % {"n": terms["uitvaart_max_dagen_na_overlijden"]})
    return ""


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


def overledene_bevestiging(persoon: dict) -> dict:
    """Only what the undertaker needs to confirm the identity: name and date of birth (kept in the draft)."""
    geboren = geboren_vanaf(persoon)
    return {
        "naam": volledige_naam(persoon),
        "geboortedatum_lang": ((persoon.get("geboorte") or {}).get("datum") or {}).get("langFormaat", ""),
        "geboren_vanaf": geboren.isoformat() if geboren else "",
    }


def overledene_samenvatting(persoon: dict) -> dict:
    """What the case stores for the akte and the dossier (read again from the BRP at submission)."""
    return {
        "bsn": persoon.get("burgerservicenummer", ""),
        "naam": volledige_naam(persoon),
        "geboortedatum": ((persoon.get("geboorte") or {}).get("datum") or {}).get("datum", ""),
        "geboortedatum_lang": ((persoon.get("geboorte") or {}).get("datum") or {}).get("langFormaat", ""),
        "adres": adresregel(persoon),
        "burgerlijke_staat": burgerlijke_staat(persoon),
    }
