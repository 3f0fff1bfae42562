"""Zaken API: zaken (with _zoek) and statussen.

Every query starts from scope.zaken_voor(client, scope): another municipality's case, or one of a
zaaktype or vertrouwelijkheid the client may not see, is a 404. Writes go through services.py.
"""

from __future__ import annotations

from django.db.models import F
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework import serializers as s
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from zaken.models import Status, StatusType, Zaak

from ..common.errors import validation_error
from ..common.schema import error_responses
from . import expand
from . import filters_zaak as f
from . import services
from .base import ZaakPagination, ZakenViewSet
from .refs import statustype_uuid
from .scope import uuid_uit_url, zaak_uit_url, zaken_voor
from .serializers_zaak import StatusSerializer, ZaakSerializer, attach_parts, zaak_queryset

CRS_HEADERS = [
    OpenApiParameter("Accept-Crs", str, OpenApiParameter.HEADER, required=True, enum=["EPSG:4326"]),
    OpenApiParameter("Content-Crs", str, OpenApiParameter.HEADER, required=True, enum=["EPSG:4326"]),
]
EXPAND = OpenApiParameter("expand", str, OpenApiParameter.QUERY, required=False)
PAGE = OpenApiParameter("page", int, OpenApiParameter.QUERY, required=False)
# The error responses the spec lists for these operations.
LIST_ERRORS = (400, 401, 403, 406, 409, 410, 415, 429, 500)
DETAIL_ERRORS = (401, 403, 404, 406, 409, 410, 415, 429, 500)


