"""Who applies: an organisation (eHerkenning, from the KvK, read-only) or a person (DigiD, from the BRP)."""

from __future__ import annotations

from zaken.actors import Actor
from zaken.forms.overlijden.prefill import bedrijf_prefill
from zaken.forms.overlijden.rules import adresregel, volledige_naam
from zaken.identity import AuthContext
from zaken.integrations.brp.base import Doel
from zaken.integrations.errors import IntegrationError
from zaken.integrations.registry import get_adapter
from zaken.models import AuditLog
from zaken.services import audit_record


# A person who applies: the name and address on the application.
BRP_VELDEN = ("naam.volledigeNaam", "verblijfplaats.verblijfadres")
BRP_DOEL = Doel(doelbinding="evenementenvergunning", verwerking="evenementenvergunning: aanvraag")


def aanvrager_prefill(*, auth: AuthContext, gemeente, reason: str = "evenementenvergunning vooraf invullen") -> dict:
    """{"soort": "bedrijf"|"persoon", "naam", "adres", ...}; a register that is down leaves fields blank."""
    if auth.is_eherkenning:
        return {"soort": "bedrijf", **bedrijf_prefill(auth, gemeente)}
    try:
        persoon = get_adapter("brp", gemeente).persoon(auth.bsn, BRP_VELDEN, doel=BRP_DOEL)
    except IntegrationError:
        return {"soort": "persoon", "naam": auth.display_name, "adres": "", "brp_beschikbaar": False}
    audit_record(actor=Actor.system("evenementenvergunning: vooraf invullen"), name="evenement_prefill",
                 operation=AuditLog.Operation.READ, gemeente=gemeente, subject_bsn=auth.bsn,
                 categories=["naam", "verblijfplaats"], reason=reason,
                 processing_activity="evenementenvergunning: aanvraag")
    return {"soort": "persoon", "naam": volledige_naam(persoon) or auth.display_name, "adres": adresregel(persoon),
            "brp_beschikbaar": True}
