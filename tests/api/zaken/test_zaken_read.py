"""GET /zaken, /zaken/{uuid}, POST /zaken/_zoek: fields, filters, scope, Crs headers, pages, queries, audit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaken.api.zaken import base
from zaken.models import AuditLog, Status

pytestmark = pytest.mark.django_db

LIST = "/api/zaken/v1/zaken"


def detail(zaak):
    return f"{LIST}/{zaak.uuid}"


def test_list_and_detail_fields(client, zrc, zaak):
    headers = zrc()
    case = zaak()
    response = client.get(LIST, **headers)
    assert response.status_code == 200, response.json()
    assert response["Content-Crs"] == "EPSG:4326" and response["API-version"] == "1.5.1"
    body = response.json()
    assert body["count"] == 1 and body["next"] is None
    item = body["results"][0]
    assert item["url"] == f"http://testserver{detail(case)}"
    assert item["identificatie"] == case.identificatie and item["bronorganisatie"] == case.gemeente.rsin
    assert item["verantwoordelijkeOrganisatie"] == case.gemeente.rsin
    status = Status.objects.get(zaak=case)
    assert item["status"] == f"http://testserver/api/zaken/v1/statussen/{status.uuid}"
    assert item["betalingsindicatie"] == "nvt" and item["archiefstatus"] == "nog_te_archiveren"
    assert item["opschorting"] == {"indicatie": False, "reden": ""} and item["zaakgeometrie"] is None
    for name in ("rollen", "zaakinformatieobjecten", "eigenschappen", "zaakobjecten", "deelzaken"):
        assert isinstance(item[name], list)
    # The zaaktype URL is the one the Catalogi API serves.
    zaaktype = client.get(item["zaaktype"], **headers)
    assert zaaktype.status_code == 200 and zaaktype.json()["identificatie"] == case.zaaktype.identificatie
    one = client.get(detail(case), **headers)
    assert one.status_code == 200 and one.json() == item


def test_detail_read_is_audited_as_the_api_client(client, zrc, zaak):
    headers = zrc()
    case = zaak()
    client.get(detail(case), **headers)
    line = AuditLog.objects.get(zaak=case, name="zaak_inzien")
    assert line.operation == "read" and line.actor_type == "applicatie" and "zac" in line.actor_label


def test_another_municipalitys_client_gets_404_and_an_empty_list(client, zrc, zaak):
    case = zaak()
    headers = zrc(gemeente="den-haag", client_id="andere")
    assert client.get(detail(case), **headers).status_code == 404
    assert client.get(LIST, **headers).json()["results"] == []


def test_zrc_006_zaaktype_and_vertrouwelijkheid_outside_the_autorisatie(client, zrc, zaak):
    case = zaak()  # parkeervergunning, vertrouwelijk
    low = zrc(client_id="laag", max="intern")
    assert client.get(detail(case), **low).status_code == 404
    assert client.get(LIST, **low).json()["count"] == 0
    other_type = zrc(client_id="ander-type", zaaktype="verhuizing")
    assert client.get(detail(case), **other_type).status_code == 404
    own_type = zrc(client_id="eigen-type", zaaktype="parkeervergunning")
    assert client.get(detail(case), **own_type).status_code == 200


@pytest.mark.parametrize("method,url", [("get", LIST), ("get", "detail"), ("post", f"{LIST}/_zoek")])
def test_zrc_006_no_zaken_scope_is_403(client, zrc, zaak, method, url):
    case = zaak()
    headers = zrc(scopes=("zaken.aanmaken",))
    url = detail(case) if url == "detail" else url
    response = getattr(client, method)(url, data={} if method == "post" else None,
                                       content_type="application/json", **headers)
    assert response.status_code == 403


def test_accept_crs_missing_is_412_and_wrong_is_406(client, zrc, zaak):
    case = zaak()
    headers = zrc()
    without = {k: v for k, v in headers.items() if k != "HTTP_ACCEPT_CRS"}
    response = client.get(detail(case), **without)
    assert response.status_code == 412 and response.json()["code"] == "precondition_failed"
    assert client.get(LIST, **{**headers, "HTTP_ACCEPT_CRS": "EPSG:28992"}).status_code == 406
    no_content_crs = {k: v for k, v in headers.items() if k != "HTTP_CONTENT_CRS"}
    assert client.post(f"{LIST}/_zoek", {}, content_type="application/json", **no_content_crs).status_code == 412


def test_filters(client, zrc, zaak):
    headers = zrc()
    first, second = zaak(), zaak()
    Status.objects.filter(zaak=second)  # both open
    def ids(**params):
        response = client.get(LIST, params, **headers)
        assert response.status_code == 200, response.json()
        return {r["identificatie"] for r in response.json()["results"]}
    both = {first.identificatie, second.identificatie}
    assert ids(identificatie=first.identificatie) == {first.identificatie}
    assert ids(bronorganisatie=first.gemeente.rsin) == both
    assert ids(bronorganisatie="123456782") == set()
    zaaktype = client.get(detail(first), **headers).json()["zaaktype"]
    assert ids(zaaktype=zaaktype) == both
    assert ids(zaaktype=zaaktype.replace(zaaktype[-12:], "0" * 12)) == set()
    assert ids(archiefstatus="nog_te_archiveren") == both and ids(archiefstatus="gearchiveerd") == set()
    assert ids(archiefnominatie="vernietigen") == set()
    assert ids(einddatum__isnull="true") == both
    assert ids(maximaleVertrouwelijkheidaanduiding="openbaar") == set()
    today = first.registratiedatum.date().isoformat()
    assert ids(registratiedatum=today) == both and ids(registratiedatum__lt=today) == set()
    assert ids(startdatum__gte=first.startdatum.isoformat()) == both
    assert ids(ordering="-startdatum") == both
    bad = client.get(LIST, {"archiefstatus": "kwijt"}, **headers)
    assert bad.status_code == 400 and bad.json()["invalidParams"][0]["name"] == "archiefstatus"


def test_zoek(client, zrc, zaak):
    headers = zrc()
    first, second = zaak(), zaak()
    response = client.post(f"{LIST}/_zoek", {"uuid__in": [str(first.uuid)]}, content_type="application/json",
                           **headers)
    assert response.status_code == 200, response.json()
    assert [r["uuid"] for r in response.json()["results"]] == [str(first.uuid)]
    zaaktype = response.json()["results"][0]["zaaktype"]
    response = client.post(f"{LIST}/_zoek", {"zaaktype__in": [zaaktype]}, content_type="application/json", **headers)
    assert response.json()["count"] == 2
    # Newest first.
    assert [r["uuid"] for r in response.json()["results"]] == [str(second.uuid), str(first.uuid)]


def test_count_is_capped(client, zrc, zaak, monkeypatch):
    headers = zrc()
    for _ in range(3):
        zaak()
    monkeypatch.setattr(base.CappedPaginator, "cap", 2)
    monkeypatch.setattr(base.ZaakPagination, "page_size", 1)
    body = client.get(LIST, **headers).json()
    assert body["count"] == 2 and body["next"].endswith("page=2")
    assert client.get(LIST, {"page": 3}, **headers).status_code == 404  # pages stop at the cap


def _queries(client, headers, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_is_the_same_for_1_and_50_zaken(client, zrc, zaak):
    headers = zrc()
    zaak()
    _queries(client, headers, LIST)  # warm the process caches
    one = _queries(client, headers, LIST)
    for _ in range(49):
        zaak()
    assert _queries(client, headers, LIST) == one
    assert one <= 8
