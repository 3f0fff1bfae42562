"""Query parameters of the Catalogi lists, as the spec names them, validated by a serializer (a wrong
value is a 400 ValidatieFout) and applied to the catalogus's dicts in memory."""

from datetime import date

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers as s

STATUS = ["alles", "concept", "definitief"]


def tekst(**kw):
    """A text parameter compared as given: a blank or whitespace value matches nothing (no 400)."""
    return s.CharField(required=False, trim_whitespace=False, **kw)


class CommaList(s.CharField):
    """An array parameter in the spec's form style (explode false): comma-separated."""

    def to_internal_value(self, data):
        return [part for part in super().to_internal_value(data).split(",") if part]


@extend_schema_field(OpenApiTypes.URI)
class UrlParam(s.CharField):
    """A resource URL as identifier; ours are compared as given (Django's URLValidator refuses hosts
    without a dot, such as a container's name)."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not value.startswith(("http://", "https://")):
            self.fail("invalid")
        return value

    default_error_messages = {"invalid": _("Voer een geldige URL in, bv. https://…/api/catalogi/v1/zaaktypen/<uuid>.")}


def _status(item, value):
    return value == "alles" or item.get("concept", False) == (value == "concept")


def _geldig(item, day: date):
    return item["beginGeldigheid"] <= day and (item["eindeGeldigheid"] is None or day <= item["eindeGeldigheid"])


# How each parameter matches a resource (dict); equality on the same key for the rest.
MATCHERS = {
    "domein__in": lambda item, v: item["domein"] in v,
    "rsin__in": lambda item, v: item["rsin"] in v,
    "trefwoorden": lambda item, v: set(v) <= set(item["trefwoorden"]),
    "status": _status,
    "datumGeldigheid": _geldig,
    "datum_geldigheid": _geldig,
    "zaaktype_identificatie": lambda item, v: item["zaaktypeIdentificatie"] == v,
    "zaaktypen": lambda item, v: v in item["zaaktypen"],
    "informatieobjecttypen": lambda item, v: v in item["informatieobjecttypen"],
}


def apply(items: list[dict], params: dict) -> list[dict]:
    for name, value in params.items():
        match = MATCHERS.get(name, lambda item, v, key=name: item.get(key) == v)
        items = [item for item in items if match(item, value)]
    return items


class CatalogusFilter(s.Serializer):
    domein = tekst(max_length=5)
    domein__in = CommaList(required=False)
    rsin = tekst(max_length=9)
    rsin__in = CommaList(required=False)


class ZaakTypeFilter(s.Serializer):
    catalogus = UrlParam(required=False)
    identificatie = tekst()
    trefwoorden = CommaList(required=False)
    status = s.ChoiceField(STATUS, required=False)
    datumGeldigheid = s.DateField(required=False)


class ZaakTypeDetailFilter(s.Serializer):
    """A zaaktype's detail may ask for the version valid on a date (ours have one version: it or a 404)."""

    datumGeldigheid = s.DateField(required=False)


class ZaaktypeDeelFilter(s.Serializer):
    zaaktype = UrlParam(required=False)
    zaaktypeIdentificatie = tekst()
    status = s.ChoiceField(STATUS, required=False)
    datumGeldigheid = s.DateField(required=False)


class RolTypeFilter(ZaaktypeDeelFilter):
    omschrijvingGeneriek = s.ChoiceField(["adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator",
                                          "klantcontacter", "zaakcoordinator", "mede_initiator"], required=False)


class ResultaatTypeFilter(s.Serializer):
    # The spec spells these two in snake_case for this list only.
    zaaktype = UrlParam(required=False)
    zaaktype_identificatie = tekst()
    status = s.ChoiceField(STATUS, required=False)
    datum_geldigheid = s.DateField(required=False)


class InformatieObjectTypeFilter(s.Serializer):
    catalogus = UrlParam(required=False)
    status = s.ChoiceField(STATUS, required=False)
    datumGeldigheid = s.DateField(required=False)
    omschrijving = tekst()


class BesluitTypeFilter(s.Serializer):
    catalogus = UrlParam(required=False)
    zaaktypen = UrlParam(required=False)
    informatieobjecttypen = UrlParam(required=False)
    status = s.ChoiceField(STATUS, required=False)
    omschrijving = tekst()
    datumGeldigheid = s.DateField(required=False)
