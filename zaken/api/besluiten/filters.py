"""Query parameters of the Besluiten API lists, validated (a wrong value is a 400 ValidatieFout)."""

from django.db.models import QuerySet
from rest_framework import serializers as s

from ..catalogi.filters import UrlParam
from ..common.filters import EenFilterVerplicht
from ..documenten.scope import DETAIL as DOCUMENT_DETAIL
from ..zaken.scope import uuid_uit_url
from .scope import DETAIL, besluittype_namen


def _by_url(queryset: QuerySet, url: str, route: str, field: str) -> QuerySet:
    key = uuid_uit_url(url, route)
    return queryset.filter(**{field: key}) if key else queryset.none()


class BesluitFilter(s.Serializer):
    identificatie = s.CharField(required=False, max_length=50)
    verantwoordelijkeOrganisatie = s.RegexField(r"^\d{9}$", required=False, help_text="RSIN.")
    besluittype = UrlParam(required=False)
    zaak = UrlParam(required=False)

    def apply(self, queryset: QuerySet, gemeentecode: str) -> QuerySet:
        params = self.validated_data
        if "identificatie" in params:
            queryset = queryset.filter(identificatie=params["identificatie"])
        if "verantwoordelijkeOrganisatie" in params:
            queryset = queryset.filter(zaak__bronorganisatie=params["verantwoordelijkeOrganisatie"])
        if "zaak" in params:
            queryset = _by_url(queryset, params["zaak"], "api:zaken:zaak-detail", "zaak__uuid")
        if "besluittype" in params:
            # a besluittype is its name here: the declared names with that uuid5 (none: an empty list)
            key = uuid_uit_url(params["besluittype"], "api:catalogi:besluittype-detail")
            queryset = queryset.filter(besluittype__in=besluittype_namen(gemeentecode, key) if key else [])
        return queryset


class BesluitInformatieObjectFilter(EenFilterVerplicht):
    verplicht_een_van = ("besluit", "informatieobject")
    besluit = UrlParam(required=False)
    informatieobject = UrlParam(required=False)

    def apply(self, queryset: QuerySet) -> QuerySet:
        if "besluit" in self.validated_data:
            queryset = _by_url(queryset, self.validated_data["besluit"], DETAIL, "uuid")
        if "informatieobject" in self.validated_data:
            queryset = _by_url(queryset, self.validated_data["informatieobject"], DOCUMENT_DETAIL, "document__uuid")
        return queryset
