"""Zaakinformatieobjecten: each of a case's documents is one (aardRelatie `hoort_bij`, zrc-004).

Our Document belongs to exactly one case, so the relation is the document itself: its uuid is the
zaakinformatieobject's uuid too (another resource, so the same uuid names a different URL), registered
when the document was stored.
"""

from __future__ import annotations

from collections import defaultdict

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from zaken.models import Document, Zaak

from ..common.urls import resource_url
from ..documenten.scope import document_url
from .scope import zaak_url

AARD_RELATIE = "hoort_bij"
AARD_RELATIE_WEERGAVE = {"hoort_bij": "Hoort bij, omgekeerd: kent",
                         "legt_vast": "Legt vast, omgekeerd: kan vastgelegd zijn als"}


class ZaakInformatieObjectSerializer(s.Serializer):
    url = s.SerializerMethodField()
    uuid = s.UUIDField()
    informatieobject = s.SerializerMethodField()
    zaak = s.SerializerMethodField()
    aardRelatieWeergave = s.SerializerMethodField()
    titel = s.CharField()
    beschrijving = s.SerializerMethodField()
    registratiedatum = s.DateTimeField(source="creatiedatum")
    vernietigingsdatum = s.SerializerMethodField()
    status = s.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, doc: Document) -> str:
        return resource_url(self.context["request"], "api:zaken:zaakinformatieobject-detail", doc.uuid)

    @extend_schema_field(OpenApiTypes.URI)
    def get_informatieobject(self, doc: Document) -> str:
        return document_url(self.context["request"], doc)

    @extend_schema_field(OpenApiTypes.URI)
    def get_zaak(self, doc: Document) -> str:
        return zaak_url(self.context["request"], doc.zaak)

    @extend_schema_field({"type": "string", "enum": list(AARD_RELATIE_WEERGAVE.values())})
    def get_aardRelatieWeergave(self, doc: Document) -> str:
        return AARD_RELATIE_WEERGAVE[AARD_RELATIE]

    def get_beschrijving(self, doc: Document) -> str:
        return doc.get_soort_display()

    @extend_schema_field({"type": "string", "format": "date-time", "nullable": True})
    def get_vernietigingsdatum(self, doc: Document):
        return None  # archiving (and destruction dates) is not part of this API yet

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_status(self, doc: Document):
        return None  # we do not record under which status a document was added


def zaakinformatieobjecten_voor_zaken(request, zaken: list[Zaak]) -> dict[int, list[dict]]:
    """For the `expand` of zaak.zaakinformatieobjecten: every listed case's relations, in one query.

    The caller has scoped `zaken` to the client already (zaken_voor); keys are Zaak primary keys.
    """
    by_pk = {zaak.pk: zaak for zaak in zaken}
    out: dict[int, list[dict]] = defaultdict(list)
    if not by_pk:
        return {}
    documents = Document.objects.filter(zaak_id__in=by_pk).order_by("creatiedatum", "pk")
    context = {"request": request}
    for doc in documents:
        doc.zaak = by_pk[doc.zaak_id]  # no query per document for its zaak URL
        out[doc.zaak_id].append(ZaakInformatieObjectSerializer(doc, context=context).data)
    return {pk: out.get(pk, []) for pk in by_pk}
