"""Zaken API: the parts of a case (rollen, resultaten, zaakobjecten, zaakeigenschappen) and its audittrail.

Every queryset starts from the client's cases (scope.zaken_voor): a part of a case it may not see is a 404
on detail and absent from lists. Writes go through services_deel with the client as Actor.api.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response

from zaken.actors import Actor
from zaken.models import Resultaat, Rol

from ..common.errors import validation_error
from . import filters_deel as f
from . import serializers_deel as ser
from . import services_deel as services
from .base_deel import BIJWERKEN, LEZEN, Conflict, DeelViewSet, fouten
from .scope import zaken_voor
from .views_deel_objecten import AuditTrailViewSet, ZaakEigenschapViewSet, ZaakObjectViewSet


@extend_schema_view(
    list=extend_schema(tags=["rollen"], operation_id="rol_list", parameters=[f.RolFilter],
                       responses={200: ser.RolSerializer(many=True), **fouten(400, 401, 403)}),
    retrieve=extend_schema(tags=["rollen"], operation_id="rol_read",
                           responses={200: ser.RolSerializer, **fouten(401, 403, 404)}),
    create=extend_schema(tags=["rollen"], operation_id="rol_create", request=ser.RolSerializer,
                         responses={201: ser.RolSerializer, **fouten(400, 401, 403)}),
    destroy=extend_schema(tags=["rollen"], operation_id="rol_delete",
                          responses={204: None, **fouten(401, 403, 404, 409)}),
)
class RolViewSet(DeelViewSet):
    serializer_class = ser.RolSerializer
    filter_serializer = f.RolFilter
    required_scopes = {**DeelViewSet.required_scopes, "create": BIJWERKEN, "destroy": BIJWERKEN}

    def get_queryset(self):
        scope = BIJWERKEN if self.action == "destroy" else LEZEN
        return (Rol.objects.filter(zaak__in=zaken_voor(self.client, scope))
                .select_related("zaak__zaaktype", "zaak__gemeente", "medewerker").order_by("pk"))

    def render(self, rollen: list[Rol]) -> list[dict]:
        """The rollen as the spec's dicts; reading a person's or company's rol is logged (one INSERT)."""
        services.rollen_read_record(actor=Actor.api(self.client), rollen=rollen)
        return [ser.rol_data(self.request, rol) for rol in rollen]

    def list(self, request, *args, **kwargs):
        queryset = self.get_queryset().filter(f.rol_q(self.params(), self.client.gemeente.gemeentecode))
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(self.render(page), many=True).data)

    def retrieve(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.render([self.get_object()])[0]).data)

    def create(self, request, *args, **kwargs):
        incoming = self.get_serializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        zaak = self.zaak_voor_schrijven(data["zaak"])
        roltype = ser.roltype_code(zaak, data["roltype"])
        if roltype is None:
            raise validation_error("roltype", _("Het roltype hoort niet bij het zaaktype van de zaak: kies een "
                                                "roltype uit de roltypen van dat zaaktype."), "zaaktype-mismatch")
        if data.get("betrokkene"):
            raise validation_error("betrokkene", _("Wij bewaren geen betrokkene-URL's: geef de betrokkene in "
                                                   "betrokkeneIdentificatie."), "unsupported")
        ident = data.get("betrokkeneIdentificatie") or {}
        if not isinstance(ident, dict):
            raise validation_error("betrokkeneIdentificatie", _("Geef betrokkeneIdentificatie als object."))
        naam = data["afwijkendeNaamBetrokkene"] or " ".join(
            str(ident.get(part) or "") for part in ("voornamen", "voorvoegselGeslachtsnaam", "geslachtsnaam")).strip()
        try:
            rol = services.rol_toevoegen(
                zaak=zaak, roltype=roltype, betrokkene_type=data["betrokkeneType"], actor=Actor.api(self.client),
                roltoelichting=data["roltoelichting"], inp_bsn=str(ident.get("inpBsn") or ""), naam=naam,
                medewerker_id=str(ident.get("identificatie") or ""))
        except services.RegelFout as fout:
            raise validation_error(fout.field, fout.reason, fout.code) from None
        rol = self.get_queryset().get(pk=rol.pk)
        return Response(self.get_serializer(ser.rol_data(request, rol)).data, status=status.HTTP_201_CREATED)

    def destroy(self, request, *args, **kwargs):
        try:
            services.rol_verwijderen(rol=self.get_object(), actor=Actor.api(self.client))
        except services.RegelFout as fout:
            raise Conflict(fout.reason) from None
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(tags=["resultaten"], operation_id="resultaat_list", parameters=[f.ResultaatFilter],
                       responses={200: ser.ResultaatSerializer(many=True), **fouten(400, 401, 403)}),
    retrieve=extend_schema(tags=["resultaten"], operation_id="resultaat_read",
                           responses={200: ser.ResultaatSerializer, **fouten(401, 403, 404)}),
    create=extend_schema(tags=["resultaten"], operation_id="resultaat_create", request=ser.ResultaatSerializer,
                         responses={201: ser.ResultaatSerializer, **fouten(400, 401, 403)}),
)
class ResultaatViewSet(DeelViewSet):
    serializer_class = ser.ResultaatSerializer
    filter_serializer = f.ResultaatFilter
    required_scopes = {**DeelViewSet.required_scopes, "create": BIJWERKEN}

    def get_queryset(self):
        return (Resultaat.objects.filter(zaak__in=zaken_voor(self.client, LEZEN))
                .select_related("zaak__zaaktype", "zaak__gemeente").order_by("pk"))

    def list(self, request, *args, **kwargs):
        queryset = self.get_queryset().filter(f.resultaat_q(self.params(), self.client.gemeente.gemeentecode))
        page = self.paginate_queryset(queryset)
        data = [ser.resultaat_data(request, r) for r in page]
        return self.get_paginated_response(self.get_serializer(data, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        return Response(self.get_serializer(ser.resultaat_data(request, self.get_object())).data)

    def create(self, request, *args, **kwargs):
        incoming = self.get_serializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        zaak = self.zaak_voor_schrijven(data["zaak"])
        statuscode = ser.resultaattype_code(zaak, data["resultaattype"])
        try:
            resultaat = services.resultaat_vastleggen(zaak=zaak, statuscode=statuscode or "",
                                                      toelichting=data["toelichting"], actor=Actor.api(self.client))
        except services.RegelFout as fout:
            raise validation_error(fout.field, fout.reason, fout.code) from None
        out = ser.resultaat_data(request, Resultaat.objects.select_related("zaak__zaaktype", "zaak__gemeente")
                                 .get(pk=resultaat.pk))
        return Response(self.get_serializer(out).data, status=status.HTTP_201_CREATED)


# (prefix, viewset, basename) per resource.
ROUTES: list[tuple] = [
    ("rollen", RolViewSet, "rol"),
    ("resultaten", ResultaatViewSet, "resultaat"),
    ("zaakobjecten", ZaakObjectViewSet, "zaakobject"),
    (r"zaken/(?P<zaak_uuid>[0-9a-f-]{36})/zaakeigenschappen", ZaakEigenschapViewSet, "zaakeigenschap"),
    (r"zaken/(?P<zaak_uuid>[0-9a-f-]{36})/audittrail", AuditTrailViewSet, "audittrail"),
]
