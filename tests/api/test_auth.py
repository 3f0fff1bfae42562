"""ZGW authorisation: the JWT (HS256, client_id, the client's secret), scopes, and one municipality per client."""

import time

import pytest

from .conftest import SECRET, auth, token

pytestmark = pytest.mark.django_db

URL = "/api/catalogi/v1/zaaktypen"


def test_valid_token_lists_zaaktypen(client, applicatie):
    applicatie()
    response = client.get(URL, **auth("zac"))
    assert response.status_code == 200
    assert response.json()["count"] > 0


def test_missing_header_is_401_not_authenticated(client, applicatie):
    applicatie()
    response = client.get(URL)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("header", [
    pytest.param(lambda: f"Bearer {token('zac', secret='een-ander-geheim-van-tweeëndertig-tekens!')}", id="wrong-signature"),
    pytest.param(lambda: f"Bearer {token('onbekend')}", id="unknown-client"),
    pytest.param(lambda: f"Bearer {token('zac', exp=int(time.time()) - 3600)}", id="expired-exp"),
    pytest.param(lambda: f"Bearer {token('zac', iat=int(time.time()) - 24 * 3600)}", id="iat-too-old"),
    pytest.param(lambda: "Bearer geen.jwt.token", id="garbage"),
    pytest.param(lambda: f"Token {token('zac')}", id="wrong-scheme"),
])
def test_refused_tokens_are_403_permission_denied(client, applicatie, header):
    applicatie()
    response = client.get(URL, HTTP_AUTHORIZATION=header())
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_token_without_iat_is_refused(client, applicatie):
    import jwt

    applicatie()
    bare = jwt.encode({"client_id": "zac"}, SECRET, algorithm="HS256")
    assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {bare}").status_code == 403


def test_inactive_client_is_refused(client, applicatie):
    app = applicatie()
    app.actief = False
    app.save()
    assert client.get(URL, **auth("zac")).status_code == 403


@pytest.mark.parametrize("component,scopes,status", [
    ("ztc", ["catalogi.lezen"], 200),
    ("ztc", ["catalogi.schrijven"], 403),
    ("ztc", [], 403),
    ("zrc", ["catalogi.lezen"], 403),  # the scope counts only on its own component
    ("zrc", ["zaken.lezen"], 200),  # ztc-014
    ("drc", ["documenten.lezen"], 200),  # ztc-014
    ("zrc", ["zaken.aanmaken"], 403),
    ("nrc", ["notificaties.consumeren"], 403),
])
def test_scope_matrix_catalogi_lezen(client, applicatie, component, scopes, status):
    applicatie(component=component, scopes=scopes)
    for path in ["catalogussen", "zaaktypen", "statustypen", "roltypen", "resultaattypen", "informatieobjecttypen",
                 "besluittypen", "eigenschappen"]:
        assert client.get(f"/api/catalogi/v1/{path}", **auth("zac")).status_code == status, path


@pytest.mark.parametrize("component,scope", [("zrc", "zaken.lezen"), ("drc", "documenten.lezen")])
def test_ztc_014_zaken_or_documenten_readers_may_read_the_catalogi(client, applicatie, component, scope):
    applicatie(component=component, scopes=[scope])
    listing = client.get("/api/catalogi/v1/zaaktypen", **auth("zac"))
    assert listing.status_code == 200 and listing.json()["count"] > 0
    detail = listing.json()["results"][0]["url"]
    assert client.get(detail, **auth("zac")).status_code == 200
    assert client.head(detail, **auth("zac")).status_code == 200
    # Reading only: the rule gives no other right (a write here is a 405 whatever the scope).
    assert client.post("/api/catalogi/v1/zaaktypen", {}, content_type="application/json",
                       **auth("zac")).status_code == 405


def test_other_municipality_gets_404_and_not_in_lists(client, applicatie):
    applicatie("den-haag", "zac-den-haag")
    applicatie("rotterdam", "zac-rotterdam")
    haag = client.get("/api/catalogi/v1/catalogussen", **auth("zac-den-haag")).json()["results"]
    rdam = client.get("/api/catalogi/v1/catalogussen", **auth("zac-rotterdam")).json()["results"]
    assert len(haag) == len(rdam) == 1
    assert haag[0]["url"] != rdam[0]["url"]
    assert client.get(haag[0]["url"], **auth("zac-rotterdam")).status_code == 404
    haag_zt = client.get(URL, **auth("zac-den-haag")).json()["results"][0]["url"]
    response = client.get(haag_zt, **auth("zac-rotterdam"))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert haag_zt not in [z["url"] for z in client.get(URL, **auth("zac-rotterdam")).json()["results"]]
    assert client.get(haag_zt, **auth("zac-den-haag")).status_code == 200


def test_client_of_a_deactivated_municipality_is_refused(client, applicatie):
    app = applicatie()
    app.gemeente.actief = False
    app.gemeente.save()
    assert client.get(URL, **auth("zac")).status_code == 403


def test_token_from_the_future_is_refused(client, applicatie):
    applicatie()
    assert client.get(URL, **auth("zac", iat=int(time.time()) + 3600)).status_code == 403
