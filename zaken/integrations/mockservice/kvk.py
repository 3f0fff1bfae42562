"""Mock KvK Handelsregister API Basisprofiel v1: GET /basisprofielen/{kvkNummer} (with the
hoofdvestiging and eigenaar embedded), /eigenaar, /hoofdvestiging (geoData=true|false; the mock
has no geodata to add) and /vestigingen (the Vestigingenlijst).

Errors as the KvK API gives them, not problem+json: `{"fout": [{"code": "IPD0005",
"omschrijving": "..."}]}` with 400 (IPD0004 malformed KvK-nummer, IPD1999 invalid or unknown
parameter) or 404 (IPD0005 nothing to deliver for this KvK-nummer). See app.py for the routes.
"""

from __future__ import annotations

import re

from ..kvk.mock import KVK_RE, KvkMock
from .base import MockRequest, MockResponse

PREFIX = "/kvk/api/v1/basisprofielen/(?P<kvk_nummer>[^/]+)"
HAL = "application/hal+json"

backend = KvkMock()


def fout(status: int, code: str, omschrijving: str) -> MockResponse:
    return MockResponse(status, {"fout": [{"code": code, "omschrijving": omschrijving}]})


def _profiel(request: MockRequest, kvk_nummer: str, *, geo_data: bool) -> dict | MockResponse:
    allowed = {"geoData"} if geo_data else set()
    if set(request.query) - allowed or request.param("geoData", "false") not in ("true", "false"):
        return fout(400, "IPD1999", "Opgegeven parameter(s) ongeldig.")
    if not KVK_RE.match(kvk_nummer):
        return fout(400, "IPD0004", f"Het KVK-nummer {kvk_nummer} is niet valide.")
    profiel = backend.basisprofiel(kvk_nummer)
    if profiel is None:
        return _niet_leverbaar(kvk_nummer)
    return profiel


def _niet_leverbaar(kvk_nummer: str) -> MockResponse:
    return fout(404, "IPD0005", f"Op basis van het KVK-nummer {kvk_nummer} kan het product niet worden geleverd.")


def basisprofiel(request: MockRequest, kvk_nummer: str) -> MockResponse:
    profiel = _profiel(request, kvk_nummer, geo_data=True)
    return profiel if isinstance(profiel, MockResponse) else MockResponse(200, profiel, content_type=HAL)


def _embedded(name: str):
    def handler(request: MockRequest, kvk_nummer: str) -> MockResponse:
        profiel = _profiel(request, kvk_nummer, geo_data=True)
        if isinstance(profiel, MockResponse):
            return profiel
        part = (profiel.get("_embedded") or {}).get(name)
        return MockResponse(200, part, content_type=HAL) if part else _niet_leverbaar(kvk_nummer)
    return handler


def vestigingen(request: MockRequest, kvk_nummer: str) -> MockResponse:
    profiel = _profiel(request, kvk_nummer, geo_data=False)
    if isinstance(profiel, MockResponse):
        return profiel
    lijst = backend.vestigingenlijst(kvk_nummer)
    lijst["links"] = [{"rel": "self", "href": f"https://api.kvk.nl/api/v1/basisprofielen/{kvk_nummer}/vestigingen"}]
    return MockResponse(200, lijst, content_type=HAL)


ROUTES: list = [
    ("GET", re.compile(PREFIX), basisprofiel),
    ("GET", re.compile(PREFIX + "/eigenaar"), _embedded("eigenaar")),
    ("GET", re.compile(PREFIX + "/hoofdvestiging"), _embedded("hoofdvestiging")),
    ("GET", re.compile(PREFIX + "/vestigingen"), vestigingen),
]
