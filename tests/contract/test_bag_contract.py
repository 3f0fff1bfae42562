"""The mock BAG register answers as the BAG API Individuele Bevragingen v2 does: HAL envelopes,
field names, types and enums, paging links, and the problem+json errors with `invalid-params`.
Checked against schemas/bag.json, our own reading of the specification, over the HTTP stack."""

import json
from pathlib import Path

import pytest
import requests
from django.conf import settings
from jsonschema import Draft202012Validator

from zaken.integrations.bag.convert import load_extras
from zaken.integrations.http.inprocess import InProcessAdapter
from zaken.integrations.mockservice import bag as bag_service

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "bag.json").read_text())
HAL = {"Accept": "application/hal+json", "Accept-Crs": "epsg:28992"}


def valid(name: str, data) -> None:
    validator = Draft202012Validator({**SCHEMA, "$ref": f"#/$defs/{name}"},
                                     format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors


def get(path, params=None, headers=HAL):
    session = requests.Session()
    session.mount(settings.MOCK_REGISTERS_URL + "/", InProcessAdapter())
    return session.get(settings.REGISTERS["bag"]["url"] + path, params=params, headers=headers)


def adressen(**params):
    response = get("/adressenuitgebreid", params)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("application/hal+json")
    assert response.headers["Content-Crs"] == "epsg:28992"
    valid("adresUitgebreidCollectie", response.json())
    return response.json()


def test_search_by_postcode_and_huisnummer():
    data = adressen(postcode="3077AW", huisnummer=31)
    [adres] = data["_embedded"]["adressen"]
    assert adres["gebruiksdoelen"] == ["woonfunctie"] and adres["typeAdresseerbaarObject"] == "Verblijfsobject"
    assert adres["_links"]["woonplaats"]["href"].endswith("/woonplaatsen/" + adres["woonplaatsIdentificatie"])
    assert data["_links"]["self"]["href"].endswith("/adressenuitgebreid?postcode=3077AW&huisnummer=31")


@pytest.mark.parametrize("params, expected", [
    ({"postcode": "2563cs", "huisnummer": "120"}, ["A"]),
    ({"postcode": "2563CS", "huisnummer": "120", "huisletter": "a"}, ["A"]),
    ({"postcode": "2563CS", "huisnummer": "120", "exacteMatch": "true"}, []),
    ({"postcode": "9999ZZ", "huisnummer": "1"}, []),
])
def test_huisletter_and_exacte_match(params, expected):
    data = adressen(**params)
    assert [a.get("huisletter") for a in (data.get("_embedded") or {}).get("adressen", [])] == expected
    if not expected:  # no match: 200 with the links only, not a 404
        assert "_embedded" not in data


def test_demo_extras_follow_the_contract():
    """Every hand-written address, kantoren included, by its adresseerbaar object."""
    for extra in load_extras():
        data = adressen(adresseerbaarObjectIdentificatie=extra["adresseerbaarObjectIdentificatie"])
        assert data["_embedded"]["adressen"][0]["gebruiksdoelen"] == extra["gebruiksdoelen"]


def test_paging_links(monkeypatch):
    many = [{**bag_service.backend.adres_zoeken(postcode="3077AW", huisnummer=31)[0],
             "huisnummertoevoeging": str(n)} for n in range(1, 26)]
    monkeypatch.setattr(bag_service.backend, "adres_zoeken", lambda **kwargs: many)
    first = adressen(postcode="3077AW", huisnummer=31, pageSize=10)
    assert len(first["_embedded"]["adressen"]) == 10
    assert set(first["_links"]) == {"self", "next", "last"}
    assert "page=3" in first["_links"]["last"]["href"]
    middle = adressen(postcode="3077AW", huisnummer=31, pageSize=10, page=2)
    assert set(middle["_links"]) == {"self", "first", "previous", "next", "last"}
    last = adressen(postcode="3077AW", huisnummer=31, pageSize=10, page=3)
    assert len(last["_embedded"]["adressen"]) == 5 and "next" not in last["_links"]
    default = adressen(postcode="3077AW", huisnummer=31)  # 20 a page by default
    assert len(default["_embedded"]["adressen"]) == 20 and "page=2" in default["_links"]["last"]["href"]
    assert "pageSize" not in default["_links"]["next"]["href"]
    beyond = get("/adressenuitgebreid", {"postcode": "3077AW", "huisnummer": 31, "page": 4})
    assert beyond.status_code == 400


def test_woonplaats_gives_the_gemeente():
    adres = adressen(postcode="3077AW", huisnummer=31)["_embedded"]["adressen"][0]
    response = get(f"/woonplaatsen/{adres['woonplaatsIdentificatie']}", {"expand": "bronhouders"},
                   headers={"Accept": "application/hal+json"})
    assert response.status_code == 200
    data = response.json()
    valid("woonplaatsHal", data)
    assert data["woonplaats"]["naam"] == "Rotterdam"
    assert data["_embedded"]["bronhouders"] == [{"code": "0599", "naam": "Rotterdam"}]
    without = get(f"/woonplaatsen/{adres['woonplaatsIdentificatie']}", headers={}).json()
    valid("woonplaatsHal", without)
    assert "_embedded" not in without


def error(response, status: int, code: str, invalid: list[str] | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("application/problem+json")
    body = response.json()
    valid("error", body)
    assert body["status"] == status and body["code"] == code
    assert [p["name"] for p in body.get("invalid-params", [])] == (invalid or [])
    return body


@pytest.mark.parametrize("params, code, invalid", [
    ({}, "paramsRequired", None),
    ({"huisletter": "a"}, "paramsRequired", None),
    ({"postcode": "3077AW"}, "paramsCombination", None),
    ({"huisnummer": "31"}, "paramsCombination", None),
    ({"postcode": "3077AW", "huisnummer": "31", "adresseerbaarObjectIdentificatie": "0599010000208579"},
     "unsupportedCombination", None),
    ({"postcode": "3077AW", "huisnummer": "31", "woonplaatsNaam": "Rotterdam"}, "unsupportedCombination", None),
    ({"postcode": "307AW", "huisnummer": "31"}, "paramsValidation", ["postcode"]),
    ({"postcode": "3077AW", "huisnummer": "a", "huisletter": "3"}, "paramsValidation", ["huisnummer"]),
    ({"postcode": "3077AW", "huisnummer": "999999", "huisletter": "AA"}, "paramsValidation",
     ["huisnummer", "huisletter"]),
    ({"postcode": "3077AW", "huisnummer": "31", "huisnummertoevoeging": "tegenover"}, "paramsValidation",
     ["huisnummertoevoeging"]),
    ({"postcode": "3077AW", "huisnummer": "31", "exacteMatch": "ja"}, "paramsValidation", ["exacteMatch"]),
    ({"postcode": "3077AW", "huisnummer": "31", "pageSize": "500"}, "paramsValidation", ["pageSize"]),
    ({"adresseerbaarObjectIdentificatie": "0599040000"}, "paramsValidation", ["adresseerbaarObjectIdentificatie"]),
])
def test_search_errors(params, code, invalid):
    error(get("/adressenuitgebreid", params), 400, code, invalid)


def test_crs_and_media_type_errors():
    params = {"postcode": "3077AW", "huisnummer": "31"}
    error(get("/adressenuitgebreid", params, headers={"Accept": "application/hal+json"}), 412, "acceptCrsMissing")
    error(get("/adressenuitgebreid", params, headers={**HAL, "Accept-Crs": "epsg:4326"}), 406, "crsNotAcceptable")
    error(get("/adressenuitgebreid", params, headers={**HAL, "Accept": "application/xml"}), 406, "notAcceptable")


def test_woonplaats_errors():
    error(get("/woonplaatsen/0000"), 400, "paramsValidation", ["identificatie"])
    error(get("/woonplaatsen/1234", {"expand": "bestaatniet"}), 400, "paramsValidation", ["expand"])
    error(get("/woonplaatsen/1000", {"expand": "geometrie"}, headers={}), 412, "acceptCrsMissing")
    unknown = next(f"{n:04d}" for n in range(1000, 10000) if bag_service.backend.woonplaats(f"{n:04d}") is None)
    error(get(f"/woonplaatsen/{unknown}"), 404, "notFound")
