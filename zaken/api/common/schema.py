"""Schema helpers: the JWT security scheme and the ZGW error bodies in our OpenAPI document."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers as s


class ZGWJWTScheme(OpenApiAuthenticationExtension):
    target_class = "zaken.api.common.auth.ZGWJWTAuthentication"
    name = "JWT-Claims"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


class FoutSerializer(s.Serializer):
    type = s.CharField(required=False, help_text="URI-referentie naar het type fout.")
    code = s.CharField(help_text="Systeemcode die het type fout aangeeft.")
    title = s.CharField(help_text="Generieke titel voor het type fout.")
    status = s.IntegerField(help_text="De HTTP-statuscode.")
    detail = s.CharField(help_text="Extra informatie bij de fout, indien beschikbaar.")
    instance = s.CharField(help_text="URI met referentie naar dit specifiek voorkomen van de fout.")

    class Meta:
        ref_name = "Fout"


class FieldValidationErrorSerializer(s.Serializer):
    name = s.CharField(help_text="Naam van het veld met ongeldige gegevens.")
    code = s.CharField(help_text="Systeemcode die het type fout aangeeft.")
    reason = s.CharField(help_text="Uitleg wat er precies fout is met de gegevens.")

    class Meta:
        ref_name = "FieldValidationError"


class ValidatieFoutSerializer(FoutSerializer):
    invalidParams = FieldValidationErrorSerializer(many=True)

    class Meta:
        ref_name = "ValidatieFout"


PROBLEM = "application/problem+json"


def error_responses(*codes: int) -> dict:
    """The error responses of an operation, as (status, media type) keys for extend_schema."""
    out = {}
    for code in codes:
        serializer = ValidatieFoutSerializer if code == 400 else FoutSerializer
        out[(code, PROBLEM)] = OpenApiResponse(serializer)
    return out
