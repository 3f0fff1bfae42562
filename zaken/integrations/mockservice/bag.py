"""Mock BAG API Individuele Bevragingen v2 (Kadaster), as far as Samenloket asks it:

- GET /adressenuitgebreid with postcode + huisnummer (+ huisletter, huisnummertoevoeging,
  exacteMatch) or adresseerbaarObjectIdentificatie; paged (page, pageSize 10-100, default 20);
  HAL collection `{"_links": ..., "_embedded": {"adressen": [...]}}`, `_embedded` left out when
  nothing matches (200, not 404). Answers carry geometry in the real API, so `Accept-Crs:
  epsg:28992` is required (412 without, 406 for another CRS).
- GET /woonplaatsen/{identificatie} (expand=bronhouders): the woonplaats and its gemeente(n).

Errors are problem+json as the BAG spec defines them: type, title, status, detail, instance, code,
and `invalid-params` (the BAG spelling; Haal Centraal says invalidParams). See app.py for routes.
"""

from __future__ import annotations

import math
import re
from urllib.parse import urlencode

from django.conf import settings

from ..bag.mock import AOID_RE, WOONPLAATS_RE, BagMock, gemeente_naam
from .base import MockRequest, MockResponse, foutbericht, invalid_param

PREFIX = "/lvbag/individuelebevragingen/v2"
HAL = "application/hal+json"
CRS = "epsg:28992"
POSTCODE_RE = re.compile(r"^[1-9][0-9]{3}[a-zA-Z]{2}$")
HUISLETTER_RE = re.compile(r"^[a-zA-Z]$")
TOEVOEGING_RE = re.compile(r"^[0-9a-zA-Z]{1,4}$")
ZOEK_PARAMS = ("postcode", "huisnummer", "huisletter", "huisnummertoevoeging", "adresseerbaarObjectIdentificatie")
ADRES_PARAMS = {*ZOEK_PARAMS, "exacteMatch", "page", "pageSize"}
EXPAND_WOONPLAATS = {"bronhouders", "geometrie", "true"}
INTERN = ("gemeenteIdentificatie", "isNevenadres")  # stored for our convenience, not in the API

backend = BagMock()


def _base() -> str:
    return settings.MOCK_REGISTERS_URL + PREFIX


DETAILS = {  # the BAG error body requires a detail
    400: "Het verzoek kan niet worden verwerkt: pas de parameters aan.",
    404: "De opgevraagde resource bestaat niet.",
    406: "De gevraagde representatie (Accept of Accept-Crs) wordt niet ondersteund.",
    412: "Geef met de header Accept-Crs het coördinatenstelsel epsg:28992 op.",
}


def fout(request: MockRequest, status: int, *, code: str, title: str, detail: str = "",
         invalid: list[dict] | None = None) -> MockResponse:
    response = foutbericht(request, status, code=code, title=title, detail=detail or DETAILS[status])
    if invalid:
        response.data["invalid-params"] = invalid
    return response


def _validation(request, invalid) -> MockResponse:
    return fout(request, 400, code="paramsValidation", title="Een of meerdere parameters zijn niet correct.",
                invalid=invalid)


def _crs_error(request: MockRequest) -> MockResponse | None:
    crs = request.headers.get("accept-crs", "")
    if not crs:
        return fout(request, 412, code="acceptCrsMissing",
                    title="Gewenste coördinatenstelsel voor geometrie moet worden opgegeven.")
    if crs.lower() != CRS:
        return fout(request, 406, code="crsNotAcceptable",
                    title=f"Gevraagde coördinatenstelsel {crs} wordt niet ondersteund.")
    return None


def _accept_error(request: MockRequest) -> MockResponse | None:
    """The API answers application/hal+json only (problem+json for errors)."""
    accept = request.headers.get("accept", "")
    if accept and not any(t in accept for t in ("hal+json", "*/*", "application/*")):
        return fout(request, 406, code="notAcceptable", title="Gevraagde contenttype wordt niet ondersteund.")
    return None


