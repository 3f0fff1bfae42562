"""Browser journeys (Playwright + Chromium) with axe-core: the undertaker's e-form in every demo theme,
and the civil servant through the work list until the undertaker downloads the verlof."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import assert_accessible, screenshot
from .helpers import backoffice_login, eherkenning_login

pytestmark = pytest.mark.django_db(transaction=True)

# theme -> (KvK of a demo undertaker there, a living person, postcode and number in that municipality)
CASES = {
    "den-haag": ("69599084", "999990895", "2585JB", "10"),
    "rotterdam": ("68750110", "999990378", "3035AW", "60"),
    "hellevoetsluis": ("68727720", "999994086", "3221AJ", "20"),
}
PDF = {"name": "a-formulier.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7 A-formulier"}


def file_death(page, gemeente: str) -> str:
    kvk, bsn, postcode, huisnummer = CASES[gemeente]
    eherkenning_login(page, gemeente, kvk)
    page.goto(f"/{gemeente}/aanvragen/aangifte-overlijden/")
    assert_accessible(page, f"aangever ({gemeente})")
    page.get_by_role("button", name="BSN opzoeken en verder").click()
    expect(page.get_by_text("Vul uw naam in.")).to_be_visible()
    assert_accessible(page, f"aangever met fouten ({gemeente})")
    page.get_by_label("Uw naam").fill("J. de Vries")
    page.get_by_label("Uw e-mailadres").fill("jdevries@uitvaart.example")
    page.get_by_label("Uw telefoonnummer").fill("070 1234567")
    page.get_by_label("BSN van de overledene").fill(bsn)
    page.get_by_role("button", name="BSN opzoeken en verder").click()
    page.wait_for_url("**/overlijden/")
    expect(page.get_by_text("Controleer: is dit de overledene?")).to_be_visible()
    assert_accessible(page, f"overlijden ({gemeente})")
    page.get_by_role("button", name="Naar controleren").click()
    expect(page.get_by_text("Vul de datum van overlijden in.")).to_be_visible()
    assert_accessible(page, f"overlijden met fouten ({gemeente})")
    death = timezone.localtime() - timedelta(hours=10)
    page.get_by_label("Datum van overlijden").fill(death.date().isoformat())
    page.get_by_label("Tijdstip van overlijden").fill(death.strftime("%H:%M"))
    page.get_by_label("Met een adres").check()
    page.get_by_label("Postcode").fill(postcode)
    page.get_by_label("Huisnummer", exact=True).fill(huisnummer)
    page.get_by_label("Natuurlijk overlijden", exact=True).check()
    page.get_by_label("Cremeren").check()
    page.get_by_label("Geplande datum").fill((death.date() + timedelta(days=3)).isoformat())
    page.get_by_label("Gepland tijdstip").fill("11:00")
    page.get_by_label("Begraafplaats of crematorium").fill("Crematorium")
    page.get_by_label("Verklaring van overlijden (A-formulier)").set_input_files(files=[PDF])
    page.get_by_role("button", name="Naar controleren").click()
    page.wait_for_url("**/controleren/")
    expect(page.get_by_text("Wettelijke termijn")).to_be_visible()
    assert_accessible(page, f"controleren ({gemeente})")
    page.get_by_role("button", name="Aangifte versturen").click()
    page.wait_for_url("**/verzonden/")
    assert_accessible(page, f"verzonden ({gemeente})")
    page.get_by_role("link", name="Bekijk de zaak op Mijn zaken").click()
    page.wait_for_url("**/mijn-zaken/*/")
    expect(page.get_by_text("Ontvangen").first).to_be_visible()  # waits for the page, unlike is_visible()
    assert_accessible(page, f"zaak ({gemeente})")
    return page.url.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.parametrize("gemeente", list(CASES))
def test_eform_in_every_theme(page, demo, gemeente):
    file_death(page, gemeente)
    screenshot(page, f"overlijden-zaak-{gemeente}")


def backoffice_task(page, identificatie: str, label: str):
    page.goto("/behandelen/taken/queue/")
    page.get_by_role("row", name=re.compile(identificatie)).get_by_role("link", name=re.compile(r"^#[0-9]+.[0-9]+$")).click()
    page.wait_for_url("**/assign/")
    page.get_by_role("button", name="Oppakken en doorgaan").click()
    page.wait_for_url("**/execute/")
    page.get_by_label(label).check()
    page.get_by_role("button", name="Uitvoeren", exact=True).click()
    page.wait_for_url(lambda url: "/execute/" not in url)


def test_civil_servant_through_work_list_to_verlof_download(page, demo, tmp_path):
    call_command("backoffice_rechten", verbosity=0)
    identificatie = file_death(page, "rotterdam")
    page.context.clear_cookies()

    backoffice_login(page, "behandelaar-rotterdam")
    page.goto("/behandelen/werklijst/aangifte-overlijden/")
    row = page.get_by_role("row", name=re.compile(identificatie))
    expect(row.get_by_text(re.compile(r"^nog "))).to_be_visible()
    screenshot(page, "overlijden-werklijst")
    row.get_by_role("link", name=identificatie).click()
    page.wait_for_url("**/behandelen/zaken/*/")
    backoffice_task(page, identificatie, "Documenten compleet en in orde")
    backoffice_task(page, identificatie, "Ik heb de gegevens gecontroleerd")  # akte
    backoffice_task(page, identificatie, "Ik heb de gegevens gecontroleerd")  # verlof
    page.context.clear_cookies()

    eherkenning_login(page, "rotterdam", CASES["rotterdam"][0])
    page.goto(f"/rotterdam/mijn-zaken/{identificatie}/")
    expect(page.get_by_text("Verwerkt in BRP").first).to_be_visible()
    assert_accessible(page, "zaak met verlof")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Verlof tot cremeren")).click()
    path = tmp_path / "verlof.pdf"
    download.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
