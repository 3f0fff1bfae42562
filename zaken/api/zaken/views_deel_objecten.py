"""Zaken API: zaakobjecten (read), zaakeigenschappen (read: we keep none) and a case's audittrail (read).

Each starts from the client's cases (scope.zaken_voor); a case outside them is a 404, its parts are absent.
"""

from uuid import UUID

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from zaken.actors import Actor
from zaken.models import AuditLog

from . import filters_deel as f
from . import objecten_deel as obj
from . import serializers_deel as ser
from . import services_deel as services
from ..common.pagination import CappedPagination, capped
from .base_deel import LEZEN, DeelViewSet, fouten
from .scope import zaken_voor

AUDITTRAILS_LEZEN = "audittrails.lezen"
ZAAK_UUID = OpenApiParameter("zaak_uuid", str, OpenApiParameter.PATH, description="Unieke resource identifier (UUID4)")


class ZaakObjectPagination(CappedPagination):
    """Pages of cases (each with its few objects); `count` is the number of objects, set by the view."""

    object_count = 0

    def get_count(self, page) -> int:
        return self.object_count


@extend_schema_view(
    list=extend_schema(tags=["zaakobjecten"], operation_id="zaakobject_list", parameters=[f.ZaakObjectFilter],
                       responses={200: ser.ZaakObjectSerializer(many=True), **fouten(400, 401, 403)}),
    retrieve=extend_schema(tags=["zaakobjecten"], operation_id="zaakobject_read",
                           responses={200: ser.ZaakObjectSerializer, **fouten(401, 403, 404)}),
)
class ZaakObjectViewSet(DeelViewSet):
    serializer_class = ser.ZaakObjectSerializer
    filter_serializer = f.ZaakObjectFilter
    pagination_class = ZaakObjectPagination

    def zaken(self):
        return (zaken_voor(self.client, LEZEN).filter(zaaktype__process_slug__in=list(obj.hooks()))
                .select_related("zaaktype", "gemeente").order_by("pk"))

    def render(self, pairs) -> list[dict]:
        """(zaak, object) pairs as the spec's dicts; an address or kenteken read is logged, one line per case."""
        read: dict = {}
        for zaak, item in pairs:
            read.setdefault(zaak, []).append(f"zaakobject: {item['soort']}")
        services.reads_record(actor=Actor.api(self.client), name="zaakobject_inzien",
                              rows=[(zaak, soorten, zaak.initiator_bsn) for zaak, soorten in read.items()])
        return [obj.zaakobject_data(self.request, zaak, item) for zaak, item in pairs]

    def list(self, request, *args, **kwargs):
        params = self.params()
        zaken = self.zaken()
        if "zaak" in params:
            zaken = zaken.filter(f.zaak_q(params["zaak"], prefix=""))
        if params.get("object"):  # we keep no object URLs
            zaken = zaken.none()
        wanted = {soort for soort, object_type in obj.soorten().items()
                  if params.get("objectType") in (None, object_type)}
        paginator = self.paginator
        page = self.paginate_queryset(zaken)
        # The count without reading the objects: each process gives one object of each of its soorten per
        # case; the cases are counted up to zaken.paging.CAP per process, one query each.
        paginator.object_count = sum(
            capped(zaken.filter(zaaktype__process_slug=slug)) * len(wanted & set(hook.soorten))
            for slug, hook in obj.hooks().items())
        found = obj.zaakobjecten_voor(page)
        pairs = [(zaak, item) for zaak in page for item in found.get(zaak.pk, []) if item["soort"] in wanted]
        return self.get_paginated_response(self.get_serializer(self.render(pairs), many=True).data)

    def retrieve(self, request, *args, **kwargs):
        candidates = obj.zaak_uuids_of_zaakobject(UUID(kwargs["uuid"]))
        for zaak in self.zaken().filter(uuid__in=list(candidates)):
            soort = candidates[zaak.uuid]
            item = next((i for i in obj.zaakobjecten_voor([zaak]).get(zaak.pk, []) if i["soort"] == soort), None)
            if item is not None:
                return Response(self.get_serializer(self.render([(zaak, item)])[0]).data)
        raise NotFound()


class ZaakDeelViewSet(DeelViewSet):
    """A resource under /zaken/{zaak_uuid}/: the case must be the client's, under this viewset's scope."""

    scope = LEZEN
    pagination_class = None

    def zaak(self):
        try:
            key = UUID(self.kwargs["zaak_uuid"])
        except ValueError:
            raise NotFound() from None
        zaak = zaken_voor(self.client, self.scope).select_related("zaaktype").filter(uuid=key).first()
        if zaak is None:
            raise NotFound()
        return zaak


@extend_schema_view(
    list=extend_schema(tags=["zaken"], operation_id="zaakeigenschap_list", parameters=[ZAAK_UUID],
                       responses={200: ser.ZaakEigenschapSerializer(many=True), **fouten(401, 403, 404)}),
    retrieve=extend_schema(tags=["zaken"], operation_id="zaakeigenschap_read", parameters=[ZAAK_UUID],
                           responses={200: ser.ZaakEigenschapSerializer, **fouten(401, 403, 404)}),
)
class ZaakEigenschapViewSet(ZaakDeelViewSet):
    """Our zaaktypen define no eigenschappen (the Catalogi list is empty), so no case has a zaakeigenschap."""

    serializer_class = ser.ZaakEigenschapSerializer

    def list(self, request, *args, **kwargs):
        self.zaak()
        return Response([])

    def retrieve(self, request, *args, **kwargs):
        self.zaak()
        raise NotFound()


@extend_schema_view(
    list=extend_schema(tags=["zaken"], operation_id="audittrail_list", parameters=[ZAAK_UUID],
                       responses={200: ser.AuditTrailSerializer(many=True), **fouten(401, 403, 404)}),
    retrieve=extend_schema(tags=["zaken"], operation_id="audittrail_retrieve", parameters=[ZAAK_UUID],
                           responses={200: ser.AuditTrailSerializer, **fouten(401, 403, 404)}),
)
class AuditTrailViewSet(ZaakDeelViewSet):
    """The case's processing log (zaken.models.AuditLog), oldest first; reading it is itself logged."""

    serializer_class = ser.AuditTrailSerializer
    scope = AUDITTRAILS_LEZEN
    required_scopes = {"list": AUDITTRAILS_LEZEN, "retrieve": AUDITTRAILS_LEZEN}

    def lines(self, zaak):
        return AuditLog.objects.filter(zaak=zaak).select_related("actor_user").order_by("start_time", "pk")

    def logged(self, zaak, data):
        services.reads_record(actor=Actor.api(self.client), name="audittrail_inzien",
                              rows=[(zaak, ["audittrail"], zaak.initiator_bsn)])
        return Response(data)

    def list(self, request, *args, **kwargs):
        zaak = self.zaak()
        data = [obj.audittrail_data(request, zaak, line) for line in self.lines(zaak)]
        return self.logged(zaak, self.get_serializer(data, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        zaak = self.zaak()
        pk = obj.audit_pk(zaak, UUID(kwargs["uuid"]))
        line = self.lines(zaak).filter(pk=pk).first() if pk is not None else None
        if line is None:
            raise NotFound()
        return self.logged(zaak, self.get_serializer(obj.audittrail_data(request, zaak, line)).data)
