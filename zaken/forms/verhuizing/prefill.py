"""What the government already knows about a move: the declarant, their address and household."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from zaken.actors import Actor
from zaken.integrations.brp.base import Doel
from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.registry import get_adapter

from zaken.models import AuditLog
from zaken.services import audit_record

from .huishouden import Huishouden, huishouden_bepalen


# What the move asks of the BRP (data minimisation). The declarant: name, birth date (age), the current
# address (the case keeps it as the old address), a registered death, and the relations that decide
# who may move along.
AANGEVER_VELDEN = ("burgerservicenummer", "naam.volledigeNaam", "geboorte.datum", "verblijfplaats", "overlijden.datum",
                   "partners.burgerservicenummer", "partners.soortVerbintenis",
                   "partners.ontbindingHuwelijkPartnerschap", "kinderen.burgerservicenummer",
                   "ouders.burgerservicenummer")
# The residents at the declarant's address: who they are, their name and age.
BEWONER_VELDEN = ("burgerservicenummer", "naam.volledigeNaam", "geboorte.datum")
# Chosen co-movers: only whether the BRP knows them as deceased.
OVERLIJDEN_VELDEN = ("burgerservicenummer", "overlijden.datum")
# The purpose the BRP API gateway protocols (x-doelbinding, x-verwerking); verwerking as in the audit log.
DOEL = Doel(doelbinding="verhuizing", verwerking="verhuizing: aangifte adreswijziging")


@dataclass
class VerhuizingPrefill:
    brp_beschikbaar: bool
    aangever: dict = field(default_factory=dict)
    huishouden: Huishouden = field(default_factory=Huishouden)

    @property
    def overleden(self) -> bool:
        return bool(self.aangever.get("overlijden"))

    @property
    def verblijfplaats(self) -> dict:
        return self.aangever.get("verblijfplaats") or {}

    @property
    def adresseerbaar_object(self) -> str:
        return self.verblijfplaats.get("adresseerbaarObjectIdentificatie", "")

    @property
    def adres(self) -> dict:
        return self.verblijfplaats.get("verblijfadres") or {}


def verhuizing_prefill(*, bsn: str, vandaag: date, terms: dict, gemeente=None,
                       reason: str = "verhuismelding vooraf invullen") -> VerhuizingPrefill:
    """BRP person and the residents of their address; a BRP that is down gives an empty prefill.

    The read is logged: the household's data are other persons' data, read by a process step.
    """
    brp = get_adapter("brp", gemeente)
    try:
        aangever = brp.persoon(bsn, AANGEVER_VELDEN, doel=DOEL)
        prefill = VerhuizingPrefill(brp_beschikbaar=True, aangever=aangever)
        if prefill.adresseerbaar_object:
            bewoners = brp.bewoners(prefill.adresseerbaar_object, BEWONER_VELDEN, doel=DOEL)
            prefill.huishouden = huishouden_bepalen(aangever=aangever, bewoners=bewoners, vandaag=vandaag, terms=terms)
    except (Unavailable, NotFound):
        return VerhuizingPrefill(brp_beschikbaar=False)
    audit_record(actor=Actor.system("verhuizing: vooraf invullen"), name="brp_prefill",
                 operation=AuditLog.Operation.READ, gemeente=gemeente, subject_bsn=bsn,
                 categories=["naam", "geboorte", "verblijfplaats", "partners", "kinderen", "ouders", "bewoners"],
                 reason=reason, processing_activity="verhuizing: aangifte adreswijziging")
    return prefill


def overleden_bsns(bsns: set[str], gemeente=None) -> set[str]:
    """Which of these persons the BRP knows as deceased (they cannot move)."""
    if not bsns:
        return set()
    personen = get_adapter("brp", gemeente).personen(sorted(bsns), OVERLIJDEN_VELDEN, doel=DOEL)
    return {p["burgerservicenummer"] for p in personen if p.get("overlijden")}
