"""The audit lines of an API client reading documents, recorded like a civil servant's (document_inzien):
one line per document it read, downloaded or received in a list (a title can hold personal data)."""

from __future__ import annotations

from zaken.actors import Actor
from zaken.models import AuditLog, Document
from zaken.services import subject_hash

REASON = "document inzien via de Documenten API"


def _line(actor: Actor, document: Document, wat: str) -> AuditLog:
    zaak = document.zaak
    return AuditLog(name="document_inzien", operation=AuditLog.Operation.READ, actor_type=actor.kind,
                    actor_label=actor.label, gemeente_id=zaak.gemeente_id, zaak=zaak,
                    processing_activity=f"{zaak.zaaktype.process_slug}: {wat} (API)",
                    categories=[f"document: {document.get_soort_display()}"], reason=REASON,
                    data_subject_hash=subject_hash(zaak.initiator_bsn),
                    data_subject_type="BSN" if zaak.initiator_bsn else "")


def documenten_api_inzien_record(*, client, documents: list[Document], wat: str = "document inzien") -> None:
    """One INSERT for any number of documents (a list page keeps its query count)."""
    actor = Actor.api(client)
    AuditLog.objects.bulk_create([_line(actor, document, wat) for document in documents])
