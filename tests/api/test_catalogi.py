"""Catalogi API 1.3 (read): every endpoint's fields, its filters, and query counts that do not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaken.models import Gemeente, GemeenteProduct, ZaakType

from .conftest import auth

pytestmark = pytest.mark.django_db

BASE = "/api/catalogi/v1/"
# The required fields of each resource in the Catalogi API 1.3 (read from VNG-Realisatie/catalogi-api
# src/openapi.yaml; our own list, not a copy of the file).
REQUIRED = {
    "catalogussen": {"besluittypen", "contactpersoonBeheerNaam", "domein", "informatieobjecttypen", "rsin", "url",
                     "zaaktypen"},
    "zaaktypen": {"aanleiding", "beginGeldigheid", "besluittypen", "catalogus", "concept", "doel", "doorlooptijd",
                  "eigenschappen", "gerelateerdeZaaktypen", "handelingBehandelaar", "handelingInitiator",
                  "identificatie", "indicatieInternOfExtern", "informatieobjecttypen", "omschrijving", "onderwerp",
                  "opschortingEnAanhoudingMogelijk", "productenOfDiensten", "publicatieIndicatie", "referentieproces",
                  "resultaattypen", "roltypen", "statustypen", "url", "verantwoordelijke", "verlengingMogelijk",
                  "versiedatum", "vertrouwelijkheidaanduiding", "zaakobjecttypen"},
    "statustypen": {"catalogus", "isEindstatus", "omschrijving", "url", "volgnummer", "zaakobjecttype", "zaaktype",
                    "zaaktypeIdentificatie"},
    "roltypen": {"omschrijving", "omschrijvingGeneriek", "url", "zaaktype", "zaaktypeIdentificatie"},
    "resultaattypen": {"besluittypeOmschrijving", "informatieobjecttypeOmschrijving", "omschrijving",
                       "omschrijvingGeneriek", "resultaattypeomschrijving", "selectielijstklasse", "url",
                       "zaakobjecttypen", "zaaktype", "zaaktypeIdentificatie"},
    "informatieobjecttypen": {"beginGeldigheid", "besluittypen", "catalogus", "concept", "informatieobjectcategorie",
                              "omschrijving", "url", "vertrouwelijkheidaanduiding", "zaaktypen"},
    "besluittypen": {"beginGeldigheid", "catalogus", "concept", "informatieobjecttypen", "publicatieIndicatie",
                     "resultaattypen", "resultaattypenOmschrijving", "url", "vastgelegdIn", "zaaktypen"},
    "eigenschappen": {"catalogus", "definitie", "naam", "specificatie", "url", "zaaktype", "zaaktypeIdentificatie"},
}


def get(client, path, **params):
    response = client.get(BASE + path, params, **auth("zac"))
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def zac(applicatie):
    return applicatie("den-haag")


@pytest.mark.parametrize("path", sorted(REQUIRED))
def test_list_and_detail_carry_the_required_fields(client, zac, path):
    results = get(client, path)["results"]
    if path == "eigenschappen":
        assert results == []  # we keep no zaakeigenschappen yet (docs/zgw.md)
        return
    assert results
    for item in results:
        assert REQUIRED[path] <= set(item), REQUIRED[path] - set(item)
    detail = client.get(results[0]["url"], **auth("zac"))
    assert detail.status_code == 200 and detail.json() == results[0]


def test_catalogus_is_the_municipality(client, zac):
    [catalogus] = get(client, "catalogussen")["results"]
    assert catalogus["rsin"] == zac.gemeente.rsin
    assert catalogus["domein"] == f"G{zac.gemeente.gemeentecode}"
    assert len(catalogus["domein"]) <= 5
    zaaktypen = get(client, "zaaktypen")["results"]
    assert sorted(catalogus["zaaktypen"]) == sorted(z["url"] for z in zaaktypen)
    assert get(client, "catalogussen", rsin=zac.gemeente.rsin)["count"] == 1
    assert get(client, "catalogussen", rsin="123456782")["count"] == 0
    assert get(client, "catalogussen", domein__in=f"XX,G{zac.gemeente.gemeentecode}")["count"] == 1


def test_zaaktype_is_the_process_with_the_municipalitys_configuration(client, zac):
    gp = GemeenteProduct.objects.get(gemeente=zac.gemeente, product__slug="verhuizing")
    zaaktype = ZaakType.objects.get(process_slug="verhuizing")
    [zt] = get(client, "zaaktypen", identificatie=zaaktype.identificatie)["results"]
    assert zt["concept"] is False
    assert zt["doorlooptijd"] == f"P{zaaktype.doorlooptijd_dagen}D"
    assert zt["trefwoorden"] == ["verhuizing"]
    assert zt["onderwerp"] == gp.product.upl_naam
    assert zt["verantwoordelijke"] == zac.gemeente.naam
    assert len(zt["statustypen"]) == zaaktype.statustypen.count()
    statustypen = get(client, "statustypen", zaaktype=zt["url"])["results"]
    assert [s["url"] for s in statustypen] == zt["statustypen"]
    assert [s["volgnummer"] for s in statustypen] == sorted(s["volgnummer"] for s in statustypen)
    assert sum(s["isEindstatus"] for s in statustypen) >= 1


def test_a_product_the_municipality_does_not_offer_is_no_zaaktype(client, zac):
    before = get(client, "zaaktypen")["count"]
    GemeenteProduct.objects.filter(gemeente=zac.gemeente, product__slug="verhuizing").update(actief=False)
    after = get(client, "zaaktypen")
    assert after["count"] == before - 1
    assert "VERHUIZING" not in [z["identificatie"] for z in after["results"]]


def test_urls_are_stable(client, zac):
    first = [z["url"] for z in get(client, "zaaktypen")["results"]]
    assert first == [z["url"] for z in get(client, "zaaktypen")["results"]]


def test_zaaktypen_filters(client, zac):
    everything = get(client, "zaaktypen")
    catalogus = get(client, "catalogussen")["results"][0]["url"]
    assert get(client, "zaaktypen", catalogus=catalogus)["count"] == everything["count"]
    assert get(client, "zaaktypen", catalogus="https://elders.example/catalogussen/x")["count"] == 0
    assert get(client, "zaaktypen", trefwoorden="verhuizing")["count"] == 1
    assert get(client, "zaaktypen", trefwoorden="verhuizing,onbekend")["count"] == 0
    assert get(client, "zaaktypen", status="alles")["count"] == everything["count"]
    assert get(client, "zaaktypen", status="definitief")["count"] == everything["count"]
    assert get(client, "zaaktypen", status="concept")["count"] == 0
    assert get(client, "zaaktypen", datumGeldigheid="2026-06-01")["count"] == everything["count"]
    assert get(client, "zaaktypen", datumGeldigheid="2020-01-01")["count"] == 0


def test_zaaktype_part_filters(client, zac):
    zt = get(client, "zaaktypen", identificatie="VERHUIZING")["results"][0]
    for path, key in [("statustypen", "zaaktypeIdentificatie"), ("roltypen", "zaaktypeIdentificatie"),
                      ("resultaattypen", "zaaktype_identificatie"), ("eigenschappen", "zaaktypeIdentificatie")]:
        by_url = get(client, path, zaaktype=zt["url"])["results"]
        assert by_url == get(client, path, **{key: "VERHUIZING"})["results"], path
        assert all(item["zaaktype"] == zt["url"] for item in by_url)
    initiators = get(client, "roltypen", zaaktype=zt["url"], omschrijvingGeneriek="initiator")["results"]
    assert initiators and all(r["omschrijvingGeneriek"] == "initiator" for r in initiators)
    assert get(client, "resultaattypen", zaaktype=zt["url"], datum_geldigheid="2020-01-01")["count"] == 0


def test_informatieobjecttypen_and_besluittypen_filters(client, zac):
    catalogus = get(client, "catalogussen")["results"][0]["url"]
    iots = get(client, "informatieobjecttypen", catalogus=catalogus)["results"]
    assert iots
    assert get(client, "informatieobjecttypen", omschrijving=iots[0]["omschrijving"])["count"] == 1
    zt = get(client, "zaaktypen", identificatie="VERHUIZING")["results"][0]
    besluittypen = get(client, "besluittypen", zaaktypen=zt["url"])["results"]
    assert [b["url"] for b in besluittypen] == zt["besluittypen"]
    assert besluittypen and all(zt["url"] in b["zaaktypen"] for b in besluittypen)
    assert get(client, "besluittypen", omschrijving=besluittypen[0]["omschrijving"])["count"] == 1
    assert get(client, "besluittypen", status="concept")["count"] == 0


@pytest.mark.parametrize("path", sorted(REQUIRED))
def test_list_queries_do_not_grow_with_the_catalogue(client, applicatie, path):
    small = Gemeente.objects.create(naam="Klein", slug="klein", gemeentecode="0999", rsin="002220647")
    GemeenteProduct.objects.create(gemeente=small, product=ZaakType.objects.get(process_slug="verhuizing").product)
    applicatie("den-haag", "zac")
    applicatie(small, "klein")
    client.get(BASE + path, **auth("klein"))  # the first request of a run reads the municipalities
    counts = {}
    for client_id in ("klein", "zac"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(BASE + path, **auth(client_id))
        assert response.status_code == 200
        counts[client_id] = len(queries)
    assert get(client, "zaaktypen")["count"] > 1
    assert counts["klein"] == counts["zac"] <= 5, counts
