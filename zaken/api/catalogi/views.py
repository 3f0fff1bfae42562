"""Catalogi API 1.3 (read): list and detail of every resource of the client's municipality's catalogus.

Another municipality's resource is not in the client's catalogus, so its URL is a 404 like any unknown one.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from ..common.auth import ApiClient, HasScope
from ..common.schema import error_responses
from ..common.views import UUID_REGEX, ZGWResponseMixin
from . import filters as f
from . import serializers as ser
from .catalogus import catalogus_voor


# ztc-014: a client that may read zaken or documents may read the types they refer to.
ALSO_READ_WITH = (("zrc", "zaken.lezen"), ("drc", "documenten.lezen"))


class CatalogiLezen(HasScope):
    def has_permission(self, request, view):
        if super().has_permission(request, view):
            return True
        client = request.user
        return (request.method in ("GET", "HEAD") and isinstance(client, ApiClient)
                and any(client.has_scope(component, scope) for component, scope in ALSO_READ_WITH))


class CatalogiViewSet(ZGWResponseMixin, viewsets.GenericViewSet):
    component = "ztc"
    api_version = "1.3.1"  # the Catalogi API version we follow, in every response's API-version header
    required_scopes = {"list": "catalogi.lezen", "retrieve": "catalogi.lezen"}
    permission_classes = [CatalogiLezen]
    lookup_field = "uuid"
    lookup_value_regex = UUID_REGEX
    resource = ""  # key in Catalogus.resources and the URL name
    filter_serializer = None
    detail_filter_serializer = None  # the detail's query parameters, if the spec has any

    def catalogus(self):
        return catalogus_voor(self.request.user.gemeente, self.request)

    def list(self, request, *args, **kwargs):
        params = self.filter_serializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        items = f.apply(self.catalogus().resources[self.resource], params.validated_data)
        page = self.paginate_queryset(items)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        item = self.catalogus().get(self.resource, kwargs["uuid"])
        if item is not None and self.detail_filter_serializer:
            params = self.detail_filter_serializer(data=request.query_params)
            params.is_valid(raise_exception=True)
            item = (f.apply([item], params.validated_data) or [None])[0]
        if item is None:
            raise NotFound()
        return Response(self.get_serializer(item).data)

    def get_serializer_context(self):
        return {"request": self.request, "view": self}


def catalogi_view(resource: str, serializer, filter_serializer, tag: str, detail_filter=None):
    """A viewset for one resource, with its query parameters in the schema."""
    attrs = {"resource": resource, "serializer_class": serializer, "filter_serializer": filter_serializer,
             "detail_filter_serializer": detail_filter, "lookup_url_kwarg": "uuid"}
    cls = type(f"{serializer.__name__.removesuffix('Serializer')}ViewSet", (CatalogiViewSet,), attrs)
    return extend_schema_view(
        list=extend_schema(tags=[tag], parameters=[filter_serializer], operation_id=f"{resource}_list",
                           responses={200: serializer(many=True), **error_responses(400, 401, 403, 404)}),
        retrieve=extend_schema(tags=[tag], operation_id=f"{resource}_read", parameters=[detail_filter] if detail_filter else None,
                               responses={200: serializer, **error_responses(*((400,) if detail_filter else ()), 401, 403, 404)}),
    )(cls)


VIEWSETS = {
    "catalogussen": catalogi_view("catalogus", ser.CatalogusSerializer, f.CatalogusFilter, "catalogussen"),
    "zaaktypen": catalogi_view("zaaktype", ser.ZaakTypeSerializer, f.ZaakTypeFilter, "zaaktypen",
                               detail_filter=f.ZaakTypeDetailFilter),
    "statustypen": catalogi_view("statustype", ser.StatusTypeSerializer, f.ZaaktypeDeelFilter, "statustypen"),
    "roltypen": catalogi_view("roltype", ser.RolTypeSerializer, f.RolTypeFilter, "roltypen"),
    "resultaattypen": catalogi_view("resultaattype", ser.ResultaatTypeSerializer, f.ResultaatTypeFilter,
                                    "resultaattypen"),
    "informatieobjecttypen": catalogi_view("informatieobjecttype", ser.InformatieObjectTypeSerializer,
                                           f.InformatieObjectTypeFilter, "informatieobjecttypen"),
    "besluittypen": catalogi_view("besluittype", ser.BesluitTypeSerializer, f.BesluitTypeFilter, "besluittypen"),
    "eigenschappen": catalogi_view("eigenschap", ser.EigenschapSerializer, f.ZaaktypeDeelFilter, "eigenschappen"),
}
