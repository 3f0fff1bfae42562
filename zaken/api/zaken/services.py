"""The Zaken API's writes and audit lines, on top of the core services (zaken.services) and the
processes' own transitions. Views stay thin: they validate and call these."""

from __future__ import annotations

from zaken.actors import Actor
from zaken.models import AuditLog, Zaak
from zaken.services import audit_record


def zaak_gelezen(*, client, zaak: Zaak) -> AuditLog:
    """An API client read a case: one audit line, like a civil servant opening the dossier.

    Lists are not logged per case: a Zaak in a list carries no personal data (no BSN, no name), the
    rollen are their own resource and their own reads.
    """
    return audit_record(actor=Actor.api(client), name="zaak_inzien", operation=AuditLog.Operation.READ,
                        zaak=zaak, categories=["zaak"], reason="Zaken API",
                        subject_bsn=zaak.initiator_bsn,
                        processing_activity=f"{zaak.zaaktype.process_slug}: zaak inzien (Zaken API)")
