"""Documenten API 1.5: an enkelvoudiginformatieobject, read from our Document (one version, never locked).

Our documents have no identificatie of their own: the uuid is it (unique, stable, and a filter on it is an
index lookup). `status` is always `definitief`: a letter is sent and an attachment received when stored.
indicatieGebruiksrecht (drc-006): `false` for the letters the municipality makes (no restrictions beyond
consultation), `null` (unknown) for what an applicant sent; we keep no gebruiksrechten, so never `true`.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from zaken.models import Document

from ..common.urls import resource_url
from ..common.vertrouwelijkheid import VertrouwelijkheidAanduiding
from .scope import document_url, informatieobjecttype_url

STATUS = ["in_bewerking", "concept", "definitief", "ter_vaststelling", "vastgesteld", "gearchiveerd"]
TAAL = "dut"  # ISO 639-2/B: every document we make or receive is in Dutch


class IntegriteitSerializer(s.Serializer):
    algoritme = s.CharField()
    waarde = s.CharField()
    datum = s.DateField(allow_null=True)


class OndertekeningSerializer(s.Serializer):
    soort = s.CharField(allow_blank=True)
    datum = s.DateField(allow_null=True)


class EnkelvoudigInformatieObjectSerializer(s.Serializer):
    url = s.SerializerMethodField()
    identificatie = s.SerializerMethodField()
    bronorganisatie = s.CharField(source="zaak.bronorganisatie")
    creatiedatum = s.SerializerMethodField()
    titel = s.CharField()
    vertrouwelijkheidaanduiding = s.SerializerMethodField()
    auteur = s.SerializerMethodField()
    status = s.SerializerMethodField()
    formaat = s.CharField()
    taal = s.SerializerMethodField()
    versie = s.SerializerMethodField()
    beginRegistratie = s.DateTimeField(source="creatiedatum")
    bestandsnaam = s.CharField()
    inhoud = s.SerializerMethodField()
    bestandsomvang = s.SerializerMethodField()
    link = s.SerializerMethodField()
    beschrijving = s.SerializerMethodField()
    ontvangstdatum = s.SerializerMethodField()
    verzenddatum = s.SerializerMethodField()
    indicatieGebruiksrecht = s.SerializerMethodField()
    verschijningsvorm = s.SerializerMethodField()
    ondertekening = s.SerializerMethodField()
    integriteit = s.SerializerMethodField()
    informatieobjecttype = s.SerializerMethodField()
    locked = s.SerializerMethodField()
    bestandsdelen = s.SerializerMethodField()
    trefwoorden = s.SerializerMethodField()
    inhoudIsVervallen = s.SerializerMethodField()

    def _request(self):
        return self.context["request"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, doc: Document) -> str:
        return document_url(self._request(), doc)

    def get_identificatie(self, doc: Document) -> str:
        return str(doc.uuid)

    @extend_schema_field(OpenApiTypes.DATE)
    def get_creatiedatum(self, doc: Document):
        return timezone.localdate(doc.creatiedatum).isoformat()

    @extend_schema_field({"type": "string", "enum": VertrouwelijkheidAanduiding.values})
    def get_vertrouwelijkheidaanduiding(self, doc: Document) -> str:
        # drc-007: ours is always set, and each of our four values is one of the standard's eight
        return doc.vertrouwelijkheidaanduiding

    def get_auteur(self, doc: Document) -> str:
        return _("aanvrager") if doc.soort == Document.Soort.BIJLAGE else doc.zaak.gemeente.naam

    @extend_schema_field({"type": "string", "enum": STATUS})
    def get_status(self, doc: Document) -> str:
        return "definitief"

    def get_taal(self, doc: Document) -> str:
        return TAAL

    def get_versie(self, doc: Document) -> int:
        return 1

    @extend_schema_field(OpenApiTypes.URI)
    def get_inhoud(self, doc: Document) -> str:
        return resource_url(self._request(), "api:documenten:enkelvoudiginformatieobject-download", doc.uuid)

    @extend_schema_field({"type": "integer", "format": "int64", "nullable": True})
    def get_bestandsomvang(self, doc: Document) -> int:
        return doc.bestandsomvang

    @extend_schema_field(OpenApiTypes.URI)
    def get_link(self, doc: Document) -> str:
        return ""

    def get_beschrijving(self, doc: Document) -> str:
        return doc.get_soort_display()

    @extend_schema_field({"type": "string", "format": "date", "nullable": True})
    def get_ontvangstdatum(self, doc: Document):
        # an applicant's attachment is received when stored; our own letters are not received
        return self.get_creatiedatum(doc) if doc.soort == Document.Soort.BIJLAGE else None

    @extend_schema_field({"type": "string", "format": "date", "nullable": True})
    def get_verzenddatum(self, doc: Document):
        # a letter is sent when it is published in Mijn zaken, which is when it is stored
        sent = doc.soort != Document.Soort.BIJLAGE and doc.zichtbaar_voor_aanvrager
        return self.get_creatiedatum(doc) if sent else None

    @extend_schema_field({"type": "boolean", "nullable": True})
    def get_indicatieGebruiksrecht(self, doc: Document):
        return None if doc.soort == Document.Soort.BIJLAGE else False

    def get_verschijningsvorm(self, doc: Document) -> str:
        return ""

    @extend_schema_field(OndertekeningSerializer(allow_null=True))
    def get_ondertekening(self, doc: Document):
        return {"soort": "", "datum": None}

    @extend_schema_field(IntegriteitSerializer(allow_null=True))
    def get_integriteit(self, doc: Document):
        return {"algoritme": "sha_256", "waarde": doc.sha256, "datum": self.get_creatiedatum(doc)}

    @extend_schema_field(OpenApiTypes.URI)
    def get_informatieobjecttype(self, doc: Document) -> str:
        return informatieobjecttype_url(self._request(), doc.zaak.gemeente.gemeentecode, doc.soort)

    def get_locked(self, doc: Document) -> bool:
        return False

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_bestandsdelen(self, doc: Document) -> list:
        return []

    @extend_schema_field({"type": "array", "items": {"type": "string"}, "nullable": True})
    def get_trefwoorden(self, doc: Document) -> list:
        return []

    @extend_schema_field({"type": "boolean", "nullable": True})
    def get_inhoudIsVervallen(self, doc: Document):
        return False
