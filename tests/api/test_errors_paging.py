"""Fout and ValidatieFout bodies as the VNG specs define them, and the page-number pages."""

import pytest

from zaken.api.common.pagination import ZGWPagination

from .conftest import auth

pytestmark = pytest.mark.django_db

FOUT = {"type", "code", "title", "status", "detail", "instance"}


def test_not_found_is_a_fout(client, applicatie):
    applicatie()
    response = client.get("/api/catalogi/v1/zaaktypen/00000000-0000-0000-0000-000000000000", **auth("zac"))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) == FOUT
    assert body["status"] == 404 and body["code"] == "not_found"
    assert body["instance"].startswith("urn:uuid:")


def test_every_response_names_the_api_version(client, applicatie):
    applicatie()
    assert client.get("/api/catalogi/v1/zaaktypen", **auth("zac"))["API-version"] == "1.3.1"
    assert client.get("/api/catalogi/v1/zaaktypen")["API-version"] == "1.3.1"  # a 401 too


def test_forbidden_is_a_fout(client, applicatie):
    applicatie(scopes=["catalogi.schrijven"])
    body = client.get("/api/catalogi/v1/zaaktypen", **auth("zac")).json()
    assert set(body) == FOUT and body["status"] == 403 and body["code"] == "permission_denied"


def test_bad_query_parameter_is_a_validatiefout(client, applicatie):
    applicatie()
    response = client.get("/api/catalogi/v1/zaaktypen?status=weg&datumGeldigheid=gisteren", **auth("zac"))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) == FOUT | {"invalidParams"}
    assert body["code"] == "invalid" and body["status"] == 400
    params = {p["name"]: p for p in body["invalidParams"]}
    assert set(params) == {"status", "datumGeldigheid"}
    assert params["status"]["code"] == "invalid_choice"
    assert all(set(p) == {"name", "code", "reason"} for p in body["invalidParams"])


def test_method_not_allowed_is_a_fout(client, applicatie):
    applicatie()
    response = client.post("/api/catalogi/v1/zaaktypen", {}, content_type="application/json", **auth("zac"))
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_pages(client, applicatie, monkeypatch):
    monkeypatch.setattr(ZGWPagination, "page_size", 2)
    applicatie()
    first = client.get("/api/catalogi/v1/statustypen", **auth("zac")).json()
    assert set(first) == {"count", "next", "previous", "results"}
    assert first["count"] > 2 and len(first["results"]) == 2 and first["previous"] is None
    assert first["next"].endswith("page=2")
    second = client.get(first["next"], **auth("zac")).json()
    assert second["previous"] and second["results"][0]["url"] not in [r["url"] for r in first["results"]]
    beyond = client.get("/api/catalogi/v1/statustypen?page=999", **auth("zac"))
    assert beyond.status_code == 404 and beyond.json()["code"] == "not_found"


def test_put_patch_delete_reach_the_api_only(client, applicatie):
    """The site refuses PUT/PATCH/DELETE at the middleware; under /api/ DRF answers with a Fout instead."""
    applicatie()
    for method in ("put", "patch", "delete"):
        site = getattr(client, method)("/den-haag/")
        assert site.status_code == 405 and "PUT" not in site["Allow"]
        api = getattr(client, method)("/api/catalogi/v1/zaaktypen", {}, content_type="application/json",
                                      **auth("zac"))
        assert api.status_code == 405
        assert api.json()["code"] == "method_not_allowed"
    assert client.generic("TRACE", "/api/catalogi/v1/zaaktypen").status_code == 405


def test_an_unknown_api_path_is_a_fout(client):
    for method in ("get", "put", "delete"):
        response = getattr(client, method)("/api/zaken/v1/zaken/geen-uuid/audittrail")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["code"] == "not_found"
