"""Schema helpers: the JWT security scheme and the ZGW error bodies in our OpenAPI document."""

import re
from http import HTTPStatus

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


# The error responses every ZGW operation lists in the VNG specs, on top of its own (400, 404, 412).
# 409, 410 and 415 on a read are in the standard's generic set; we never answer them there (see docs/zgw.md).
STANDARD_ERRORS = (401, 403, 406, 409, 410, 415, 429, 500)
ZGW_PATH = re.compile(r"^/api/(zaken|catalogi|besluiten|documenten|notificaties)/v1/")
OPERATIONS = ("get", "post", "put", "patch", "delete")
# An operation whose spec leaves a code of the generic set out says so with extend_schema(extensions=...).
OMIT = "x-zgw-omit-errors"


def zgw_standard_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: the standard's error set on every ZGW operation, and a HEAD
    beside every detail GET (DRF answers HEAD for each GET; drf-spectacular does not list it)."""
    fout = {PROBLEM: {"schema": {"$ref": "#/components/schemas/Fout"}}}
    for path, ops in result.get("paths", {}).items():
        if not ZGW_PATH.match(path):
            continue
        for method in OPERATIONS:
            op = ops.get(method)
            if op is None:
                continue
            omitted = {str(code) for code in op.pop(OMIT, [])}
            for code in map(str, STANDARD_ERRORS):
                if code not in omitted:
                    op["responses"].setdefault(code, {"description": HTTPStatus(int(code)).phrase, "content": fout})
            if any(p.get("name") == "page" and p.get("in") == "query" for p in op.get("parameters", ())):
                # A page past the last one is a 404 Fout (ZGWPagination), on every paged list.
                op["responses"].setdefault("404", {"description": HTTPStatus.NOT_FOUND.phrase, "content": fout})
        if "get" in ops and "head" not in ops and path.endswith("}"):
            ops["head"] = _head(ops["get"])
    if "Fout" not in result.get("components", {}).get("schemas", {}):
        raise ValueError("no view declares error_responses(...): the Fout schema is missing")
    return result


def _head(get: dict) -> dict:
    head = {key: get[key] for key in ("tags", "security", "parameters") if key in get}
    head["operationId"] = f"{get['operationId']}_headers"
    head["description"] = "De headers van dezelfde GET, zonder body."
    # The specs describe HEAD's 200 with the GET's body schema: the headers are those of that body.
    ok = get["responses"]["200"]
    head["responses"] = {"200": {"description": "Zoals de GET, zonder body.",
                                 **({"content": ok["content"]} if "content" in ok else {})}}
    return head
