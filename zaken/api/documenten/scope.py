"""Which documents an API client may reach: its municipality's (through the document's case), up to the
maximum vertrouwelijkheidaanduiding of a Documenten API autorisatie that holds the scope, and only of its
zaaktype when the autorisatie names one.

Everything outside is a 404, never a 403, as on every other route.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from zaken.models import Document

from ..catalogi.catalogus import stable_uuid
from ..common.urls import resource_url
from ..common.vertrouwelijkheid import levels_up_to

COMPONENT = "drc"
DETAIL = "api:documenten:enkelvoudiginformatieobject-detail"


def documenten_voor(client, scope: str = "documenten.lezen") -> QuerySet[Document]:
    """The client's documents under one scope: an OR over its Documenten API autorisaties with the scope."""
    allowed = Q()
    for autorisatie in client.autorisaties:
        if autorisatie.component != COMPONENT or scope not in autorisatie.scopes:
            continue
        rule = Q(vertrouwelijkheidaanduiding__in=levels_up_to(autorisatie.max_vertrouwelijkheidaanduiding))
        if autorisatie.zaaktype_id:
            rule &= Q(zaak__zaaktype_id=autorisatie.zaaktype_id)
        allowed |= rule
    if not allowed:
        return Document.objects.none()
    return Document.objects.filter(allowed, zaak__gemeente_id=client.gemeente.pk)


def document_url(request, document: Document) -> str:
    """The enkelvoudiginformatieobject's resource URL: its identifier for every API client."""
    return resource_url(request, DETAIL, document.uuid)


def informatieobjecttype_url(request, gemeentecode: str, soort: str) -> str:
    """The Catalogi API's informatieobjecttype of a document kind (the catalogus's uuid5 scheme)."""
    key = stable_uuid(gemeentecode, "informatieobjecttype", soort)
    return resource_url(request, "api:catalogi:informatieobjecttype-detail", key)
