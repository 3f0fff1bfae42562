"""Query parameters of the enkelvoudiginformatieobjecten list that we can serve, validated (a wrong value
is a 400 ValidatieFout)."""

from uuid import UUID

from django.db.models import QuerySet
from rest_framework import serializers as s

from ..catalogi.filters import CommaList


class EnkelvoudigInformatieObjectFilter(s.Serializer):
    bronorganisatie = s.RegexField(r"^\d{9}$", required=False, help_text="RSIN van de bronorganisatie.")
    identificatie = s.CharField(required=False, max_length=40)
    trefwoorden = CommaList(required=False, help_text="Onze documenten hebben geen trefwoorden.")

    def apply(self, queryset: QuerySet) -> QuerySet:
        params = self.validated_data
        if "bronorganisatie" in params:
            queryset = queryset.filter(zaak__bronorganisatie=params["bronorganisatie"])
        if "identificatie" in params:
            try:
                queryset = queryset.filter(uuid=UUID(params["identificatie"]))
            except ValueError:  # not one of our identificaties (they are uuids): nothing matches
                queryset = queryset.none()
        if params.get("trefwoorden"):
            queryset = queryset.none()  # we keep no trefwoorden: no document has the asked ones
        return queryset


class VersieFilter(s.Serializer):
    """A document's version (ours have one: 1) or its state at a moment (it exists from beginRegistratie)."""

    versie = s.IntegerField(required=False, min_value=1)
    registratieOp = s.DateTimeField(required=False)

    def matches(self, document) -> bool:
        params = self.validated_data
        if params.get("versie", 1) != 1:
            return False
        return "registratieOp" not in params or params["registratieOp"] >= document.creatiedatum
