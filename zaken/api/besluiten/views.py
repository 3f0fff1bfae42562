"""Besluiten API 1.0 (read): besluiten and besluitinformatieobjecten of the client's municipality.

POST /besluiten records a besluit through the term engine (services.besluit_aanmaken); PUT, PATCH,
DELETE and POST /besluitinformatieobjecten answer 405: a recorded besluit is changed only by the processes.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from ..common.auth import HasScope
from ..common.pagination import CappedPagination
from ..common.schema import error_responses
from ..common.views import ZGWResponseMixin
from .filters import BesluitFilter, BesluitInformatieObjectFilter
from .scope import COMPONENT, besluiten_voor
from .serializers import BesluitCreateSerializer, BesluitInformatieObjectSerializer, BesluitSerializer
from .services import besluit_aanmaken

UUID_REGEX = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
API_VERSION = "1.0.2"


class BesluitenViewSet(ZGWResponseMixin, viewsets.GenericViewSet):
    component = COMPONENT
    api_version = API_VERSION
    required_scopes = {"list": "besluiten.lezen", "retrieve": "besluiten.lezen", "create": "besluiten.aanmaken"}
    permission_classes = [HasScope]
    pagination_class = CappedPagination
    lookup_field = "uuid"
    lookup_value_regex = UUID_REGEX

    def base_queryset(self):
        return besluiten_voor(self.request.user).select_related("zaak__gemeente", "zaak__zaaktype")

    def retrieve(self, request, *args, **kwargs):
        item = self.get_queryset().filter(uuid=kwargs["uuid"]).first()
        if item is None:
            raise NotFound()
        return Response(self.get_serializer(item).data)


@extend_schema_view(
    list=extend_schema(tags=["besluiten"], operation_id="besluit_list", parameters=[BesluitFilter],
                       responses={200: BesluitSerializer(many=True), **error_responses(400, 404)}),
    retrieve=extend_schema(tags=["besluiten"], operation_id="besluit_read",
                           responses={200: BesluitSerializer, **error_responses(404)}),
    create=extend_schema(tags=["besluiten"], operation_id="besluit_create", request=BesluitCreateSerializer,
                         responses={201: BesluitSerializer, **error_responses(400, 404)}),
)
class BesluitViewSet(BesluitenViewSet):
    serializer_class = BesluitSerializer

    def get_queryset(self):
        return self.base_queryset().order_by("-datum", "-pk")

    def list(self, request, *args, **kwargs):
        params = BesluitFilter(data=request.query_params)
        params.is_valid(raise_exception=True)
        page = self.paginate_queryset(params.apply(self.get_queryset(), request.user.gemeente.gemeentecode))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def create(self, request, *args, **kwargs):
        data = BesluitCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        besluit = besluit_aanmaken(request=request, data=data.validated_data)
        body = self.get_serializer(besluit).data
        return Response(body, status=201, headers={"Location": body["url"]})


@extend_schema_view(
    list=extend_schema(tags=["besluitinformatieobjecten"], operation_id="besluitinformatieobject_list",
                       description="Geef `besluit` of `informatieobject` op: zonder filter is het antwoord een 400.",
                       parameters=[BesluitInformatieObjectFilter],
                       responses={200: BesluitInformatieObjectSerializer(many=True), **error_responses(400)}),
    retrieve=extend_schema(tags=["besluitinformatieobjecten"], operation_id="besluitinformatieobject_read",
                           responses={200: BesluitInformatieObjectSerializer, **error_responses(404)}),
)
class BesluitInformatieObjectViewSet(BesluitenViewSet):
    """The letter that records a besluit (legt_vast): one per besluit that has its letter."""

    serializer_class = BesluitInformatieObjectSerializer
    pagination_class = None  # the spec's list is an array

    def get_queryset(self):
        return self.base_queryset().filter(document__isnull=False).select_related("document").order_by("pk")

    def list(self, request, *args, **kwargs):
        params = BesluitInformatieObjectFilter(data=request.query_params)
        params.is_valid(raise_exception=True)
        return Response(self.get_serializer(params.apply(self.get_queryset()), many=True).data)
