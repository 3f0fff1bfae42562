"""Besluiten API 1.0 (read): besluiten and besluitinformatieobjecten, over besluiten the generic besluit
service took."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ZaakFactory
from zaken.documents.besluit import besluit_nemen
from zaken.models import ZaakType
from zaken.termijn_engine import termijn_ontvangen

from ..conftest import auth
from ..http_caching import assert_etag_and_304
from ..documenten.conftest import ACTOR

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(date(2026, 11, 30))]
BASE = "/api/besluiten/v1/besluiten"
BIO = "/api/besluiten/v1/besluitinformatieobjecten"


@pytest.fixture
def lezer(client_met):
    return client_met("brc", "besluiten.lezen")


def test_detail_has_the_spec_fields(client, lezer, besluit_van):
    besluit = besluit_van()
    response = client.get(f"{BASE}/{besluit.uuid}", **auth("zac"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["url"] == f"http://testserver{BASE}/{besluit.uuid}"
    assert body["identificatie"] == besluit.identificatie == "BESLUIT-2026-0000001"
    assert body["verantwoordelijkeOrganisatie"] == besluit.zaak.gemeente.rsin
    assert body["zaak"] == f"http://testserver/api/zaken/v1/zaken/{besluit.zaak.uuid}"
    assert body["besluittype"].startswith("http://testserver/api/catalogi/v1/besluittypen/")
    assert body["datum"] == body["verzenddatum"] == "2026-11-30"
    assert body["ingangsdatum"] == "2026-12-01" and body["vervaldatum"] == "2027-11-30"
    assert body["vervalreden"] == "tijdelijk" and body["vervalredenWeergave"] == "Besluit met tijdelijke werking"
    assert body["toelichting"] == "U woont in zone A." and body["bestuursorgaan"]
    assert body["publicatiedatum"] is None
    # sent Monday 30 November 2026: six weeks from the next day end on Monday 11 January 2027
    assert body["uiterlijkeReactiedatum"] == "2027-01-11"
    assert response["API-version"] == "1.0.2"
    for field in ("besluittype", "datum", "ingangsdatum", "verantwoordelijkeOrganisatie"):  # the spec's required
        assert body[field]


def test_besluittype_is_the_catalogi_apis_resource(client, demo, client_met):
    client_met("brc", "besluiten.lezen")
    client_met("ztc", "catalogi.lezen")
    zaak = ZaakFactory(gemeente=demo["den-haag"], zaaktype=ZaakType.objects.get(process_slug="verhuizing"))
    termijn_ontvangen(zaak=zaak, actor=ACTOR)
    besluit_nemen(zaak=zaak, besluittype="Afwijzing verhuizing", motivering="m", grondslag="g", actor=ACTOR,
                  document=False)
    url = client.get(BASE, **auth("zac")).json()["results"][0]["besluittype"]
    besluittype = client.get(url, **auth("zac"))
    assert besluittype.status_code == 200 and besluittype.json()["url"] == url
    assert besluittype.json()["omschrijving"] == "Afwijzing verhuizing"


def test_filters(client, lezer, besluit_van):
    a = besluit_van()
    b = besluit_van(zaak=a.zaak, besluittype="Parkeervergunning geweigerd", vervaldatum=None)
    c = besluit_van()
    everything = client.get(BASE, **auth("zac")).json()
    assert everything["count"] == 3
    by_url = {r["identificatie"]: r for r in everything["results"]}

    def found(**params):
        return sorted(r["identificatie"] for r in client.get(BASE, params, **auth("zac")).json()["results"])

    assert found(identificatie=b.identificatie) == [b.identificatie]
    assert found(zaak=by_url[a.identificatie]["zaak"]) == sorted([a.identificatie, b.identificatie])
    assert found(besluittype=by_url[b.identificatie]["besluittype"]) == [b.identificatie]
    assert found(besluittype=by_url[a.identificatie]["besluittype"]) == sorted([a.identificatie, c.identificatie])
    assert found(verantwoordelijkeOrganisatie=a.zaak.gemeente.rsin) == sorted(by_url)
    assert found(verantwoordelijkeOrganisatie="123456782") == []
    assert found(zaak=f"http://testserver{BASE}/{a.uuid}") == []  # not a zaak URL
    with CaptureQueriesContext(connection) as queries:  # the names come from the processes, not from a scan
        found(besluittype=by_url[b.identificatie]["besluittype"])
    assert not any("DISTINCT" in q["sql"] for q in queries.captured_queries)
    wrong = client.get(BASE, {"besluittype": "geen-url"}, **auth("zac"))
    assert wrong.status_code == 400 and wrong.json()["invalidParams"][0]["name"] == "besluittype"
    assert client.get(f"{BASE}/{b.uuid}", **auth("zac")).json()["vervalreden"] == ""


def test_another_municipalitys_besluit_is_a_404_and_never_listed(client, lezer, besluit_van):
    eigen, ander = besluit_van(document=True), besluit_van(gemeente="rotterdam", document=True)
    assert client.get(f"{BASE}/{ander.uuid}", **auth("zac")).status_code == 404
    assert client.get(f"{BIO}/{ander.uuid}", **auth("zac")).status_code == 404
    assert [r["url"] for r in client.get(BASE, **auth("zac")).json()["results"]] == [
        f"http://testserver{BASE}/{eigen.uuid}"]
    assert [r["url"] for r in client.get(BIO, {"besluit": f"http://testserver{BASE}/{eigen.uuid}"},
                                         **auth("zac")).json()] == [f"http://testserver{BIO}/{eigen.uuid}"]
    assert client.get(BIO, {"besluit": f"http://testserver{BASE}/{ander.uuid}"}, **auth("zac")).json() == []
    document = f"http://testserver/api/documenten/v1/enkelvoudiginformatieobjecten/{ander.document.uuid}"
    assert client.get(BIO, {"informatieobject": document}, **auth("zac")).json() == []


def test_an_autorisatie_for_one_zaaktype_sees_only_its_besluiten(client, demo, client_met, besluit_van):
    besluit = besluit_van()
    andere = ZaakFactory(gemeente=demo["den-haag"], zaaktype__process_slug="test-ander",
                         zaaktype__identificatie="TEST-ANDER")
    client_met("brc", "besluiten.lezen", zaaktype=andere.zaaktype)
    assert client.get(BASE, **auth("zac")).json()["count"] == 0
    assert client.get(f"{BASE}/{besluit.uuid}", **auth("zac")).status_code == 404
    client_met("brc", "besluiten.lezen")  # a second autorisatie without a zaaktype opens them all
    assert client.get(BASE, **auth("zac")).json()["count"] == 1


@pytest.mark.parametrize(("component", "scopes", "expected"), [
    ("brc", ("besluiten.lezen",), 200),
    ("brc", ("besluiten.aanmaken", "besluiten.bijwerken"), 403),
    ("zrc", ("zaken.lezen",), 403),
    ("drc", ("documenten.lezen",), 403),
])
def test_scope_matrix(client, client_met, besluit_van, component, scopes, expected):
    besluit = besluit_van(document=True)
    client_met(component, *scopes)
    for url in (BASE, f"{BASE}/{besluit.uuid}", f"{BIO}?besluit=http://testserver{BASE}/{besluit.uuid}",
                f"{BIO}/{besluit.uuid}"):
        assert client.get(url, **auth("zac")).status_code == expected, url


def test_writes_other_than_create_answer_405(client, lezer, besluit_van):
    besluit = besluit_van()
    for method in (client.put, client.patch, client.delete):
        assert method(f"{BASE}/{besluit.uuid}", {}, content_type="application/json",
                      **auth("zac")).status_code == 405
    assert client.post(BIO, {}, content_type="application/json", **auth("zac")).status_code == 405


def test_besluitinformatieobject_links_the_besluit_to_its_letter(client, lezer, besluit_van):
    besluit = besluit_van(document=True)
    zonder = besluit_van()  # its letter is rendered later: no relation yet
    body = client.get(f"{BIO}/{besluit.uuid}", **auth("zac")).json()
    assert body == {"url": f"http://testserver{BIO}/{besluit.uuid}", "besluit": f"http://testserver{BASE}/{besluit.uuid}",
                    "informatieobject": "http://testserver/api/documenten/v1/enkelvoudiginformatieobjecten/"
                                        f"{besluit.document.uuid}"}
    assert client.get(f"{BIO}/{zonder.uuid}", **auth("zac")).status_code == 404
    assert client.get(BIO, {"besluit": body["besluit"]}, **auth("zac")).json() == [body]
    assert client.get(BIO, {"informatieobject": body["informatieobject"]}, **auth("zac")).json() == [body]
    assert client.get(BIO, {"besluit": f"http://testserver{BASE}/{zonder.uuid}"}, **auth("zac")).json() == []


def test_brc_004_aard_relatie_is_legt_vast(client, lezer, client_met, besluit_van):
    """The only besluitinformatieobject of a besluit is the document that records it: its besluit letter."""
    besluit = besluit_van(document=True)
    client_met("drc", "documenten.lezen")
    relations = client.get(BIO, {"besluit": f"http://testserver{BASE}/{besluit.uuid}"}, **auth("zac")).json()
    assert len(relations) == 1
    document = client.get(relations[0]["informatieobject"], **auth("zac")).json()
    assert document["beschrijving"] == "besluit" and besluit.identificatie in document["titel"]


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}, **auth("zac")).status_code == 200
    return len(queries)


def test_an_unfiltered_besluitinformatieobjecten_list_is_a_400(client, lezer, besluit_van):
    """Our deviation: the spec's array has no pages, so unfiltered it would hold every besluit letter of the
    municipality (docs/zgw.md)."""
    besluit_van(document=True)
    response = client.get(BIO, **auth("zac"))
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    [param] = response.json()["invalidParams"]
    assert param["name"] == "nonFieldErrors" and param["code"] == "filter-verplicht"
    assert "besluit, informatieobject" in param["reason"]


def test_list_query_counts_are_constant(client, lezer, besluit_van):
    eerste = besluit_van(document=True)
    brief = {"informatieobject": f"http://testserver/api/documenten/v1/enkelvoudiginformatieobjecten/"
                                 f"{eerste.document.uuid}"}
    _queries(client, BASE)
    one, one_bio = _queries(client, BASE), _queries(client, BIO, brief)
    for n in range(49):
        besluit_van(zaak=eerste.zaak if n % 2 else None, document=n < 3)
    assert client.get(BASE, **auth("zac")).json()["count"] == 50
    assert _queries(client, BASE) == one <= 6
    assert _queries(client, BIO, brief) == one_bio <= 4


@pytest.mark.parametrize("base", [BASE, BIO])
def test_api_version_etag_and_304_on_a_detail_read(client, lezer, besluit_van, base):
    besluit = besluit_van(document=True)
    assert_etag_and_304(client, f"{base}/{besluit.uuid}", "1.0.2")
    assert client.get(BASE, **auth("zac"))["API-version"] == "1.0.2"
    assert client.get(f"{base}/00000000-0000-4000-8000-000000000000", **auth("zac"))["API-version"] == "1.0.2"
