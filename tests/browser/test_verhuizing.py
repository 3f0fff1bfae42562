"""Journeys of a move: the automatic path end to end, and the manual path with a request for information."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import assert_accessible, screenshot
from .helpers import backoffice_login, digid_login

pytestmark = pytest.mark.django_db(transaction=True)

SUZANNE = "999993653"  # Rotterdam


def fill_move(page, *, postcode, huisnummer, days=10):
    page.get_by_label("Postcode").fill(postcode)
    page.get_by_label("Huisnummer", exact=True).fill(str(huisnummer))
    page.get_by_label("Huisletter (optioneel)").click()  # leaving the field runs the BAG lookup
    page.get_by_label("Verhuisdatum").fill((timezone.localdate() + timedelta(days=days)).isoformat())
    page.get_by_label("E-mailadres").fill("suzanne@example.nl")
    page.get_by_label("Ik verklaar dat ik dit formulier naar waarheid heb ingevuld.").check()


def test_automatic_move_end_to_end(page, demo, tmp_path):
    page.goto("/rotterdam/")
    page.get_by_role("link", name="Verhuismelding").click()
    assert "/rotterdam/inloggen/" in page.url
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_label("Burgerservicenummer").fill(SUZANNE)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url("**/rotterdam/aanvragen/verhuizing/")
    expect(page.get_by_text("Suzanne Moulin").first).to_be_visible()  # prefilled from the BRP
    assert_accessible(page, "verhuisformulier")

    page.get_by_role("button", name="Naar controleren").click()  # nothing filled in
    expect(page.get_by_text("Vul de postcode van uw nieuwe adres in.")).to_be_visible()
    assert_accessible(page, "verhuisformulier met fouten")

    fill_move(page, postcode="3035 AW", huisnummer=60)
    page.get_by_text("Gevonden:").wait_for()  # street and place shown back from the BAG
    screenshot(page, "verhuizing-formulier")
    page.get_by_role("button", name="Naar controleren").click()
    page.wait_for_url("**/controleren/")
    assert page.get_by_text("3035AW").first.is_visible() or page.get_by_text("3035 AW").first.is_visible()
    assert_accessible(page, "controleren")
    screenshot(page, "verhuizing-controleren")
    page.get_by_role("button", name="Verhuizing versturen").click()
    page.wait_for_url("**/verzonden/")
    assert_accessible(page, "verzonden")
    page.get_by_role("link", name="Bekijk uw zaak op Mijn zaken").click()
    expect(page.get_by_text("Ingepland op verhuisdatum").first).to_be_visible()
    screenshot(page, "verhuizing-tracker")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ontvangstbevestiging").click()
    path = tmp_path / "ontvangst.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")


def test_manual_move_with_request_for_information(page, demo):
    call_command("backoffice_rechten", verbosity=0)
    digid_login(page, "rotterdam", SUZANNE, next_path="/rotterdam/aanvragen/verhuizing/")
    fill_move(page, postcode="3034 CJ", huisnummer=50)  # an office: a civil servant must look
    page.get_by_role("button", name="Naar controleren").click()
    page.get_by_role("button", name="Verhuizing versturen").click()
    page.get_by_role("link", name="Bekijk uw zaak op Mijn zaken").click()
    expect(page.get_by_text("In behandeling").first).to_be_visible()
    identificatie = page.url.rstrip("/").rsplit("/", 1)[-1]
    page.get_by_role("button", name="Uitloggen").click()

    backoffice_login(page, "behandelaar-rotterdam")
    page.goto("/behandelen/taken/queue/")
    page.get_by_role("row", name=re.compile(identificatie)).get_by_role("link", name=re.compile(r"^#[0-9]+.[0-9]+$")).click()
    page.wait_for_url("**/assign/")
    page.get_by_role("button", name="Oppakken en doorgaan").click()
    page.wait_for_url("**/execute/")
    page.get_by_label("Aanvullende gegevens vragen").check()
    page.get_by_label("Vraag aan de aanvrager").fill("Stuur een kopie van uw huurcontract.")
    screenshot(page, "behandelen-beoordelen")
    page.get_by_role("button", name="Uitvoeren", exact=True).click()
    page.wait_for_url(lambda url: "/execute/" not in url)
    page.context.clear_cookies()  # another person at another computer

    digid_login(page, "rotterdam", SUZANNE)
    page.goto(f"/rotterdam/mijn-zaken/{identificatie}/")
    expect(page.get_by_text("Stuur een kopie van uw huurcontract.").first).to_be_visible()
    assert_accessible(page, "zaak met vraag")
    screenshot(page, "verhuizing-vraag")
    page.get_by_label("Uw antwoord").fill("Het contract zit in de bijlage.")
    page.get_by_label("Bestanden meesturen (optioneel)").set_input_files(
        files=[{"name": "huurcontract.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7 contract"}])
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Uw antwoord is verstuurd")).to_be_visible()
    expect(page.get_by_text("Huidige status")).to_be_visible()

    # Back at the civil servant: the case returned to Beoordelen; approve it.
    page.context.clear_cookies()
    backoffice_login(page, "behandelaar-rotterdam")
    page.goto("/behandelen/taken/queue/")
    page.get_by_role("row", name=re.compile(identificatie)).get_by_role("link", name=re.compile(r"^#[0-9]+.[0-9]+$")).click()
    page.get_by_role("button", name="Oppakken en doorgaan").click()
    page.wait_for_url("**/execute/")
    page.get_by_label("Goedkeuren: verwerken op de verhuisdatum").check()
    page.get_by_role("button", name="Uitvoeren", exact=True).click()
    page.wait_for_url(lambda url: "/execute/" not in url)
    page.goto("/behandelen/zaken/")
    page.get_by_role("link", name=identificatie).click()
    expect(page.get_by_text("Ingepland op verhuisdatum").first).to_be_visible()
    screenshot(page, "behandelen-dossier")


@pytest.mark.parametrize("gemeente", ["den-haag", "rotterdam", "hellevoetsluis"])
def test_move_pages_are_accessible_in_every_theme(page, demo, gemeente):
    digid_login(page, gemeente, SUZANNE, next_path=f"/{gemeente}/aanvragen/verhuizing/")
    assert_accessible(page, f"verhuisformulier ({gemeente})")
    page.get_by_role("button", name="Naar controleren").click()
    assert_accessible(page, f"verhuisformulier met fouten ({gemeente})")
    fill_move(page, postcode="3035 AW", huisnummer=60, days=-20)  # late: the check page warns
    page.get_by_role("button", name="Naar controleren").click()
    page.wait_for_url("**/controleren/")
    expect(page.get_by_text("geldt dan de datum van uw aangifte als verhuisdatum")).to_be_visible()
    assert_accessible(page, f"controleren ({gemeente})")
    page.get_by_role("button", name="Verhuizing versturen").click()
    page.wait_for_url("**/verzonden/")
    assert_accessible(page, f"verzonden ({gemeente})")
    screenshot(page, f"verhuizing-verzonden-{gemeente}")
    # The tracker page with an open request for information, and the answer form with an error.
    from zaken.actors import Actor
    from zaken.models import Zaak
    from zaken.verzoeken import verzoek_stellen

    zaak = Zaak.objects.get()
    verzoek_stellen(zaak=zaak, vraag="Stuur uw huurcontract.", termijn=timezone.localdate() + timedelta(days=7),
                    actor=Actor.system("test"))
    page.goto(f"/{zaak.gemeente.slug}/mijn-zaken/{zaak.identificatie}/")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Schrijf uw antwoord op de vraag van de gemeente.")).to_be_visible()
    assert_accessible(page, f"zaak met vraag en fout ({gemeente})")
