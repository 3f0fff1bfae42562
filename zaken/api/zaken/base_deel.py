"""The base of the Zaken API views of a case's parts: scope, API-version header, query parameters, Conflict."""

from django.utils.translation import gettext as _
from rest_framework import status, viewsets
from rest_framework.exceptions import APIException

from ..catalogi.views import UUID_REGEX
from ..common.auth import HasScope
from ..common.errors import validation_error
from ..common.pagination import CappedPagination
from ..common.schema import error_responses
from .scope import zaak_uit_url

LEZEN, BIJWERKEN = "zaken.lezen", "zaken.bijwerken"
# The error statuses the spec lists on every operation (content negotiation, conflicts, media type, ...).
ALGEMEEN = (406, 409, 410, 415, 429, 500)


def fouten(*codes: int) -> dict:
    """An operation's error responses in the schema: its own, plus those the spec lists everywhere."""
    return error_responses(*sorted(set(codes) | set(ALGEMEEN)))


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class DeelViewSet(viewsets.GenericViewSet):
    component = "zrc"
    api_version = "1.5.1"  # the Zaken API version we follow, in every response's API-version header
    permission_classes = [HasScope]
    lookup_field = "uuid"
    lookup_value_regex = UUID_REGEX
    required_scopes = {"list": LEZEN, "retrieve": LEZEN}
    filter_serializer = None
    pagination_class = CappedPagination

    @property
    def client(self):
        return self.request.user

    def params(self) -> dict:
        params = self.filter_serializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return params.validated_data

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-version"] = self.api_version
        return response

    def get_serializer_context(self):
        return {"request": self.request, "view": self}

    def zaak_voor_schrijven(self, url: str):
        """The case a write names: another municipality's, or one outside the client's scope, is a 400."""
        zaak = zaak_uit_url(self.client, url, BIJWERKEN)
        if zaak is None:
            raise validation_error("zaak", _("Onbekende zaak: geef de URL van een zaak waarvoor de applicatie "
                                             "zaken.bijwerken heeft."), "does_not_exist")
        return zaak
