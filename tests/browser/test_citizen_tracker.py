"""A citizen logs in with the DigiD mock, follows a case in the tracker and downloads the receipt."""

import pytest

from tests.factories import ZaakFactory
from zaken.documents.receipt import receipt_create
from playwright.sync_api import expect

from .conftest import assert_accessible, screenshot
from .helpers import digid_login

pytestmark = pytest.mark.django_db(transaction=True)

BSN = "999993653"


def test_login_follow_case_and_download_receipt(page, demo, tmp_path):
    zaak = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn=BSN, statussen=["ontvangen", "in_behandeling"],
                       gegevens={"Nieuw adres": "Boterdiep 31, 3077AW Rotterdam"})
    receipt_create(zaak=zaak)

    page.goto("/den-haag/mijn-zaken/")
    assert "/den-haag/inloggen/" in page.url  # not logged in yet: login first, then back here
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_label("Burgerservicenummer").fill("123456789")
    page.get_by_label("DigiD Midden").check()
    page.get_by_role("button", name="Inloggen", exact=True).click()
    expect(page.get_by_text("geen geldig burgerservicenummer")).to_be_visible()
    assert_accessible(page, "DigiD mock with an error")

    page.get_by_label("Burgerservicenummer").fill(BSN)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url("**/den-haag/mijn-zaken/")
    expect(page.get_by_text("Ingelogd als Suzanne Moulin")).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    row = page.get_by_role("row", name=zaak.identificatie)
    assert "In behandeling" in row.inner_text()
    screenshot(page, "tracker-list-den-haag")

    page.get_by_role("link", name=zaak.identificatie).click()
    expect(page.get_by_role("heading", name="Wat gebeurt er nu?")).to_be_visible()
    expect(page.get_by_text("Statustekst In behandeling")).to_be_visible()
    assert_accessible(page, "tracker detail")
    screenshot(page, "tracker-detail-den-haag")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Ontvangstbevestiging {zaak.identificatie}").click()
    path = tmp_path / "ontvangst.pdf"
    download_info.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")

    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_text("U bent uitgelogd")).to_be_visible()
    page.goto(f"/den-haag/mijn-zaken/{zaak.identificatie}/")
    assert "/den-haag/inloggen/" in page.url


def test_other_citizen_gets_not_found_page(page, demo):
    zaak = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn=BSN)
    digid_login(page, "den-haag", "999990019")
    response = page.goto(f"/den-haag/mijn-zaken/{zaak.identificatie}/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Pagina niet gevonden")).to_be_visible()