def _integer(request, name, low, high, invalid) -> int | None:
    raw = request.param(name)
    if not raw:
        return None
    if not re.fullmatch(r"-?\d+", raw):
        invalid.append(invalid_param(name, "integer", "Waarde is geen geldige integer."))
        return None
    value = int(raw)
    if value < low:
        invalid.append(invalid_param(name, "minimum", f"Waarde is lager dan minimum {low}."))
    elif value > high:
        invalid.append(invalid_param(name, "maximum", f"Waarde is hoger dan maximum {high}."))
    return value


def _pattern(request, name, pattern: re.Pattern, invalid) -> None:
    raw = request.param(name)
    if raw and not pattern.match(raw):
        invalid.append(invalid_param(name, "pattern", f"Waarde voldoet niet aan patroon {pattern.pattern}."))


def _api_adres(stored: dict) -> dict:
    adres = {k: v for k, v in stored.items() if k not in INTERN}
    if stored.get("isNevenadres"):
        adres["indicatieNevenadres"] = True
    soort = (stored.get("typeAdresseerbaarObject") or "verblijfsobject").lower()
    adres["typeAdresseerbaarObject"] = soort.capitalize()  # the API's enum: Verblijfsobject, Ligplaats, ...
    base, aoid = _base(), stored["adresseerbaarObjectIdentificatie"]
    adres["_links"] = {
        "self": {"href": f"{base}/adressenuitgebreid/{stored['nummeraanduidingIdentificatie']}"},
        "openbareRuimte": {"href": f"{base}/openbareruimten/{stored['openbareRuimteIdentificatie']}"},
        "nummeraanduiding": {"href": f"{base}/nummeraanduidingen/{stored['nummeraanduidingIdentificatie']}"},
        "woonplaats": {"href": f"{base}/woonplaatsen/{stored['woonplaatsIdentificatie']}"},
        "adresseerbaarObject": {"href": f"{base}/{soort}en/{aoid}"},
    }
    return adres


def _page_links(request: MockRequest, page: int, pages: int) -> dict:
    query = {k: v[0] for k, v in request.query.items() if k != "page"}

    def href(number=None):
        return {"href": f"{_base()}/adressenuitgebreid?"
                        + urlencode({**query, **({"page": number} if number else {})})}

    links = {"self": href(page if "page" in request.query else None)}
    if page > 1:
        links.update(first=href(1), previous=href(page - 1))
    if page < pages:
        links.update(next=href(page + 1), last=href(pages))
    return links


