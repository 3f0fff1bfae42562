"""The error responses and HEAD operations every ZGW operation lists in the VNG specs: documented centrally
(zaken.api.common.schema.zgw_standard_responses) and really answered as documented."""

import logging

import pytest
import yaml
from django.test import override_settings
from django.conf import settings

from zaken.api.catalogi import views

from .conftest import auth

pytestmark = pytest.mark.django_db

STANDARD = {"401", "403", "406", "409", "410", "415", "429", "500"}
FOUT = {"type", "code", "title", "status", "detail", "instance"}


@pytest.fixture
def schema(client):
    return yaml.safe_load(client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi").content)


def first_zaaktype(client):
    return client.get("/api/catalogi/v1/zaaktypen", **auth("zac")).json()["results"][0]


def test_every_zgw_operation_lists_the_standard_error_set(schema):
    operations = [(path, method, op) for path, ops in schema["paths"].items() if path.startswith("/api/catalogi/")
                  for method, op in ops.items() if method != "head"]
    assert len(operations) == 16
    for path, method, op in operations:
        assert STANDARD <= set(op["responses"]), (method, path)
        fout = op["responses"]["406"]["content"]["application/problem+json"]["schema"]
        assert fout == {"$ref": "#/components/schemas/Fout"}


def test_every_detail_get_has_a_head_operation(schema):
    details = [path for path in schema["paths"] if path.startswith("/api/catalogi/") and path.endswith("}")]
    assert len(details) == 8
    for path in details:
        head = schema["paths"][path]["head"]
        assert set(head["responses"]) == {"200"}
        assert head["operationId"] != schema["paths"][path]["get"]["operationId"]


def test_catalogi_formats_as_the_standard(schema):
    props = schema["components"]["schemas"]
    assert props["ZaakType"]["properties"]["doorlooptijd"]["format"] == "duration"
    assert props["ZaakType"]["properties"]["servicenorm"]["format"] == "duration"
    assert props["BesluitType"]["properties"]["reactietermijn"]["format"] == "duration"
    assert props["Catalogus"]["properties"]["contactpersoonBeheerEmailadres"]["format"] == "email"
    assert props["ZaakType"]["properties"]["broncatalogus"]["type"] == "object"


def test_head_answers_the_get_without_a_body(client, applicatie):
    applicatie()
    url = first_zaaktype(client)["url"]
    get = client.get(url, **auth("zac"))
    head = client.head(url, **auth("zac"))
    assert head.status_code == 200 and head.content == b""
    assert head["Content-Type"] == get["Content-Type"] == "application/json"
    assert head["API-version"] == "1.3.1"
    assert client.head(url.rsplit("/", 1)[0] + "/00000000-0000-0000-0000-000000000000",
                       **auth("zac")).status_code == 404


def test_a_wrong_accept_is_a_406_fout(client, applicatie):
    applicatie()
    response = client.get("/api/catalogi/v1/zaaktypen", HTTP_ACCEPT="application/xml", **auth("zac"))
    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"
    assert set(response.json()) == FOUT and response.json()["code"] == "not_acceptable"
    assert client.get("/api/catalogi/v1/zaaktypen", HTTP_ACCEPT="application/json", **auth("zac")).status_code == 200


def test_too_many_requests_is_a_429_fout_with_retry_after(client, applicatie):
    applicatie()
    with override_settings(ZGW_API={**settings.ZGW_API, "THROTTLE_RATE": "2/h"}):
        assert [client.get("/api/catalogi/v1/catalogussen", **auth("zac")).status_code for _ in range(2)] == [200, 200]
        response = client.get("/api/catalogi/v1/catalogussen", **auth("zac"))
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json" and int(response["Retry-After"]) > 0
    assert response.json()["code"] == "throttled"
    applicatie(client_id="andere")  # the limit is per client
    with override_settings(ZGW_API={**settings.ZGW_API, "THROTTLE_RATE": "2/h"}):
        assert client.get("/api/catalogi/v1/catalogussen", **auth("andere")).status_code == 200


def test_an_unexpected_error_is_a_500_fout_and_logged(client, applicatie, monkeypatch, caplog):
    applicatie()

    def broken(*args):
        raise RuntimeError("stuk")

    monkeypatch.setattr(views, "catalogus_voor", broken)
    with caplog.at_level(logging.ERROR, logger="zaken.api"):
        response = client.get("/api/catalogi/v1/zaaktypen", **auth("zac"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert set(response.json()) == FOUT and response.json()["code"] == "error"
    assert "RuntimeError" in caplog.text


def test_zaaktype_detail_for_a_date(client, applicatie):
    applicatie()
    url = first_zaaktype(client)["url"]
    begin = first_zaaktype(client)["beginGeldigheid"]
    assert client.get(url, {"datumGeldigheid": begin}, **auth("zac")).status_code == 200
    assert client.get(url, {"datumGeldigheid": "2000-01-01"}, **auth("zac")).status_code == 404
    wrong = client.get(url, {"datumGeldigheid": "gisteren"}, **auth("zac"))
    assert wrong.status_code == 400 and wrong.json()["invalidParams"][0]["name"] == "datumGeldigheid"


def test_a_detail_carries_an_etag_and_if_none_match_is_a_304(client, applicatie):
    applicatie()
    url = first_zaaktype(client)["url"]
    get = client.get(url, **auth("zac"))
    etag = get["ETag"]
    assert etag.startswith('"') and client.head(url, **auth("zac"))["ETag"] == etag
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=etag, **auth("zac"))
    assert unchanged.status_code == 304 and unchanged.content == b"" and unchanged["ETag"] == etag
    assert client.get(url, HTTP_IF_NONE_MATCH='"iets-anders"', **auth("zac")).status_code == 200
