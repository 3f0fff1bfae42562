"""What the government knows about a resident's permit application (domain.md §4c).

One read of the BRP (name, address, municipality of registration) and of the BAG (is the address
a dwelling: gebruiksdoel woonfunctie), logged. The zone lies with the process (its configuration).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.integrations.brp.base import Doel
from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.registry import get_adapter
from zaken.models import AuditLog
from zaken.services import audit_record

OVERLEDEN = "overleden"
ANDERE_GEMEENTE = "andere_gemeente"
GEEN_ADRES = "geen_adres"
GEEN_WONING = "geen_woonfunctie"
REGISTER_ONBEREIKBAAR = "register_onbereikbaar"


@dataclass(frozen=True)
class Blokkade:
    code: str
    uitleg: str

    @property
    def later(self) -> bool:
        """A register is down: try again in a few minutes (503), nothing is wrong with the person."""
        return self.code == REGISTER_ONBEREIKBAAR


@dataclass(frozen=True)
class ParkeerPrefill:
    naam: str = ""
    adres: str = ""  # "Boterdiep 31, 3077 AW Rotterdam"
    postcode: str = ""
    adresseerbaar_object: str = ""
    blokkade: Blokkade | None = None

    @property
    def kan_aanvragen(self) -> bool:
        return self.blokkade is None


def _adresregel(adres: dict) -> str:
    return f"{adres.get('adresregel5', '')}, {adres.get('adresregel6', '')}".strip(", ")


# A resident's permit: the name, a registered death, the municipality of registration and the address
# (its BAG object; the BAG gives the rest).
BRP_VELDEN = ("naam.volledigeNaam", "overlijden.datum", "gemeenteVanInschrijving",
              "verblijfplaats.adresseerbaarObjectIdentificatie")
BRP_DOEL = Doel(doelbinding="parkeervergunning", verwerking="parkeervergunning: aanvraag")


def parkeer_prefill(*, bsn: str, gemeente, reason: str = "parkeervergunning vooraf invullen") -> ParkeerPrefill:
    try:
        persoon = get_adapter("brp", gemeente).persoon(bsn, BRP_VELDEN, doel=BRP_DOEL)
        naam = (persoon.get("naam") or {}).get("volledigeNaam", "")
        if persoon.get("overlijden"):
            return ParkeerPrefill(naam=naam, blokkade=Blokkade(OVERLEDEN, _(
                "Volgens de Basisregistratie Personen is deze persoon overleden.")))
        ingeschreven = (persoon.get("gemeenteVanInschrijving") or {}).get("code", "")
        if ingeschreven != gemeente.gemeentecode:
            return ParkeerPrefill(naam=naam, blokkade=Blokkade(ANDERE_GEMEENTE, _(
                "U staat niet in deze gemeente ingeschreven. Een bewonersvergunning krijgt alleen wie op een adres "
                "in de vergunningzone in de Basisregistratie Personen staat. Vraag uw vergunning aan bij de gemeente "
                "waar u woont.")))
        aoid = (persoon.get("verblijfplaats") or {}).get("adresseerbaarObjectIdentificatie", "")
        if not aoid:
            return ParkeerPrefill(naam=naam, blokkade=Blokkade(GEEN_ADRES, _(
                "U staat in de Basisregistratie Personen niet op een woonadres ingeschreven. Neem contact op met de "
                "gemeente.")))
        adres = get_adapter("bag", gemeente).adres(aoid)
    except Unavailable:
        return ParkeerPrefill(blokkade=Blokkade(REGISTER_ONBEREIKBAAR, _(
            "Uw adres kan nu niet worden opgehaald, omdat de Basisregistratie Personen of de BAG niet bereikbaar is. "
            "Er is niets verloren gegaan. Probeer het over enkele minuten opnieuw.")))
    except NotFound:
        return ParkeerPrefill(blokkade=Blokkade(GEEN_ADRES, _(
            "Wij vinden uw adres niet in de Basisregistratie Personen of de BAG. Neem contact op met de gemeente.")))
    audit_record(actor=Actor.system("parkeervergunning: vooraf invullen"), name="parkeer_prefill",
                 operation=AuditLog.Operation.READ, gemeente=gemeente, subject_bsn=bsn,
                 categories=["naam", "verblijfplaats", "gebruiksdoelen"], reason=reason,
                 processing_activity="parkeervergunning: aanvraag")
    prefill = ParkeerPrefill(naam=naam, adres=_adresregel(adres), postcode=adres.get("postcode", ""),
                             adresseerbaar_object=aoid)
    if "woonfunctie" not in (adres.get("gebruiksdoelen") or []):
        return ParkeerPrefill(naam=naam, adres=prefill.adres, postcode=prefill.postcode, adresseerbaar_object=aoid,
                              blokkade=Blokkade(GEEN_WONING, _(
                                  "Uw adres is volgens de BAG geen zelfstandige woning (het heeft geen woonfunctie). "
                                  "Een bewonersvergunning is alleen voor bewoners van een woning.")))
    return prefill


def voertuig_lezen(*, kenteken: str, bsn: str, gemeente, reason: str) -> dict:
    """One vehicle from the RDW, logged (the register names its holder). NotFound and Unavailable propagate."""
    voertuig = get_adapter("rdw", gemeente).voertuig(kenteken)
    audit_record(actor=Actor.system("parkeervergunning: voertuig"), name="rdw_voertuig",
                 operation=AuditLog.Operation.READ, gemeente=gemeente, subject_bsn=bsn,
                 categories=["kenteken", "houder", "afmetingen"], reason=reason,
                 processing_activity="parkeervergunning: aanvraag")
    return voertuig
