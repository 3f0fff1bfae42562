"""Rijbewijs verlengen in a browser: the citizen's journey from DigiD to the counter, a failed payment
paid again from the tracker, the people who cannot renew online, and axe-core on every page of the
process in every demo theme."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from zaken.processes.rijbewijs.afhaalcode import afhaalcode
from zaken.processes.rijbewijs.demo import locaties_ensure
from zaken.processes.rijbewijs.models import Rijbewijs
from zaken.timers import sweep

from .conftest import assert_accessible, screenshot
from .helpers import backoffice_login, digid_login

pytestmark = pytest.mark.django_db(transaction=True)

THEMES = ["den-haag", "rotterdam", "hellevoetsluis"]
SUZANNE = "999993653"  # Rotterdam; B and BE, photo and signature approved
PAULA = "999990081"  # Den Haag; no photo yet
VERKLARING = "Ik verklaar dat de pasfoto en de handtekening die de fotograaf heeft ingestuurd van mij zijn."
# Suzanne's renewal, filed in another theme: the mock registers know her wherever she logs in.
BALIE = {"den-haag": "Stadhuis Spui", "rotterdam": "Stadswinkel Centrum", "hellevoetsluis": "Gemeentehuis"}


@pytest.fixture
def balies(demo):
    locaties_ensure()
    return demo


def dutch(day) -> str:
    with translation.override("nl"):
        return date_format(day, "j F Y")


def form_path(gemeente: str, step: str = "") -> str:
    return f"/{gemeente}/aanvragen/rijbewijs/" + (f"{step}/" if step else "")


def open_form(page, gemeente: str = "rotterdam", bsn: str = SUZANNE):
    digid_login(page, gemeente, bsn, level="Substantieel", next_path=form_path(gemeente))
    page.wait_for_url(f"**{form_path(gemeente)}")


def fill_form(page, gemeente: str = "rotterdam"):
    page.get_by_label(BALIE[gemeente], exact=True).check()
    page.get_by_label("E-mailadres").fill("suzanne@example.nl")
    page.get_by_label(VERKLARING).check()


def to_provider(page):
    """From the check page to the payment provider's hosted page."""
    page.get_by_role("button", name="Versturen en betalen").click()
    page.wait_for_url("**/betalen/mock/**")


def choose_at_provider(page, knop: str):
    page.get_by_role("button", name=knop, exact=True).click()
    page.wait_for_url("**/mijn-zaken/**")


def download_pdf(page, link_name, path) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).click()
    download.value.save_as(path)
    return path.read_bytes()


def test_renewal_from_digid_to_the_counter(page, balies, tmp_path):
    open_form(page)
    # Prefilled: the licence's categories with their current and new dates, the counters.
    expect(page.get_by_text("Suzanne").first).to_be_visible()
    table = page.get_by_role("table", name="De geldigheid van uw rijbewijs")
    screenshot(page, "rijbewijs-formulier-rotterdam")
    expect(table.get_by_role("row", name=re.compile(r"^BE? "))).to_have_count(2)
    expect(page.get_by_role("checkbox", name=re.compile(r"^B: nu geldig tot .* nieuw geldig tot"))).to_be_checked()
    expect(page.get_by_role("checkbox", name=re.compile(r"^BE: nu geldig tot"))).to_be_checked()
    balies = page.get_by_role("group", name="Waar haalt u uw nieuwe rijbewijs af?")
    expect(balies.get_by_text("Coolsingel 40, 3011 AD Rotterdam")).to_be_visible()
    expect(balies.get_by_text("za 10.00–13.00")).to_be_visible()

    fill_form(page)
    page.get_by_role("button", name="Verder naar controleren").click()
    page.wait_for_url("**/controleren/")
    expect(page.get_by_text("Stadswinkel Centrum, Coolsingel 40")).to_be_visible()
    expect(page.get_by_text("€ 51,10")).to_be_visible()
    screenshot(page, "rijbewijs-controleren-rotterdam")
    to_provider(page)
    expect(page.get_by_text("€ 51,10")).to_be_visible()
    choose_at_provider(page, "Betalen")

    rijbewijs = Rijbewijs.objects.select_related("zaak").get()
    zaak = rijbewijs.zaak
    assert page.url.endswith(f"/rotterdam/mijn-zaken/{zaak.identificatie}/")
    timeline = page.get_by_role("region", name="Verloop van uw zaak")
    for status in ("Ontvangen", "Betaald", "In productie bij RDW"):
        expect(timeline.get_by_role("heading", name=status, exact=True)).to_be_visible()
    panel = page.get_by_role("region", name="Uw nieuwe rijbewijs")
    expect(panel.get_by_text("Verwacht klaar om af te halen")).to_be_visible()
    expect(panel.get_by_text(dutch(rijbewijs.verwacht_gereed), exact=True)).to_be_visible()
    page.reload()  # the letters are made after the payment's transaction
    screenshot(page, "rijbewijs-tracker-betaald-rotterdam")
    assert download_pdf(page, re.compile("^Ontvangstbevestiging"), tmp_path / "ontvangst.pdf").startswith(b"%PDF")
    assert download_pdf(page, re.compile("^Betaalbewijs"), tmp_path / "betaalbewijs.pdf").startswith(b"%PDF")

    # The RDW makes the card; the sweep learns it is ready and sends the pickup letter.
    with time_machine.travel(timezone.now() + timedelta(days=5), tick=False):
        sweep()
    rijbewijs.refresh_from_db()
    assert rijbewijs.state == Rijbewijs.State.KLAAR
    page.reload()
    expect(page.get_by_text("Klaar om af te halen").first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Uw rijbewijs ligt klaar"))).to_be_visible()
    screenshot(page, "rijbewijs-tracker-klaar-rotterdam")

    # The civil servant at the counter scans the code from the letter and hands the card out.
    call_command("backoffice_rechten", verbosity=0)
    page.context.clear_cookies()
    backoffice_login(page, "behandelaar-rotterdam")
    page.goto("/behandelen/werklijst/rijbewijs/")
    expect(page.get_by_role("table").get_by_role("link", name=zaak.identificatie)).to_be_visible()
    page.get_by_label("Zaaknummer of afhaalcode (scan de QR-code)").fill(afhaalcode(zaak.identificatie))
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name=f"Aanvraag {zaak.identificatie}")).to_be_visible()
    expect(page.get_by_text("Suzanne").first).to_be_visible()
    screenshot(page, "rijbewijs-balie")
    page.get_by_label("Soort identiteitsbewijs").select_option("paspoort")
    page.get_by_label("Documentnummer").fill("NX4K8P2L1")
    page.locator("#id_identiteit_vastgesteld").get_by_label("Ja").check()
    page.locator("#id_oud_rijbewijs_ingenomen").get_by_label("Ja").check()
    page.get_by_label("uitgereikt", exact=True).check()
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text(f"Rijbewijs {zaak.identificatie} is uitgereikt.")).to_be_visible()
    rijbewijs.refresh_from_db()
    assert rijbewijs.state == Rijbewijs.State.UITGEREIKT

    page.context.clear_cookies()
    digid_login(page, "rotterdam", SUZANNE, level="Substantieel")
    page.goto(f"/rotterdam/mijn-zaken/{zaak.identificatie}/")
    expect(page.get_by_role("region", name="Verloop van uw zaak").get_by_role(
        "heading", name="Uitgereikt", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Uw nieuwe rijbewijs").get_by_text("Uitgereikt op")).to_be_visible()
