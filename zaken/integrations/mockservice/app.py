"""The mock registers' WSGI app: a route table per register, JSON in and out, Foutbericht errors.

A route is (method, compiled path regex, handler); a handler gets a MockRequest and the regex's
named groups and returns a MockResponse. Each register module (brp.py, bag.py, kvk.py, rdw.py)
lists its own ROUTES under its own prefix. A register named in settings.MOCK_UNAVAILABLE answers
503, as a register that is down.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import parse_qs

from django.conf import settings
from django.db import close_old_connections

from . import bag, brp, kvk, payments, rdw

REGISTERS = {"brp": brp, "bag": bag, "kvk": kvk, "rdw": rdw, "payments": payments}

@dataclass
class MockRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes

    def json(self):
        """The JSON body, or None when it is missing or not JSON (the handler answers 400)."""
        try:
            return json.loads(self.body or b"null")
        except ValueError:
            return None

    def param(self, name: str, default: str = "") -> str:
        return self.query.get(name, [default])[0]

@dataclass
class MockResponse:
    status: int
    data: object = None
    headers: dict = field(default_factory=dict)
    content_type: str = "application/json"

def foutbericht(request: MockRequest, status: int, *, code: str, title: str, detail: str = "",
                invalid_params: list[dict] | None = None) -> MockResponse:
    """An error body as the Haal Centraal, BAG and KvK specifications define it (Foutbericht)."""
    body = {"type": f"https://datatracker.ietf.org/doc/html/rfc9110#status.{status}", "title": title,
            "status": status, "instance": request.path, "code": code}
    if detail:
        body["detail"] = detail
    if invalid_params:
        body["invalidParams"] = invalid_params
    return MockResponse(status, body, content_type="application/problem+json")

def invalid_param(name: str, code: str, reason: str, type_: str = "") -> dict:
    return {"type": type_ or f"https://www.vng.nl/realisatie/api/validaties/{code}", "name": name,
            "code": code, "reason": reason}

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

def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
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

