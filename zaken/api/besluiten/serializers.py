"""Besluiten API 1.0: a besluit read from ours, and its besluitinformatieobject (the letter that records it).

vervalreden: `tijdelijk` when the besluit has a vervaldatum (a permit for a period); we record no
withdrawals. uiterlijkeReactiedatum: the last day to object (Awb 6:7, 6:8), from the municipality's
bezwaar term, once the besluit is sent. Every besluit has one letter at most, so a besluitinformatieobject
is the besluit itself (its uuid, another resource), aardRelatie `legt_vast` (brc-004).
"""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

from zaken.models import Besluit
from zaken.termijn_engine import bezwaartermijn_voor, termijn_config

from ..catalogi.filters import UrlParam
from ..common.urls import resource_url
from ..documenten.scope import document_url
from ..zaken.scope import zaak_url
from .scope import besluit_url, besluittype_url

VERVALREDEN = {"tijdelijk": "Besluit met tijdelijke werking",
               "ingetrokken_overheid": "Besluit ingetrokken door overheid",
               "ingetrokken_belanghebbende": "Besluit ingetrokken o.v.v. belanghebbende"}


class BesluitSerializer(s.Serializer):
    url = s.SerializerMethodField()
    identificatie = s.CharField()
    verantwoordelijkeOrganisatie = s.CharField(source="zaak.bronorganisatie")
    besluittype = s.SerializerMethodField()
    zaak = s.SerializerMethodField()
    datum = s.DateField()
    toelichting = s.CharField()
    bestuursorgaan = s.SerializerMethodField()
    ingangsdatum = s.DateField()
    vervaldatum = s.DateField(allow_null=True)
    vervalreden = s.SerializerMethodField()
    vervalredenWeergave = s.SerializerMethodField()
    publicatiedatum = s.SerializerMethodField()
    verzenddatum = s.DateField(allow_null=True)
    uiterlijkeReactiedatum = s.SerializerMethodField()

    def _request(self):
        return self.context["request"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, besluit: Besluit) -> str:
        return besluit_url(self._request(), besluit)

    @extend_schema_field(OpenApiTypes.URI)
    def get_besluittype(self, besluit: Besluit) -> str:
        return besluittype_url(self._request(), besluit.zaak.gemeente.gemeentecode, besluit.besluittype)

    @extend_schema_field(OpenApiTypes.URI)
    def get_zaak(self, besluit: Besluit) -> str:
        return zaak_url(self._request(), besluit.zaak)

    def get_bestuursorgaan(self, besluit: Besluit) -> str:
        # blank is the college, as the besluit letter's bezwaar clause names it
        return besluit.bestuursorgaan or _("het college van burgemeester en wethouders van %(gemeente)s") % {
            "gemeente": besluit.zaak.gemeente.naam}

    @extend_schema_field({"type": "string", "enum": list(VERVALREDEN)})
    def get_vervalreden(self, besluit: Besluit) -> str:
        return "tijdelijk" if besluit.vervaldatum else ""

    def get_vervalredenWeergave(self, besluit: Besluit) -> str:
        return VERVALREDEN.get(self.get_vervalreden(besluit), "")

    @extend_schema_field({"type": "string", "format": "date", "nullable": True})
    def get_publicatiedatum(self, besluit: Besluit):
        return None  # we send besluiten to the applicant; publication is not recorded

    @extend_schema_field({"type": "string", "format": "date", "nullable": True})
    def get_uiterlijkeReactiedatum(self, besluit: Besluit):
        if besluit.verzenddatum is None:
            return None
        # one term per zaaktype in a response (the municipality is the client's): no query per besluit
        weken = self.context.setdefault("bezwaarweken", {})
        if besluit.zaak.zaaktype_id not in weken:
            weken[besluit.zaak.zaaktype_id] = termijn_config(besluit.zaak).bezwaartermijn_weken
        einde = bezwaartermijn_voor(besluit, weken=weken[besluit.zaak.zaaktype_id])
        return einde.isoformat() if einde else None


class BesluitInformatieObjectSerializer(s.Serializer):
    url = s.SerializerMethodField()
    informatieobject = s.SerializerMethodField()
    besluit = s.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, besluit: Besluit) -> str:
        return resource_url(self.context["request"], "api:besluiten:besluitinformatieobject-detail", besluit.uuid)

    @extend_schema_field(OpenApiTypes.URI)
    def get_informatieobject(self, besluit: Besluit) -> str:
        return document_url(self.context["request"], besluit.document)

    @extend_schema_field(OpenApiTypes.URI)
    def get_besluit(self, besluit: Besluit) -> str:
        return besluit_url(self.context["request"], besluit)


class BesluitCreateSerializer(s.Serializer):
    """The request body of POST /besluiten (the spec's writable fields; vervalreden follows vervaldatum)."""

    identificatie = s.CharField(required=False, allow_blank=True, max_length=40)
    verantwoordelijkeOrganisatie = s.RegexField(r"^\d{9}$", max_length=9)
    besluittype = UrlParam(max_length=1000)
    zaak = UrlParam(required=False, allow_blank=True, max_length=1000)
    datum = s.DateField()
    toelichting = s.CharField(required=False, allow_blank=True)
    bestuursorgaan = s.CharField(required=False, allow_blank=True, max_length=200)
    ingangsdatum = s.DateField()
    vervaldatum = s.DateField(required=False, allow_null=True)
    verzenddatum = s.DateField(required=False, allow_null=True)

    class Meta:
        ref_name = "BesluitRequest"
