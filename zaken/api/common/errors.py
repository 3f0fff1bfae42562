"""Errors as the ZGW specs define them: `Fout` and, for 400, `ValidatieFout` with `invalidParams`,
served as application/problem+json."""

from __future__ import annotations

import logging
import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

logger = logging.getLogger("zaken.api")

PROBLEM_JSON = "application/problem+json"


def _camel(name: str) -> str:
    if "__" in name:  # a query parameter with a lookup (startdatum__gte, rol__...): named as the client sent it
        return name
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def invalid_params(detail, prefix: str = "") -> list[dict]:
    """Flatten DRF's error detail into [{name, code, reason}]; names in camelCase, nested with dots."""
    params = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            if key == "non_field_errors":  # a nested object's or list's own error carries its name
                params += invalid_params(value, prefix or "nonFieldErrors")
                continue
            name = _camel(str(key))
            params += invalid_params(value, f"{prefix}.{name}" if prefix else name)
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, (dict, list)):
                params += invalid_params(value, f"{prefix}.{index}")
            else:
                params += invalid_params(value, prefix)
    else:
        params.append({"name": prefix or "nonFieldErrors", "code": getattr(detail, "code", "invalid"),
                       "reason": str(detail)})
    return params


def fout(request, exc: exceptions.APIException, *, code: str | None = None) -> dict:
    body = {
        "type": request.build_absolute_uri(f"/api/ref/fouten/{type(exc).__name__}/") if request else "",
        "code": code or exc.default_code,
        "title": str(exc.default_detail),
        "status": exc.status_code,
        "detail": str(exc.detail) if not isinstance(exc.detail, (dict, list)) else str(exc.default_detail),
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if isinstance(exc, exceptions.ValidationError):
        body["invalidParams"] = invalid_params(exc.detail)
    return body


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        # Unexpected: a 500 Fout as the specs list it, logged with its traceback (never the request body).
        logger.error("Onverwachte fout in de ZGW API (%s)", type(exc).__name__, exc_info=exc)
        set_rollback()
        exc = exceptions.APIException()
        response = Response(status=exc.status_code)
    request = context.get("request")
    headers = {k: v for k, v in response.items() if k in ("WWW-Authenticate", "Retry-After", "Allow")}
    return Response(fout(request, exc), status=response.status_code, headers=headers, content_type=PROBLEM_JSON)


def validation_error(field: str, reason: str, code: str = "invalid") -> exceptions.ValidationError:
    return exceptions.ValidationError({field: [exceptions.ErrorDetail(reason, code=code)]})


__all__ = ["PROBLEM_JSON", "exception_handler", "fout", "invalid_params", "status", "validation_error"]
