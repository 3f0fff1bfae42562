"""expand on GET /zaken, /zaken/{uuid} and POST /zaken/_zoek (zrc-025 to zrc-027)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaken.api.zaken import expand

pytestmark = pytest.mark.django_db

LIST = "/api/zaken/v1/zaken"


def list_queries(client, params, headers) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(LIST, params, **headers).status_code == 200
    return len(ctx.captured_queries)


def test_expand_zaaktype_status_and_statustype(client, zrc, zaak):
    headers = zrc()
    case = zaak()
    response = client.get(f"{LIST}/{case.uuid}", {"expand": "zaaktype,status.statustype"}, **headers)
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["_expand"]["zaaktype"]["url"] == data["zaaktype"]
    assert data["_expand"]["zaaktype"]["identificatie"] == case.zaaktype.identificatie
    status = data["_expand"]["status"]
    assert status["url"] == data["status"]
    assert status["_expand"]["statustype"]["url"] == status["statustype"]
    assert status["_expand"]["statustype"]["omschrijvingGeneriek"] == "ontvangen"
    # The same in a list and in _zoek.
    listed = client.get(LIST, {"expand": "status.statustype"}, **headers).json()["results"][0]
    assert listed["_expand"]["status"]["_expand"]["statustype"] == status["_expand"]["statustype"]
    zoek = client.post(f"{LIST}/_zoek", {"expand": "zaaktype"}, content_type="application/json", **headers)
    assert zoek.json()["results"][0]["_expand"]["zaaktype"] == data["_expand"]["zaaktype"]
    # Without expand there is no _expand.
    assert "_expand" not in client.get(f"{LIST}/{case.uuid}", **headers).json()


def test_zrc_025_expand_scope_only_zaken_and_catalogi(client, zrc, zaak):
    headers = zrc()
    zaak()
    response = client.get(LIST, {"expand": "zaakinformatieobjecten.informatieobject"}, **headers)
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "expand-scope"


def test_zrc_026_expand_depth_is_cut_at_three(monkeypatch):
    calls = []
    monkeypatch.setitem(expand.REGISTRY, "rollen", lambda request, zaken: calls.append(1) or {})
    monkeypatch.setitem(expand.REGISTRY, "rollen.statussen", lambda request, zaken: {})
    monkeypatch.setitem(expand.REGISTRY, "rollen.statussen.statustype", lambda request, zaken: {})
    # A fourth level (statustype.zaaktype) is not followed: answered up to three levels.
    assert expand.parse("rollen.statussen.statustype.zaaktype") == [
        "rollen", "rollen.statussen", "rollen.statussen.statustype"]


def test_zrc_026_expand_attribute_not_of_the_resource_is_404(client, zrc, zaak):
    headers = zrc()
    case = zaak()
    response = client.get(f"{LIST}/{case.uuid}", {"expand": "bestaatniet"}, **headers)
    assert response.status_code == 404 and "bestaatniet" in response.json()["detail"]
    assert client.get(LIST, {"expand": "status.bestaatniet"}, **headers).status_code == 404


def test_zrc_027_expand_errors_what_we_cannot_fetch_is_an_error(client, zrc, zaak):
    headers = zrc()
    zaak()
    assert "hoofdzaak" not in expand.REGISTRY  # an attribute of Zaak we keep no data for
    response = client.get(LIST, {"expand": "hoofdzaak"}, **headers)
    assert response.status_code == 404 and "hoofdzaak" in response.json()["detail"]


def test_expand_query_count_is_the_same_for_1_and_50_zaken(client, zrc, zaak):
    headers = zrc()
    zaak()
    params = {"expand": "zaaktype,status.statustype"}
    client.get(LIST, params, **headers)

    one = list_queries(client, params, headers)
    for _ in range(49):
        zaak()
    assert list_queries(client, params, headers) == one


def test_every_part_of_a_zaak_expands_with_constant_queries(client, zrc, zaak):
    """The parts the other resources serve (rollen, resultaat, documents, objects, eigenschappen) expand too,
    each as its own endpoint gives it, in the same number of queries for 1 and 50 zaken."""
    headers = zrc()
    zaak()
    params = {"expand": "zaaktype,status.statustype,rollen,resultaat,zaakinformatieobjecten,zaakobjecten,"
                        "eigenschappen"}
    listed = client.get(LIST, params, **headers).json()["results"][0]
    expanded = listed["_expand"]
    assert {"zaaktype", "status", "rollen", "resultaat", "zaakinformatieobjecten", "zaakobjecten",
            "eigenschappen"} <= set(expanded)
    assert [r["url"] for r in expanded["rollen"]] == listed["rollen"] and listed["rollen"]
    assert [z["url"] for z in expanded["zaakinformatieobjecten"]] == listed["zaakinformatieobjecten"]

    one = list_queries(client, params, headers)
    for _ in range(49):
        zaak()
    assert list_queries(client, params, headers) == one
