"""axe-core on every portal page, in every demo theme: zero violations."""

import pytest
from django.http import HttpResponse

from tests.factories import ZaakFactory
from tests.wegwerp import SLUG as WEGWERP
from tests.wegwerp import wegwerp_product
from zaken.documents.receipt import receipt_create
from playwright.sync_api import expect

from .conftest import assert_accessible, screenshot
from .helpers import digid_login, eherkenning_login

pytestmark = pytest.mark.django_db(transaction=True)

THEMES = ["den-haag", "rotterdam", "hellevoetsluis"]
BSN = "999993653"


@pytest.mark.parametrize("gemeente", THEMES)
def test_public_pages(page, demo, gemeente):
    wegwerp_product()
    for path, label in [("/", "gemeente kiezen"), (f"/{gemeente}/", "catalogus"),
                        (f"/{gemeente}/inloggen/", "inlogkeuze"), (f"/{gemeente}/inloggen/digid/", "DigiD-mock"),
                        (f"/{gemeente}/inloggen/eherkenning/", "eHerkenning-mock"),
                        (f"/{gemeente}/aanvragen/{WEGWERP}/", "product niet beschikbaar"),
                        (f"/{gemeente}/onbekende-pagina/", "404"), ("/bestaat-niet/", "404 onbekende gemeente")]:
        page.goto(path)
        assert_accessible(page, f"{label} ({gemeente})")
    page.goto(f"/{gemeente}/")
    screenshot(page, f"catalogus-{gemeente}")


@pytest.mark.parametrize("gemeente", THEMES)
def test_forms_with_errors(page, demo, gemeente):
    page.goto(f"/{gemeente}/inloggen/digid/")
    page.get_by_role("button", name="Inloggen", exact=True).click()
    expect(page.get_by_text("Vul uw burgerservicenummer in.")).to_be_visible()
    assert_accessible(page, f"DigiD-mock with errors ({gemeente})")
    eherkenning_login(page, gemeente, "12345678", succeeds=False)
    expect(page.get_by_text("niet bekend bij de Kamer van Koophandel")).to_be_visible()
    assert_accessible(page, f"eHerkenning-mock with errors ({gemeente})")


@pytest.mark.parametrize("gemeente", THEMES)
def test_logged_in_pages(page, demo, gemeente):
    zaak = ZaakFactory(gemeente=demo[gemeente], initiator_bsn=BSN, statussen=["ontvangen", "in_behandeling"])
    receipt_create(zaak=zaak)
    digid_login(page, gemeente, BSN)
    for path, label in [(f"/{gemeente}/mijn-zaken/", "mijn zaken"),
                        (f"/{gemeente}/mijn-zaken/{zaak.identificatie}/", "zaak"),
                        (f"/{gemeente}/uitloggen/", "uitloggen"), (f"/{gemeente}/", "catalogus ingelogd")]:
        page.goto(path)
        assert_accessible(page, f"{label} ({gemeente})")
    page.goto(f"/{gemeente}/mijn-zaken/{zaak.identificatie}/")
    screenshot(page, f"zaak-{gemeente}")


def fake_start(request, *, gemeente_product, definition):
    return HttpResponse("form")


@pytest.mark.parametrize("gemeente", THEMES)
def test_level_too_low_page(page, demo, gemeente):
    from zaken.registry import ProcessDefinition, PublicStatus, processes

    definition = ProcessDefinition(
        slug=WEGWERP, zaaktype_identificatie="T", zaaktype_omschrijving="T",
        public_statuses=(PublicStatus("ontvangen", "Ontvangen", "."),), min_level_digid="hoog",
        start_view="tests.browser.test_accessibility.fake_start")
    wegwerp_product()
    processes.register(WEGWERP, definition)
    try:
        digid_login(page, gemeente, BSN, next_path=f"/{gemeente}/aanvragen/{WEGWERP}/")
        expect(page.get_by_text("hoger betrouwbaarheidsniveau")).to_be_visible()
        assert_accessible(page, f"niveau te laag ({gemeente})")
    finally:
        processes.unregister(WEGWERP)


def test_chooser_search_and_tracker_pages(page, demo, settings):
    page.goto("/")
    page.get_by_label("Zoek uw gemeente").fill("rotter")
    page.keyboard.press("Enter")  # a plain GET form: no script needed
    page.wait_for_url("**/?zoek=rotter")
    expect(page.get_by_role("link", name="Gemeente Rotterdam")).to_be_visible()
    assert_accessible(page, "gemeente zoeken")
    page.goto("/?zoek=atlantis")
    expect(page.get_by_role("status")).to_be_visible()
    assert_accessible(page, "gemeente zoeken zonder resultaat")
    settings.TRACKER_PAGE_SIZE = 2
    for _ in range(5):
        ZaakFactory(gemeente=demo["rotterdam"], initiator_bsn=BSN)
    digid_login(page, "rotterdam", BSN)
    page.goto("/rotterdam/mijn-zaken/?pagina=2")
    expect(page.get_by_role("link", name="Volgende pagina")).to_be_visible()
    assert_accessible(page, "mijn zaken pagina 2")
