"""Notificaties API 1.0 at /api/notificaties/v1/: kanaal, abonnement and publishing a notificatie.

Kanalen are shared by every municipality (a name is unique, as the spec has it); an abonnement belongs to
the client's municipality (another's is a 404) and receives only that municipality's messages.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from zaken.notificaties.models import Abonnement, Kanaal
from zaken.notificaties.services import (abonnement_opslaan, abonnement_verwijderen, kanaal_aanmaken,
                                         notificatie_schrijven)

from ..common.auth import HasScope
from ..common.schema import OMIT, STANDARD_ERRORS, error_responses
from ..common.views import UUID_REGEX, ZGWResponseMixin
from . import serializers as ser

LEZEN = ("notificaties.consumeren", "notificaties.publiceren")


class NotificatiesViewSet(ZGWResponseMixin, viewsets.GenericViewSet):
    component = "nrc"
    api_version = "1.0.0"
    permission_classes = [HasScope]
    pagination_class = None  # the spec's lists are plain arrays
    lookup_field = "uuid"
    lookup_value_regex = UUID_REGEX


@extend_schema_view(
    list=extend_schema(tags=["kanaal"], operation_id="kanaal_list",
                       parameters=[OpenApiParameter("naam", str, description="Naam van het KANAAL.")],
                       responses={200: ser.KanaalSerializer(many=True),
                                                                                **error_responses(400)}),
    retrieve=extend_schema(tags=["kanaal"], operation_id="kanaal_read",
                           responses={200: ser.KanaalSerializer, **error_responses(404)}),
    create=extend_schema(tags=["kanaal"], operation_id="kanaal_create",
                         responses={201: ser.KanaalSerializer, **error_responses(400)}),
)
class KanaalViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, NotificatiesViewSet):
    serializer_class = ser.KanaalSerializer
    required_scopes = {"list": LEZEN, "retrieve": LEZEN, "create": "notificaties.publiceren"}

    def get_queryset(self):
        kanalen = Kanaal.objects.order_by("naam")
        naam = self.request.query_params.get("naam")
        return kanalen.filter(naam=naam) if naam is not None else kanalen

    def get_object(self):
        # Few kanalen, and their uuid is derived from the name: find it among them.
        wanted = self.kwargs["uuid"]
        kanaal = next((k for k in Kanaal.objects.all() if str(ser.kanaal_uuid(k.naam)) == wanted), None)
        if kanaal is None:
            raise NotFound()
        return kanaal

    def perform_create(self, serializer):
        serializer.instance = kanaal_aanmaken(**serializer.validated_data)


@extend_schema_view(
    list=extend_schema(tags=["abonnement"], operation_id="abonnement_list",
                       responses={200: ser.AbonnementSerializer(many=True)}),
    retrieve=extend_schema(tags=["abonnement"], operation_id="abonnement_read",
                           responses={200: ser.AbonnementSerializer, **error_responses(404)}),
    create=extend_schema(tags=["abonnement"], operation_id="abonnement_create",
                         responses={201: ser.AbonnementSerializer, **error_responses(400)}),
    update=extend_schema(tags=["abonnement"], operation_id="abonnement_update",
                         responses={200: ser.AbonnementSerializer, **error_responses(400, 404)}),
    partial_update=extend_schema(tags=["abonnement"], operation_id="abonnement_partial_update",
                                 responses={200: ser.AbonnementSerializer, **error_responses(400, 404)}),
    destroy=extend_schema(tags=["abonnement"], operation_id="abonnement_delete",
                          responses={204: None, **error_responses(404)}),
)
class AbonnementViewSet(viewsets.ModelViewSet, NotificatiesViewSet):
    serializer_class = ser.AbonnementSerializer
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    required_scopes = {"list": LEZEN, "retrieve": LEZEN, "create": "notificaties.consumeren",
                       "update": "notificaties.consumeren", "partial_update": "notificaties.consumeren",
                       "destroy": "notificaties.consumeren"}

    def get_queryset(self):
        return (Abonnement.objects.filter(gemeente=self.request.user.gemeente)
                .prefetch_related("kanalen").order_by("pk"))

    def get_object(self):
        return get_object_or_404(self.get_queryset(), uuid=self.kwargs["uuid"])

    def perform_create(self, serializer):
        serializer.instance = abonnement_opslaan(gemeente=self.request.user.gemeente, **_fields(serializer))

    def perform_update(self, serializer):
        abonnement = serializer.instance
        data = serializer.validated_data
        serializer.instance = abonnement_opslaan(
            gemeente=abonnement.gemeente, abonnement=abonnement,
            callback_url=data.get("callback_url", abonnement.callback_url), auth=data.get("auth"),
            kanalen=data["kanalen"] if "kanalen" in data else
            [{"naam": k.kanaal_id, "filters": k.filters} for k in abonnement.kanalen.all()])
        serializer.instance = self.get_queryset().get(pk=abonnement.pk)  # the new kanalen, prefetched

    def perform_destroy(self, instance):
        abonnement_verwijderen(abonnement=instance)


def _fields(serializer) -> dict:
    data = serializer.validated_data
    return {"callback_url": data["callback_url"], "auth": data["auth"], "kanalen": data["kanalen"]}


@extend_schema_view(
    create=extend_schema(tags=["notificaties"], operation_id="notificaties_create",
                         request=ser.MessageSerializer, responses={200: ser.MessageSerializer},
                         # The spec lists only 200 here; we answer 400/401/403 like every operation.
                         extensions={OMIT: list(STANDARD_ERRORS)}),
)
class NotificatieViewSet(NotificatiesViewSet):
    """A publisher's message, written into our outbox for the client's municipality and routed unchanged."""

    serializer_class = ser.MessageSerializer
    required_scopes = {"create": "notificaties.publiceren"}

    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        notificatie_schrijven(kanaal=data["kanaal"], hoofd_object=data["hoofdObject"], resource=data["resource"],
                              resource_url=data["resourceUrl"], actie=data["actie"],
                              kenmerken=data.get("kenmerken") or {}, gemeente_id=request.user.gemeente.pk,
                              aanmaakdatum=data["aanmaakdatum"])
        return Response(serializer.data, status=status.HTTP_200_OK)
