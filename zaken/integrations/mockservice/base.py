"""The mock registers' request and response types and the shared error body (Foutbericht)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


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
