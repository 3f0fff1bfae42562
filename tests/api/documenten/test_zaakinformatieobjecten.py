"""Zaken API: zaakinformatieobjecten (read), and the batch for the expand of a zaak's zaakinformatieobjecten."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import ZaakFactory
from zaken.api.zaken.zio import zaakinformatieobjecten_voor_zaken
from zaken.models import Zaak

from ..conftest import auth

pytestmark = pytest.mark.django_db
BASE = "/api/zaken/v1/zaakinformatieobjecten"
DOCS = "http://testserver/api/documenten/v1/enkelvoudiginformatieobjecten"


def zaak_url(zaak) -> str:
    return f"http://testserver/api/zaken/v1/zaken/{zaak.uuid}"


@pytest.fixture
def lezer(client_met):
    return client_met("zrc", "zaken.lezen")


def test_detail_has_the_spec_fields(client, lezer, zaak_met_document):
    doc = zaak_met_document()
    response = client.get(f"{BASE}/{doc.uuid}", **auth("zac"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body == {
        "url": f"http://testserver{BASE}/{doc.uuid}", "uuid": str(doc.uuid),
        "informatieobject": f"{DOCS}/{doc.uuid}", "zaak": f"http://testserver/api/zaken/v1/zaken/{doc.zaak.uuid}",
        "aardRelatieWeergave": "Hoort bij, omgekeerd: kent", "titel": doc.titel, "beschrijving": "brief",
        "registratiedatum": body["registratiedatum"], "vernietigingsdatum": None, "status": None}
    assert body["registratiedatum"].startswith(doc.creatiedatum.date().isoformat()[:4])


def test_zrc_004_aard_relatie_is_hoort_bij_and_registratiedatum_set_by_the_system(client, lezer,
                                                                                  zaak_met_document):
    doc = zaak_met_document()
    body = client.get(f"{BASE}/{doc.uuid}", **auth("zac")).json()
    assert body["aardRelatieWeergave"] == "Hoort bij, omgekeerd: kent"
    assert body["registratiedatum"] is not None
    # the relation cannot be changed over the API at all (our processes store the documents)
    response = client.patch(f"{BASE}/{doc.uuid}", {"zaak": body["zaak"]}, content_type="application/json",
                            **auth("zac"))
    assert response.status_code == 405


def test_list_is_an_array_filtered_by_zaak_and_informatieobject(client, lezer, zaak_met_document):
    a = zaak_met_document()
    b = zaak_met_document(zaak=a.zaak, titel="Besluit")
    c = zaak_met_document()
    zaak = zaak_url(a.zaak)
    assert [r["uuid"] for r in client.get(BASE, {"zaak": zaak}, **auth("zac")).json()] == [str(a.uuid), str(b.uuid)]
    found = client.get(BASE, {"informatieobject": f"{DOCS}/{c.uuid}"}, **auth("zac")).json()
    assert [r["uuid"] for r in found] == [str(c.uuid)]
    assert client.get(BASE, {"zaak": f"{DOCS}/{c.uuid}"}, **auth("zac")).json() == []  # not a zaak URL
    wrong = client.get(BASE, {"zaak": "geen-url"}, **auth("zac"))
    assert wrong.status_code == 400 and wrong.json()["invalidParams"][0]["name"] == "zaak"


def test_an_unfiltered_list_is_a_400(client, lezer, zaak_met_document):
    """Our deviation: the spec's array has no pages, so unfiltered it would hold every document of the
    municipality (docs/zgw.md)."""
    zaak_met_document()
    for params in ({}, {"titel": "x"}):
        response = client.get(BASE, params, **auth("zac"))
        assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
        [param] = response.json()["invalidParams"]
        assert param["name"] == "nonFieldErrors" and param["code"] == "filter-verplicht"
        assert "zaak, informatieobject" in param["reason"]


def test_only_cases_the_client_may_read(client, client_met, zaak_met_document):
    doc = zaak_met_document()
    andere = ZaakFactory(gemeente=doc.zaak.gemeente, zaaktype__process_slug="test-ander",
                         zaaktype__identificatie="TEST-ANDER")
    client_met("zrc", "zaken.lezen", zaaktype=andere.zaaktype)
    assert client.get(BASE, {"zaak": zaak_url(doc.zaak)}, **auth("zac")).json() == []
    assert client.get(BASE, {"informatieobject": f"{DOCS}/{doc.uuid}"}, **auth("zac")).json() == []
    assert client.get(f"{BASE}/{doc.uuid}", **auth("zac")).status_code == 404


def test_a_case_above_the_maximum_vertrouwelijkheid_is_hidden(client, client_met, zaak_met_document):
    doc = zaak_met_document()
    Zaak.objects.filter(pk=doc.zaak_id).update(vertrouwelijkheidaanduiding="geheim")
    client_met("zrc", "zaken.lezen", max_vertrouwelijkheid="vertrouwelijk")
    assert client.get(BASE, {"zaak": zaak_url(doc.zaak)}, **auth("zac")).json() == []
    assert client.get(f"{BASE}/{doc.uuid}", **auth("zac")).status_code == 404


def test_another_municipalitys_relation_is_a_404_and_never_listed(client, lezer, zaak_met_document):
    eigen, ander = zaak_met_document(), zaak_met_document(gemeente="rotterdam")
    assert client.get(f"{BASE}/{ander.uuid}", **auth("zac")).status_code == 404
    assert [r["uuid"] for r in client.get(BASE, {"zaak": zaak_url(eigen.zaak)}, **auth("zac")).json()] == [
        str(eigen.uuid)]
    assert client.get(BASE, {"zaak": zaak_url(ander.zaak)}, **auth("zac")).json() == []
    assert client.get(BASE, {"informatieobject": f"{DOCS}/{ander.uuid}"}, **auth("zac")).json() == []


@pytest.mark.parametrize(("component", "scopes", "expected"), [
    ("zrc", ("zaken.lezen",), 200),
    ("zrc", ("zaken.aanmaken", "zaken.bijwerken"), 403),
    ("drc", ("documenten.lezen",), 403),
])
def test_scope_matrix(client, client_met, zaak_met_document, component, scopes, expected):
    doc = zaak_met_document()
    client_met(component, *scopes)
    for url in (f"{BASE}?zaak={zaak_url(doc.zaak)}", f"{BASE}/{doc.uuid}"):
        assert client.get(url, **auth("zac")).status_code == expected, url


def test_writes_answer_405(client, lezer, zaak_met_document):
    doc = zaak_met_document()
    assert client.post(BASE, {}, content_type="application/json", **auth("zac")).status_code == 405
    assert client.delete(f"{BASE}/{doc.uuid}", **auth("zac")).status_code == 405


def _list_queries(client, zaak) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(BASE, {"zaak": zaak_url(zaak)}, **auth("zac")).status_code == 200
    return len(queries)


def test_list_query_count_is_constant(client, lezer, zaak_met_document):
    """A filtered list: the same queries for a case with 1 and with 50 documents (and others beside it)."""
    zaak = zaak_met_document().zaak
    _list_queries(client, zaak)
    one = _list_queries(client, zaak)
    for n in range(49):
        zaak_met_document(zaak=zaak)
        zaak_met_document()
    assert len(client.get(BASE, {"zaak": zaak_url(zaak)}, **auth("zac")).json()) == 50
    assert _list_queries(client, zaak) == one <= 4


def test_expand_batch_reads_every_cases_relations_in_one_query(lezer, zaak_met_document):
    a = zaak_met_document()
    b = zaak_met_document(zaak=a.zaak)
    leeg = ZaakFactory(gemeente=a.zaak.gemeente)
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        out = zaakinformatieobjecten_voor_zaken(request, [a.zaak, leeg])
    assert len(queries) == 1
    assert [r["uuid"] for r in out[a.zaak.pk]] == [str(a.uuid), str(b.uuid)] and out[leeg.pk] == []
    assert out[a.zaak.pk][0]["zaak"] == f"http://testserver/api/zaken/v1/zaken/{a.zaak.uuid}"
