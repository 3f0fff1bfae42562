"""Documenten API 1.5 (read): enkelvoudiginformatieobjecten list, detail and download."""

import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ZaakFactory
from zaken.api.common.vertrouwelijkheid import VertrouwelijkheidAanduiding
from zaken.models import AuditLog, Document

from ..conftest import auth
from ..http_caching import assert_etag_and_304
from .conftest import PDF

pytestmark = pytest.mark.django_db
BASE = "/api/documenten/v1/enkelvoudiginformatieobjecten"


@pytest.fixture
def lezer(client_met):
    return client_met("drc", "documenten.lezen")


def test_detail_has_the_spec_fields(client, lezer, zaak_met_document):
    doc = zaak_met_document()
    response = client.get(f"{BASE}/{doc.uuid}", **auth("zac"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["url"] == f"http://testserver{BASE}/{doc.uuid}"
    assert body["identificatie"] == str(doc.uuid) and body["bronorganisatie"] == doc.zaak.bronorganisatie
    assert body["inhoud"] == f"http://testserver{BASE}/{doc.uuid}/download"
    assert body["titel"] == "Ontvangstbevestiging" and body["taal"] == "dut" and body["versie"] == 1
    assert body["status"] == "definitief" and body["locked"] is False and body["bestandsdelen"] == []
    assert body["formaat"] == "application/pdf" and body["bestandsnaam"] == "brief.pdf"
    assert body["bestandsomvang"] == len(PDF) and body["auteur"] == doc.zaak.gemeente.naam
    assert body["integriteit"] == {"algoritme": "sha_256", "waarde": hashlib.sha256(PDF).hexdigest(),
                                   "datum": body["creatiedatum"]}
    assert body["indicatieGebruiksrecht"] is False and body["ontvangstdatum"] is None
    assert body["verzenddatum"] == body["creatiedatum"]
    assert response["API-version"] == "1.5.0"
    for field in ("auteur", "beginRegistratie", "bestandsdelen", "bronorganisatie", "creatiedatum",
                  "informatieobjecttype", "locked", "taal", "titel", "url", "versie"):  # the spec's required
        assert field in body


def test_an_applicants_attachment_is_received_with_unknown_usage_rights(client, lezer, zaak_met_document):
    doc = zaak_met_document(soort=Document.Soort.BIJLAGE, titel="Paspoort")
    body = client.get(f"{BASE}/{doc.uuid}", **auth("zac")).json()
    assert body["ontvangstdatum"] == body["creatiedatum"] and body["verzenddatum"] is None
    assert body["indicatieGebruiksrecht"] is None and body["auteur"] == "aanvrager"


def test_informatieobjecttype_is_the_catalogi_apis_resource(client, demo, lezer, zaak_met_document, client_met):
    doc = zaak_met_document()
    client_met("ztc", "catalogi.lezen")
    iot = client.get(f"{BASE}/{doc.uuid}", **auth("zac")).json()["informatieobjecttype"]
    catalogus = client.get(iot, **auth("zac"))
    assert catalogus.status_code == 200 and catalogus.json()["url"] == iot
    assert catalogus.json()["informatieobjectcategorie"] == Document.Soort.BRIEF


def test_drc_007_vertrouwelijkheidaanduiding_is_always_a_valid_value(client, lezer, zaak_met_document):
    docs = [zaak_met_document(), zaak_met_document(soort=Document.Soort.BIJLAGE)]
    Document.objects.filter(pk=docs[1].pk).update(vertrouwelijkheidaanduiding="geheim")
    results = client.get(BASE, **auth("zac")).json()["results"]
    assert {r["vertrouwelijkheidaanduiding"] for r in results} == {"vertrouwelijk", "geheim"}
    assert all(r["vertrouwelijkheidaanduiding"] in VertrouwelijkheidAanduiding.values for r in results)


def test_drc_007_a_document_above_the_clients_maximum_is_hidden(client, client_met, zaak_met_document):
    client_met("drc", "documenten.lezen", max_vertrouwelijkheid="vertrouwelijk")
    open_, geheim = zaak_met_document(), zaak_met_document()
    Document.objects.filter(pk=geheim.pk).update(vertrouwelijkheidaanduiding="geheim")
    assert [r["url"].rsplit("/", 1)[1] for r in client.get(BASE, **auth("zac")).json()["results"]] == [str(open_.uuid)]
    assert client.get(f"{BASE}/{geheim.uuid}", **auth("zac")).status_code == 404
    assert client.get(f"{BASE}/{geheim.uuid}/download", **auth("zac")).status_code == 404


def test_an_autorisatie_for_one_zaaktype_sees_only_its_documents(client, client_met, zaak_met_document):
    doc = zaak_met_document()
    andere = ZaakFactory(gemeente=doc.zaak.gemeente, zaaktype__process_slug="test-ander",
                         zaaktype__identificatie="TEST-ANDER")
    client_met("drc", "documenten.lezen", zaaktype=andere.zaaktype)
    assert client.get(BASE, **auth("zac")).json()["count"] == 0
    assert client.get(f"{BASE}/{doc.uuid}", **auth("zac")).status_code == 404


def test_filters_bronorganisatie_and_identificatie(client, lezer, zaak_met_document):
    a, b = zaak_met_document(), zaak_met_document()
    rsin = a.zaak.bronorganisatie
    assert client.get(BASE, {"bronorganisatie": rsin}, **auth("zac")).json()["count"] == 2
    assert client.get(BASE, {"bronorganisatie": "123456782"}, **auth("zac")).json()["count"] == 0
    found = client.get(BASE, {"identificatie": str(b.uuid)}, **auth("zac")).json()
    assert found["count"] == 1 and found["results"][0]["identificatie"] == str(b.uuid)
    assert client.get(BASE, {"identificatie": "DOC-1"}, **auth("zac")).json()["count"] == 0
    wrong = client.get(BASE, {"bronorganisatie": "abc"}, **auth("zac"))
    assert wrong.status_code == 400 and wrong.json()["invalidParams"][0]["name"] == "bronorganisatie"


def test_list_is_paginated_newest_first(client, lezer, zaak_met_document):
    first, second = zaak_met_document(), zaak_met_document()
    body = client.get(BASE, **auth("zac")).json()
    assert body["count"] == 2 and body["next"] is None and body["previous"] is None
    assert [r["identificatie"] for r in body["results"]] == [str(second.uuid), str(first.uuid)]


def test_download_streams_the_file_with_its_content_type_and_an_audit_line(client, lezer, zaak_met_document):
    doc = zaak_met_document()
    response = client.get(f"{BASE}/{doc.uuid}/download", **auth("zac"))
    assert response.status_code == 200 and response.streaming
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="brief.pdf"' in response["Content-Disposition"]
    line = AuditLog.objects.get(processing_activity__endswith="document downloaden (API)")
    assert line.actor_type == "applicatie" and line.operation == "read" and line.zaak_id == doc.zaak_id
    assert line.gemeente_id == doc.zaak.gemeente_id and "zac" in line.actor_label
    assert line.categories == ["document: brief"]


def test_download_when_the_client_asks_for_octet_stream(client, lezer, zaak_met_document):
    doc = zaak_met_document()
    response = client.get(f"{BASE}/{doc.uuid}/download", HTTP_ACCEPT="application/octet-stream", **auth("zac"))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_reads_are_in_the_audit_log_like_a_civil_servants(client, lezer, zaak_met_document):
    doc = zaak_met_document()
    client.get(f"{BASE}/{doc.uuid}", **auth("zac"))
    client.get(BASE, **auth("zac"))
    lines = AuditLog.objects.filter(actor_type="applicatie", name="document_inzien").order_by("pk")
    assert [line.processing_activity.rsplit(": ", 1)[1] for line in lines] == [
        "document inzien (API)", "documentenlijst (API)"]
    assert all(line.data_subject_hash and line.zaak_id == doc.zaak_id for line in lines)


def test_another_municipalitys_document_is_a_404_and_never_listed(client, lezer, zaak_met_document):
    eigen, ander = zaak_met_document(), zaak_met_document(gemeente="rotterdam")
    assert client.get(f"{BASE}/{ander.uuid}", **auth("zac")).status_code == 404
    response = client.get(f"{BASE}/{ander.uuid}/download", **auth("zac"))
    assert response.status_code == 404 and not response.streaming
    assert response["Content-Type"] == "application/problem+json"
    assert [r["identificatie"] for r in client.get(BASE, **auth("zac")).json()["results"]] == [str(eigen.uuid)]
    assert not AuditLog.objects.filter(zaak=ander.zaak, actor_type="applicatie").exists()


@pytest.mark.parametrize(("component", "scopes", "expected"), [
    ("drc", ("documenten.lezen",), 200),
    ("drc", ("documenten.aanmaken", "documenten.bijwerken"), 403),
    ("zrc", ("zaken.lezen",), 403),
    ("brc", ("besluiten.lezen",), 403),
])
def test_scope_matrix(client, client_met, zaak_met_document, component, scopes, expected):
    doc = zaak_met_document()
    client_met(component, *scopes)
    for url in (BASE, f"{BASE}/{doc.uuid}", f"{BASE}/{doc.uuid}/download"):
        assert client.get(url, **auth("zac")).status_code == expected, url


def test_writes_are_not_allowed(client, lezer, zaak_met_document):
    doc = zaak_met_document()
    assert client.post(BASE, {}, content_type="application/json", **auth("zac")).status_code == 405
    for method in (client.put, client.patch, client.delete):
        response = method(f"{BASE}/{doc.uuid}", {}, content_type="application/json", **auth("zac"))
        assert response.status_code == 405 and response.json()["code"] == "method_not_allowed"


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(BASE, **auth("zac")).status_code == 200
    return len(queries)


def test_list_query_count_is_constant(client, lezer, zaak_met_document):
    zaak = zaak_met_document().zaak
    _list_queries(client)  # warm: the first request of a test loads what is cached per process
    one = _list_queries(client)
    for n in range(49):
        zaak_met_document(zaak=zaak if n % 2 else None)
    assert _list_queries(client) == one <= 6


def test_versie_and_registratie_op(client, lezer, zaak_met_document):
    doc = zaak_met_document()
    url = f"{BASE}/{doc.uuid}"
    assert client.get(url, {"versie": 1}, **auth("zac")).status_code == 200
    assert client.get(url, {"versie": 2}, **auth("zac")).status_code == 404
    assert client.get(f"{url}/download", {"versie": 2}, **auth("zac")).status_code == 404
    assert client.get(url, {"registratieOp": "2000-01-01T00:00:00Z"}, **auth("zac")).status_code == 404
    assert client.get(url, {"registratieOp": "2999-01-01T00:00:00Z"}, **auth("zac")).status_code == 200
    assert client.get(url, {"versie": "een"}, **auth("zac")).status_code == 404


def test_trefwoorden_match_nothing(client, lezer, zaak_met_document):
    zaak_met_document()
    assert client.get(BASE, {"trefwoorden": "brief"}, **auth("zac")).json()["count"] == 0


def test_head_answers_without_a_body(client, lezer, zaak_met_document):
    doc = zaak_met_document()
    response = client.head(f"{BASE}/{doc.uuid}", **auth("zac"))
    assert response.status_code == 200 and response.content == b""


def test_api_version_etag_and_304_on_a_detail_read(client, lezer, zaak_met_document):
    """ZGWResponseMixin: every answer names the version; a detail's ETag with If-None-Match is a 304. The
    streamed download carries no ETag (hashing would read the whole file)."""
    doc = zaak_met_document()
    url = f"{BASE}/{doc.uuid}"
    etag = assert_etag_and_304(client, url, "1.5.0")
    download = client.get(f"{url}/download", HTTP_IF_NONE_MATCH=etag, **auth("zac"))
    assert download.status_code == 200 and "ETag" not in download and download["API-version"] == "1.5.0"
    assert client.get(BASE, **auth("zac"))["API-version"] == "1.5.0"
    assert client.get(f"{BASE}/00000000-0000-4000-8000-000000000000", **auth("zac"))["API-version"] == "1.5.0"
