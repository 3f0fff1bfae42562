"""Zaken API: zaakinformatieobjecten, the links between a case and its documents (Documenten API).

Read: the list (a plain array, as the spec has it; filters zaak and informatieobject, one of them required:
unfiltered it would hold every document of the municipality) and the detail, for
cases the client may read (zaken.lezen). Writes answer 405: our processes store the documents.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers as s
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from zaken.models import Document

from ..catalogi.filters import UrlParam
from ..common.auth import HasScope
from ..common.filters import EenFilterVerplicht
from ..common.schema import error_responses
from ..documenten.scope import DETAIL as DOCUMENT_DETAIL
from .scope import COMPONENT, uuid_uit_url, zaken_voor
from .zio import ZaakInformatieObjectSerializer

UUID_REGEX = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


class ZaakInformatieObjectFilter(EenFilterVerplicht):
    verplicht_een_van = ("zaak", "informatieobject")
    zaak = UrlParam(required=False)
    informatieobject = UrlParam(required=False)

    def apply(self, queryset):
        for name, route, field in (("zaak", "api:zaken:zaak-detail", "zaak__uuid"),
                                   ("informatieobject", DOCUMENT_DETAIL, "uuid")):
            if name in self.validated_data:
                key = uuid_uit_url(self.validated_data[name], route)
                queryset = queryset.filter(**{field: key}) if key else queryset.none()
        return queryset


@extend_schema_view(
    list=extend_schema(tags=["zaakinformatieobjecten"], operation_id="zaakinformatieobject_list",
                       description="Geef `zaak` of `informatieobject` op: zonder filter is het antwoord een 400.",
                       parameters=[ZaakInformatieObjectFilter],
                       responses={200: ZaakInformatieObjectSerializer(many=True), **error_responses(400)}),
    retrieve=extend_schema(tags=["zaakinformatieobjecten"], operation_id="zaakinformatieobject_read",
                           responses={200: ZaakInformatieObjectSerializer, **error_responses(404)}),
)
class ZaakInformatieObjectViewSet(viewsets.GenericViewSet):
    component = COMPONENT
    required_scopes = {"list": "zaken.lezen", "retrieve": "zaken.lezen"}
    permission_classes = [HasScope]
    serializer_class = ZaakInformatieObjectSerializer
    lookup_field = "uuid"
    lookup_value_regex = UUID_REGEX
    pagination_class = None  # the spec's list is an array

    def get_queryset(self):
        return (Document.objects.filter(zaak__in=zaken_voor(self.request.user, "zaken.lezen"))
                .select_related("zaak").order_by("creatiedatum", "pk"))

    def list(self, request, *args, **kwargs):
        params = ZaakInformatieObjectFilter(data=request.query_params)
        params.is_valid(raise_exception=True)
        return Response(self.get_serializer(params.apply(self.get_queryset()), many=True).data)

    def retrieve(self, request, *args, **kwargs):
        document = self.get_queryset().filter(uuid=kwargs["uuid"]).first()
        if document is None:
            raise NotFound()
        return Response(self.get_serializer(document).data)


# (prefix, viewset, basename) per resource.
ROUTES: list[tuple] = [("zaakinformatieobjecten", ZaakInformatieObjectViewSet, "zaakinformatieobject")]
