"""The mock registers' WSGI app: a route table per register, JSON in and out, Foutbericht errors.
It also serves the local SAML IdPs of the staging stack (`/digid/idp/`, `/eherkenning/idp/`).

A route is (method, compiled path regex, handler); a handler gets a MockRequest and the regex's
named groups and returns a MockResponse. Each register module (brp.py, bag.py, kvk.py, rdw.py)
lists its own ROUTES under its own prefix. A register named in settings.MOCK_UNAVAILABLE answers
503, as a register that is down.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from urllib.parse import parse_qs

from django.conf import settings
from django.db import close_old_connections

from . import bag, brp, kvk, payments, rdw
from .base import MockRequest, MockResponse, foutbericht, invalid_param  # noqa: F401  (the route modules' API)

REGISTERS = {"brp": brp, "bag": bag, "kvk": kvk, "rdw": rdw, "payments": payments}


def _routes():
    for kind, module in REGISTERS.items():
        for method, pattern, handler in module.ROUTES:
            yield kind, method, pattern, handler


def _dispatch(request: MockRequest) -> MockResponse:
    allowed = False
    for kind, method, pattern, handler in _routes():
        match = pattern.fullmatch(request.path)
        if not match:
            continue
        if method != request.method:
            allowed = True
            continue
        if kind in settings.MOCK_UNAVAILABLE:
            return foutbericht(request, 503, code="serviceUnavailable", title="De service is niet beschikbaar.")
        return handler(request, **match.groupdict())
    if allowed:
        return foutbericht(request, 405, code="methodNotAllowed", title="Deze methode is niet toegestaan.")
    return foutbericht(request, 404, code="notFound", title="Opgevraagde resource bestaat niet.")


_idps: dict = {}


def _idp_app(path: str):
    """The local SAML IdP (DigiD or eHerkenning) of a staging stack, mounted under /<means>/idp/.

    Built on first use: its keys come from `saml_demo_setup`, its entity ids from MOCK_REGISTERS_URL.
    """
    prefix = next((p for p in ("/digid/idp/", "/eherkenning/idp/") if path.startswith(p)), None)
    if prefix is None or not settings.MOCK_REGISTERS_URL:
        return None
    if not _idps:
        from ..auth.saml.idp_mount import demo_idp_apps

        _idps.update(demo_idp_apps(settings.MOCK_REGISTERS_URL))
    return _idps[prefix]


def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    idp = _idp_app(path)
    if idp is not None:
        return idp(environ, start_response)
    length = int(environ.get("CONTENT_LENGTH") or 0)
    request = MockRequest(
        method=environ["REQUEST_METHOD"], path=path, query=parse_qs(environ.get("QUERY_STRING", "")),
        headers={k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
        | {"content-type": environ.get("CONTENT_TYPE", "")},
        body=environ["wsgi.input"].read(length) if length else b"")
    response = _dispatch(request)
    body = b"" if response.data is None else json.dumps(response.data, ensure_ascii=False).encode()
    headers = [("Content-Type", f"{response.content_type}; charset=utf-8" if body else "text/plain"),
               ("Content-Length", str(len(body))), *response.headers.items()]
    start_response(f"{response.status} {HTTPStatus(response.status).phrase}", headers)
    return [body]


def served_application(environ, start_response):
    """`application` for a server thread: database connections are closed as Django's handler does."""
    close_old_connections()
    try:
        return application(environ, start_response)
    finally:
        close_old_connections()