def adressen_uitgebreid(request: MockRequest) -> MockResponse:
    if error := _crs_error(request):
        return error
    if error := _accept_error(request):
        return error
    given = {k for k in request.query if k in ZOEK_PARAMS}
    if given <= {"huisletter", "huisnummertoevoeging"} or any(not request.param(k) for k in request.query):
        return fout(request, 400, code="paramsRequired", title="Ten minste één parameter moet worden opgegeven.")
    unknown = sorted(set(request.query) - ADRES_PARAMS)
    if unknown:  # other search entries of the real API are not in this mock
        return fout(request, 400, code="unsupportedCombination",
                    title="De combinatie van opgegeven parameters is niet toegestaan.")
    invalid: list[dict] = []
    huisnummer = _integer(request, "huisnummer", 1, 99999, invalid)
    page = _integer(request, "page", 1, 10**6, invalid) or 1
    page_size = _integer(request, "pageSize", 10, 100, invalid) or 20
    exact = request.param("exacteMatch", "false")
    if exact not in ("true", "false"):
        invalid.append(invalid_param("exacteMatch", "boolean", "Waarde is geen geldige boolean."))
    types = [p for p in invalid if p["code"] in ("integer", "boolean")]
    if types:  # a type error is reported alone, as the spec says
        return _validation(request, types[:1])
    _pattern(request, "postcode", POSTCODE_RE, invalid)
    _pattern(request, "huisletter", HUISLETTER_RE, invalid)
    _pattern(request, "huisnummertoevoeging", TOEVOEGING_RE, invalid)
    _pattern(request, "adresseerbaarObjectIdentificatie", AOID_RE, invalid)
    if invalid:
        return _validation(request, invalid)

    aoid = request.param("adresseerbaarObjectIdentificatie")
    if aoid and given - {"adresseerbaarObjectIdentificatie"}:
        return fout(request, 400, code="unsupportedCombination",
                    title="De combinatie van opgegeven parameters is niet toegestaan.")
    if aoid:
        found = backend.adressen_van_object(aoid)
    elif not (request.param("postcode") and huisnummer):
        return fout(request, 400, code="paramsCombination",
                    title="Minimale combinatie van parameters moet worden opgegeven.")
    else:
        found = backend.adres_zoeken(postcode=request.param("postcode"), huisnummer=huisnummer,
                                     huisletter=request.param("huisletter"),
                                     huisnummertoevoeging=request.param("huisnummertoevoeging"),
                                     exacte_match=exact == "true")
    pages = max(1, math.ceil(len(found) / page_size))
    if page > pages:
        return _validation(request, [invalid_param("page", "maximum", f"Waarde is hoger dan maximum {pages}.")])
    body: dict = {"_links": _page_links(request, page, pages)}
    chunk = found[(page - 1) * page_size:page * page_size]
    if chunk:
        body["_embedded"] = {"adressen": [_api_adres(a) for a in chunk]}
    return MockResponse(200, body, content_type=HAL, headers={
        "Content-Crs": CRS, "X-Pagination-Page": str(page), "X-Pagination-Limit": str(page_size)})


def woonplaats(request: MockRequest, identificatie: str) -> MockResponse:
    if error := _accept_error(request):
        return error
    expand = {e.strip() for e in request.param("expand").split(",") if e.strip()}
    invalid = []
    if not WOONPLAATS_RE.match(identificatie):
        invalid.append(invalid_param("identificatie", "pattern", "Waarde voldoet niet aan patroon ^[0-9]{4}$."))
    for wrong in sorted(expand - EXPAND_WOONPLAATS):
        invalid.append(invalid_param("expand", "expand", f"Deel van de parameterwaarde is niet correct: {wrong}."))
    if invalid:
        return _validation(request, invalid)
    if expand & {"geometrie", "true"} and (error := _crs_error(request)):
        return error
    found = backend.woonplaats(identificatie)
    if found is None:
        return fout(request, 404, code="notFound", title="Opgevraagde resource bestaat niet.")
    base = _base()
    body = {
        "woonplaats": {
            "identificatie": found.identificatie, "domein": "NL.IMBAG.Woonplaats", "naam": found.naam,
            "status": "Woonplaats aangewezen", "geconstateerd": "N", "documentdatum": "2010-01-01",
            "documentnummer": f"MOCK-{found.identificatie}",
            "voorkomen": {"tijdstipRegistratie": "2010-01-01T00:00:00", "versie": 1,
                          "beginGeldigheid": "2010-01-01", "tijdstipRegistratieLV": "2010-01-01T00:00:00.000"},
        },
        "_links": {"self": {"href": f"{base}/woonplaatsen/{found.identificatie}"},
                   "bronhouders": [{"href": f"{base}/bronhouders/{found.gemeentecode}"}]},
    }
    if expand & {"bronhouders", "true"}:
        body["_embedded"] = {"bronhouders": [{"code": found.gemeentecode, "naam": gemeente_naam(found.gemeentecode)
                                              or found.gemeentecode}]}
    return MockResponse(200, body, content_type=HAL)


ROUTES: list = [
    ("GET", re.compile(PREFIX + r"/adressenuitgebreid"), adressen_uitgebreid),
    ("GET", re.compile(PREFIX + r"/woonplaatsen/(?P<identificatie>[^/]+)"), woonplaats),
]