@extend_schema_view(
    list=extend_schema(tags=["zaken"], operation_id="zaak_list", parameters=[f.ZaakFilter, *CRS_HEADERS],
                       responses={200: ZaakSerializer(many=True), **error_responses(*LIST_ERRORS, 412)}),
    retrieve=extend_schema(tags=["zaken"], operation_id="zaak_read", parameters=[EXPAND, *CRS_HEADERS],
                           responses={200: ZaakSerializer, **error_responses(*DETAIL_ERRORS, 412)}),
)
class ZaakViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, ZakenViewSet):
    serializer_class = ZaakSerializer
    pagination_class = ZaakPagination
    crs = True
    required_scopes = {"list": "zaken.lezen", "retrieve": "zaken.lezen", "zoek": "zaken.lezen",
                       "create": "zaken.aanmaken", "update": "zaken.bijwerken", "partial_update": "zaken.bijwerken"}

    def get_queryset(self):
        return zaken_voor(self.request.user, "zaken.lezen")

    def _page(self, params: dict):
        paths = expand.parse(params.get("expand"))
        queryset = f.apply(self.get_queryset(), params, self.request.user.gemeente)
        page = attach_parts(list(self.paginate_queryset(zaak_queryset(queryset))))
        services.zaken_gezocht_op_rol(client=self.request.user, zaken=page, rol=f.rol_params(params))
        data = self.get_serializer(page, many=True).data
        expand.apply(self.request, page, data, paths)
        return self.get_paginated_response(data)

    def list(self, request, *args, **kwargs):
        params = f.ZaakFilter(data=request.query_params)
        params.is_valid(raise_exception=True)
        return self._page(params.validated_data)

    @extend_schema(tags=["zaken"], operation_id="zaak__zoek", request=f.ZaakZoekFilter, parameters=[PAGE, *CRS_HEADERS],
                   responses={200: ZaakSerializer(many=True), **error_responses(*LIST_ERRORS, 412)})
    @action(detail=False, methods=["post"], url_path="_zoek")
    def zoek(self, request, *args, **kwargs):
        f.zoek_errors(request.data)
        params = f.ZaakZoekFilter(data=request.data)
        params.is_valid(raise_exception=True)
        return self._page(params.validated_data)

    @extend_schema(tags=["zaken"], operation_id="zaak_create", request=ZaakSerializer, parameters=CRS_HEADERS,
                   responses={201: ZaakSerializer, **error_responses(*LIST_ERRORS, 412)})
    def create(self, request, *args, **kwargs):
        body = ZaakSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        zaak = services.zaak_aanmaken(client=request.user, data=body.validated_data)
        data = self.get_serializer(zaak_queryset(Zaak.objects.filter(pk=zaak.pk)).get()).data
        return Response(data, status=201, headers={"Location": data["url"]})

    @extend_schema(tags=["zaken"], operation_id="zaak_partial_update", request=ZaakSerializer, parameters=CRS_HEADERS,
                   responses={200: ZaakSerializer, **error_responses(*LIST_ERRORS, 404, 412)})
    def partial_update(self, request, *args, **kwargs):
        return self._update(request, partial=True)

    @extend_schema(tags=["zaken"], operation_id="zaak_update", request=ZaakSerializer, parameters=CRS_HEADERS,
                   responses={200: ZaakSerializer, **error_responses(*LIST_ERRORS, 404, 412)})
    def update(self, request, *args, **kwargs):
        return self._update(request, partial=False)

    def _update(self, request, *, partial: bool):
        zaak = zaak_queryset(zaken_voor(request.user, "zaken.bijwerken")).filter(uuid=self.kwargs["uuid"]).first()
        if zaak is None:
            raise NotFound()
        body = ZaakSerializer(data=request.data, partial=partial, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        current = self.get_serializer(zaak).data
        # Only the fields the client sent (a DRF default is no change).
        sent = {name: value for name, value in body.validated_data.items() if name in request.data}
        services.zaak_bijwerken(client=request.user, zaak=zaak, data=sent, current=current)
        return Response(self.get_serializer(zaak_queryset(Zaak.objects.filter(pk=zaak.pk)).get()).data)

    def get_object(self):
        zaak = zaak_queryset(self.get_queryset()).filter(uuid=self.kwargs["uuid"]).first()
        if zaak is None:
            raise NotFound()
        return zaak

    def retrieve(self, request, *args, **kwargs):
        paths = expand.parse(request.query_params.get("expand"))
        zaak = self.get_object()
        services.zaak_gelezen(client=request.user, zaak=zaak)
        data = self.get_serializer(zaak).data
        expand.apply(request, [zaak], [data], paths)
        return Response(data)


class StatusFilter(s.Serializer):
    zaak = f.UrlParam(required=False)
    statustype = f.UrlParam(required=False)
    indicatieLaatstGezetteStatus = s.BooleanField(required=False, allow_null=True, default=None)


@extend_schema_view(
    list=extend_schema(tags=["statussen"], operation_id="status_list", parameters=[StatusFilter],
                       responses={200: StatusSerializer(many=True), **error_responses(*LIST_ERRORS)}),
    retrieve=extend_schema(tags=["statussen"], operation_id="status_read",
                           responses={200: StatusSerializer, **error_responses(*DETAIL_ERRORS)}),
)
class StatusViewSet(mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, ZakenViewSet):
    serializer_class = StatusSerializer
    required_scopes = {"list": "zaken.lezen", "retrieve": "zaken.lezen",
                       "create": ("zaken.statussen.toevoegen", "zaken.bijwerken")}

    def get_queryset(self):
        return (Status.objects.filter(zaak__in=zaken_voor(self.request.user, "zaken.lezen"))
                .select_related("zaak__zaaktype", "statustype").order_by("-datum_status_gezet", "-pk"))

    def list(self, request, *args, **kwargs):
        params = StatusFilter(data=request.query_params)
        params.is_valid(raise_exception=True)
        queryset = self.get_queryset()
        data = params.validated_data
        if data.get("zaak"):
            key = uuid_uit_url(data["zaak"], "api:zaken:zaak-detail")
            queryset = queryset.filter(zaak__uuid=key) if key else queryset.none()
        if data.get("statustype"):
            queryset = self._statustype(queryset, data["statustype"])
        if data.get("indicatieLaatstGezetteStatus") is not None:
            if data["indicatieLaatstGezetteStatus"]:
                queryset = queryset.filter(zaak__huidige_status_id=F("pk"))
            else:
                queryset = queryset.exclude(zaak__huidige_status_id=F("pk"))
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def _statustype(self, queryset, url: str):
        """Our statustypen are per zaaktype and code; the URL's uuid names one (or none) of them."""
        key = uuid_uit_url(url, "api:catalogi:statustype-detail")
        gemeente = self.request.user.gemeente
        match = [st.pk for st in StatusType.objects.select_related("zaaktype")
                 if key and statustype_uuid(gemeente, st.zaaktype.identificatie, st.code) == key]
        return queryset.filter(statustype_id=match[0]) if match else queryset.none()

    @extend_schema(tags=["statussen"], operation_id="status_create", request=StatusSerializer,
                   responses={201: StatusSerializer, **error_responses(*LIST_ERRORS)})
    def create(self, request, *args, **kwargs):
        body = StatusSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        zaak = (zaak_uit_url(request.user, body.validated_data["zaak"], "zaken.statussen.toevoegen")
                or zaak_uit_url(request.user, body.validated_data["zaak"], "zaken.bijwerken"))
        if zaak is None:
            raise validation_error("zaak", _("Onbekende zaak: geef de URL van een zaak die deze applicatie mag "
                                             "bijwerken."), code="does_not_exist")
        status = services.status_zetten(client=request.user, zaak=zaak,
                                        statustype_url=body.validated_data["statustype"],
                                        toelichting=body.validated_data.get("statustoelichting", ""))
        status = self.get_queryset().get(pk=status.pk)
        data = self.get_serializer(status).data
        return Response(data, status=201, headers={"Location": data["url"]})

    def retrieve(self, request, *args, **kwargs):
        status = self.get_queryset().filter(uuid=kwargs["uuid"]).first()
        if status is None:
            raise NotFound()
        return Response(self.get_serializer(status).data)


# (prefix, viewset, basename) per resource; basename "zaak" gives the URL name api:zaken:zaak-detail.
ROUTES: list[tuple] = [("zaken", ZaakViewSet, "zaak"), ("statussen", StatusViewSet, "status")]
EXTRA_URLS: list = []  # routes the router cannot make; _zoek is an @action (POST zaken/_zoek)
