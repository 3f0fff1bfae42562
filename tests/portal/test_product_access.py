"""The level check in front of every e-form, with a throw-away process registered for the test."""

import pytest
from django.http import HttpResponse

from zaken.registry import ProcessDefinition, PublicStatus, processes

pytestmark = pytest.mark.django_db


def fake_start(request, *, gemeente_product, definition):
    return HttpResponse(f"formulier {definition.slug} {gemeente_product.gemeente.slug}")


@pytest.fixture
def parkeer_process():
    definition = ProcessDefinition(
        slug="parkeervergunning", zaaktype_identificatie="TEST-PARKEER", zaaktype_omschrijving="Test",
        public_statuses=(PublicStatus("ontvangen", "Ontvangen", "..."),), min_level_digid="substantieel",
        min_level_eherkenning="EH3", start_view="tests.portal.test_product_access.fake_start")
    processes.register(definition.slug, definition)
    yield definition
    processes.unregister(definition.slug)


def test_anonymous_goes_to_login(client, demo, parkeer_process):
    response = client.get("/rotterdam/aanvragen/parkeervergunning/")
    assert response.status_code == 302
    assert response["Location"].startswith("/rotterdam/inloggen/?next=%2Frotterdam%2Faanvragen")


def test_level_too_low_explains_and_offers_new_login(client, demo, parkeer_process, digid_login):
    digid_login("999993653", level="midden")
    response = client.get("/rotterdam/aanvragen/parkeervergunning/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "hoger betrouwbaarheidsniveau" in html and "DigiD Substantieel" in html
    assert "opnieuw inloggen" in html.lower()


def test_enough_level_reaches_the_form(client, demo, parkeer_process, digid_login):
    digid_login("999993653", level="substantieel")
    response = client.get("/rotterdam/aanvragen/parkeervergunning/")
    assert response.content.decode() == "formulier parkeervergunning rotterdam"


def test_municipality_overrides_the_level(client, demo, parkeer_process, digid_login):
    gp = demo["rotterdam"].producten.get(product__slug="parkeervergunning")
    gp.min_level_digid = "midden"
    gp.save()
    digid_login("999993653", level="midden")
    assert client.get("/rotterdam/aanvragen/parkeervergunning/").status_code == 200


def test_wrong_means_is_explained(client, demo, parkeer_process, eherkenning_login):
    gp = demo["rotterdam"].producten.get(product__slug="parkeervergunning")
    gp.min_level_eherkenning = ""
    gp.save()
    parkeer = ProcessDefinition(**{**parkeer_process.__dict__, "min_level_eherkenning": ""})
    processes.unregister("parkeervergunning")
    processes.register("parkeervergunning", parkeer)
    eherkenning_login("69599084")
    response = client.get("/rotterdam/aanvragen/parkeervergunning/")
    assert response.status_code == 403
    assert "niet met dit inlogmiddel" in response.content.decode()


def test_relogin_returns_to_the_product(client, demo, parkeer_process, digid_login):
    digid_login("999993653", level="midden")
    response = client.post("/rotterdam/uitloggen/", {"next": "/rotterdam/aanvragen/parkeervergunning/"})
    assert response["Location"] == "/rotterdam/inloggen/?next=%2Frotterdam%2Faanvragen%2Fparkeervergunning%2F"
    again = client.post("/rotterdam/inloggen/digid/", {"bsn": "999993653", "level": "substantieel",
                                                       "next": "/rotterdam/aanvragen/parkeervergunning/"})
    assert client.get(again["Location"]).content.decode() == "formulier parkeervergunning rotterdam"
