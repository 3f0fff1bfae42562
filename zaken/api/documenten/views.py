"""Documenten API 1.5 (read): enkelvoudiginformatieobjecten, list, detail and download of the private file.

Read-only: our documents are made by the processes (letters, besluiten, an applicant's attachments), so
POST, PUT, PATCH and DELETE answer 405. Every read goes in the audit log, like a civil servant's.
"""

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import renderers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from ..common.auth import HasScope
from ..common.pagination import CappedPagination
from ..common.schema import OMIT, error_responses
from ..common.views import ZGWResponseMixin
from .filters import EnkelvoudigInformatieObjectFilter, VersieFilter
from .scope import COMPONENT, documenten_voor
from .serializers import EnkelvoudigInformatieObjectSerializer
from .services import documenten_api_inzien_record

UUID_REGEX = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
API_VERSION = "1.5.0"


class BinaryRenderer(renderers.BaseRenderer):
    """Lets a client that asks for the file (Accept: application/octet-stream) reach the download; an error
    on that route is still the JSON Fout."""

    media_type = "application/octet-stream"
    format = "bin"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return renderers.JSONRenderer().render(data, None, renderer_context)


@extend_schema_view(
    list=extend_schema(tags=["enkelvoudiginformatieobjecten"], operation_id="enkelvoudiginformatieobject_list",
                       parameters=[EnkelvoudigInformatieObjectFilter],
                       responses={200: EnkelvoudigInformatieObjectSerializer(many=True),
                                  **error_responses(400, 404)}),
    retrieve=extend_schema(tags=["enkelvoudiginformatieobjecten"], operation_id="enkelvoudiginformatieobject_read",
                           parameters=[VersieFilter], responses={200: EnkelvoudigInformatieObjectSerializer,
                                                                 **error_responses(404)}),
)
class EnkelvoudigInformatieObjectViewSet(ZGWResponseMixin, viewsets.GenericViewSet):
    component = COMPONENT
    api_version = API_VERSION
    required_scopes = {"list": "documenten.lezen", "retrieve": "documenten.lezen", "download": "documenten.lezen"}
    permission_classes = [HasScope]
    pagination_class = CappedPagination
    serializer_class = EnkelvoudigInformatieObjectSerializer
    lookup_field = "uuid"
    lookup_value_regex = UUID_REGEX

    def get_queryset(self):
        return (documenten_voor(self.request.user).select_related("zaak__gemeente", "zaak__zaaktype")
                .order_by("-creatiedatum", "-pk"))

    def get_object(self):
        # The spec has no 400 here: a version we do not have, or cannot read, is not found.
        version = VersieFilter(data=self.request.query_params)
        document = self.get_queryset().filter(uuid=self.kwargs["uuid"]).first()
        if document is None or not version.is_valid() or not version.matches(document):
            raise NotFound()
        return document

    def list(self, request, *args, **kwargs):
        params = EnkelvoudigInformatieObjectFilter(data=request.query_params)
        params.is_valid(raise_exception=True)
        page = self.paginate_queryset(params.apply(self.get_queryset()))
        documenten_api_inzien_record(client=request.user, documents=page, wat="documentenlijst")
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        document = self.get_object()
        documenten_api_inzien_record(client=request.user, documents=[document])
        return Response(self.get_serializer(document).data)

    @extend_schema(tags=["enkelvoudiginformatieobjecten"], operation_id="enkelvoudiginformatieobject_download",
                   parameters=[VersieFilter], extensions={OMIT: [409]},
                   responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY),
                              **error_responses(404)})
    @action(detail=True, methods=["get"], renderer_classes=[renderers.JSONRenderer, BinaryRenderer])
    def download(self, request, *args, **kwargs):
        """The file itself, streamed from the private storage as the portal and back office serve it."""
        document = self.get_object()
        documenten_api_inzien_record(client=request.user, documents=[document], wat="document downloaden")
        response = FileResponse(document.bestand.open("rb"), as_attachment=True, filename=document.bestandsnaam,
                                content_type=document.formaat)
        response["Cache-Control"] = "private, no-store"
        return response
