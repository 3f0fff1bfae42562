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

from zaken.models import Betaling
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
# Who renews in each theme (the person must be registered there): Kevin Charbon (AM, B) in Den Haag,
# Erebos Bultenaar in Hellevoetsluis (B, BE, and C/CE that need a CBR declaration he lacks).
AANVRAGER = {"den-haag": "999996538", "rotterdam": SUZANNE, "hellevoetsluis": "999990019"}
BALIE = {"den-haag": "Stadhuis Spui", "rotterdam": "Stadswinkel Centrum", "hellevoetsluis": "Gemeentehuis Hellevoetsluis"}


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
    page.get_by_label("E-mailadres").fill("aanvrager@example.nl")
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
    # The photographer's date as a date in words, like every other date on the page.
    expect(page.get_by_text(re.compile(r"^ontvangen en goedgekeurd \(.+, \d{1,2} [a-z]+ \d{4}\)$"))).to_be_visible()
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
    assert download_pdf(page, re.compile("^Uw rijbewijs ligt klaar"), tmp_path / "afhalen.pdf").startswith(b"%PDF")
    assert_accessible(page, "zaak, klaar om af te halen")
    screenshot(page, "rijbewijs-tracker-klaar-rotterdam")

    # The civil servant at the counter scans the code from the letter and hands the card out.
    call_command("backoffice_rechten", verbosity=0)
    page.context.clear_cookies()
    backoffice_login(page, "behandelaar-rotterdam")
    page.goto("/behandelen/werklijst/rijbewijs/")
    expect(page.get_by_role("table").get_by_role("link", name=zaak.identificatie)).to_be_visible()
    assert_accessible(page, "balie: klaarliggende rijbewijzen")
    screenshot(page, "rijbewijs-balie-lijst")
    zoekveld = page.get_by_label("Zaaknummer of afhaalcode (scan de QR-code)")
    zoekveld.fill(afhaalcode(zaak.identificatie)[:-1] + "x")  # a misread scan
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("Dit is geen geldig zaaknummer of afhaalcode.")).to_be_visible()
    assert_accessible(page, "balie: ongeldige code")
    zoekveld.fill("ZAAK-2026-9999999")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("alert")).to_contain_text("Geen rijbewijsaanvraag ZAAK-2026-9999999")
    assert_accessible(page, "balie: onbekend zaaknummer")
    zoekveld.fill(afhaalcode(zaak.identificatie))
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", name=f"Aanvraag {zaak.identificatie}")).to_be_visible()
    expect(page.get_by_text("Suzanne Moulin").first).to_be_visible()
    assert_accessible(page, "balie: aanvraag")
    page.get_by_role("button", name="Vastleggen").click()  # nothing recorded yet
    expect(page.get_by_role("group", name="Uitkomst").get_by_text("Kies wat er met het rijbewijs gebeurt.")).to_be_visible()
    assert_accessible(page, "balie: aanvraag met fouten")
    screenshot(page, "rijbewijs-balie")
    page.get_by_label("Soort identiteitsbewijs").select_option("paspoort")
    page.get_by_label("Documentnummer").fill("NX4K8P2L1")
    page.get_by_role("group", name="Komen persoon en identiteitsbewijs overeen met de aanvrager?").get_by_label(
        "Ja").check()
    page.get_by_role("group", name="Oude rijbewijs ingenomen?").get_by_label("Ja").check()
    page.get_by_role("group", name="Uitkomst").get_by_label("uitgereikt", exact=True).check()
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text(f"Rijbewijs {zaak.identificatie} is uitgereikt.")).to_be_visible()
    expect(page.get_by_text("Er liggen geen rijbewijzen klaar bij Stadswinkel Centrum.")).to_be_visible()
    assert_accessible(page, "balie: na het uitreiken")
    rijbewijs.refresh_from_db()
    assert rijbewijs.state == Rijbewijs.State.UITGEREIKT

    page.context.clear_cookies()
    digid_login(page, "rotterdam", SUZANNE, level="Substantieel")
    page.goto(f"/rotterdam/mijn-zaken/{zaak.identificatie}/")
    expect(page.get_by_role("region", name="Verloop van uw zaak").get_by_role(
        "heading", name="Uitgereikt", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Uw nieuwe rijbewijs").get_by_text("Uitgereikt op")).to_be_visible()
    assert_accessible(page, "zaak, uitgereikt")


def test_failed_payment_then_paying_again_from_the_tracker(page, balies):
    open_form(page)
    fill_form(page)
    page.get_by_role("button", name="Verder naar controleren").click()
    page.wait_for_url("**/controleren/")
    to_provider(page)
    choose_at_provider(page, "Betaling laten mislukken")
    panel = page.get_by_role("region", name="Uw nieuwe rijbewijs")
    expect(panel.get_by_role("alert")).to_contain_text("De betaling is mislukt. Er is niets afgeschreven.")
    expect(page.get_by_text("Ontvangen").first).to_be_visible()
    assert Rijbewijs.objects.get().state == Rijbewijs.State.ONTVANGEN
    screenshot(page, "rijbewijs-tracker-mislukt-rotterdam")

    panel.get_by_role("button", name="Nu betalen").click()
    page.wait_for_url("**/betalen/mock/**")
    choose_at_provider(page, "Betalen")
    expect(page.get_by_role("region", name="Verloop van uw zaak").get_by_role(
        "heading", name="Betaald", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Uw nieuwe rijbewijs").get_by_role("button")).to_have_count(0)
    assert list(Betaling.objects.order_by("created").values_list("status", flat=True)) == ["failed", "paid"]

    # On a phone the panel's values keep the width of the screen, not what a long label leaves over.
    page.set_viewport_size({"width": 390, "height": 844})
    adres = page.get_by_role("region", name="Uw nieuwe rijbewijs").get_by_text("Stadswinkel Centrum, Coolsingel 40")
    assert adres.bounding_box()["width"] > 300
    screenshot(page, "rijbewijs-tracker-telefoon")


def test_without_a_photo_the_person_is_sent_to_the_photographer(page, balies):
    digid_login(page, "den-haag", PAULA, level="Substantieel", next_path=form_path("den-haag"))
    page.wait_for_url(f"**{form_path('den-haag')}")
    expect(page.get_by_text("De RDW heeft nog geen pasfoto en handtekening van u.")).to_be_visible()
    expect(page.get_by_role("heading", name="Hoe gaat u verder?")).to_be_visible()
    contact = page.get_by_role("region", name="Contact met gemeente Den Haag")
    expect(contact.get_by_role("link", name="14 070")).to_have_attribute("href", "tel:14070")
    expect(contact.get_by_role("link", name="info@denhaag.example")).to_be_visible()
    expect(page.get_by_role("button", name="Verder naar controleren")).to_have_count(0)
    screenshot(page, "rijbewijs-niet-online-den-haag")


def test_digid_midden_gets_the_level_page(page, balies):
    digid_login(page, "rotterdam", SUZANNE, level="Midden", next_path=form_path("rotterdam"))
    expect(page.get_by_text("hoger betrouwbaarheidsniveau")).to_be_visible()
    expect(page.get_by_text("DigiD Substantieel of hoger")).to_be_visible()
    page.get_by_role("button", name="Uitloggen en opnieuw inloggen").click()
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_label("Burgerservicenummer").fill(SUZANNE)
    page.get_by_label("DigiD Substantieel").check()
    page.get_by_role("button", name="Inloggen", exact=True).click()
    page.wait_for_url(f"**{form_path('rotterdam')}")
    expect(page.get_by_role("heading", name="Rijbewijs verlengen", level=1)).to_be_visible()


@pytest.mark.parametrize("gemeente", THEMES)
def test_renewal_pages_are_accessible_in_every_theme(page, balies, settings, gemeente):
    open_form(page, gemeente, bsn=AANVRAGER[gemeente])
    assert_accessible(page, f"rijbewijsformulier ({gemeente})")
    for categorie in page.get_by_role("group", name="Welke categorieën wilt u verlengen?").get_by_role("checkbox").all():
        categorie.uncheck()
    page.get_by_role("button", name="Verder naar controleren").click()
    expect(page.get_by_text("Kies ten minste één categorie om te verlengen.")).to_be_visible()
    expect(page.get_by_text("Kies waar u uw rijbewijs wilt afhalen.")).to_be_visible()
    assert_accessible(page, f"rijbewijsformulier met fouten ({gemeente})")
    # The declaration's error pushes no column into its checkbox: box and label stay their own size.
    vinkje = page.get_by_label(VERKLARING).bounding_box()
    assert vinkje["width"] < 48 and vinkje["height"] < 48, vinkje
    assert page.get_by_text(VERKLARING).bounding_box()["width"] > 300
    screenshot(page, f"rijbewijs-formulier-fouten-{gemeente}")

    page.get_by_role("checkbox", name=re.compile(r"^B: ")).check()
    fill_form(page, gemeente)
    page.get_by_role("button", name="Verder naar controleren").click()
    page.wait_for_url("**/controleren/")
    assert_accessible(page, f"controleren ({gemeente})")
    screenshot(page, f"rijbewijs-controleren-{gemeente}")

    # The provider is down: the application is kept, the sent page says how to pay later.
    settings.MOCK_UNAVAILABLE = {"payments"}
    page.get_by_role("button", name="Versturen en betalen").click()
    page.wait_for_url("**/verzonden/")
    expect(page.get_by_text("De betaalpagina is nu niet bereikbaar.")).to_be_visible()
    assert_accessible(page, f"verzonden, betaalpagina onbereikbaar ({gemeente})")
    screenshot(page, f"rijbewijs-verzonden-{gemeente}")
    knop = page.get_by_role("button", name="Nu betalen").bounding_box()
    link = page.get_by_role("link", name="Bekijk uw zaak op Mijn zaken").bounding_box()
    assert link["y"] - (knop["y"] + knop["height"]) >= 16  # the link does not stick to the button
    settings.MOCK_UNAVAILABLE = set()
    page.get_by_role("button", name="Nu betalen").click()
    page.wait_for_url("**/betalen/mock/**")
    betaalpagina = page.url
    # Back to the tracker without choosing: the payment is still open, and going on reuses it.
    page.go_back()
    page.get_by_role("link", name="Bekijk uw zaak op Mijn zaken").click()
    expect(page.get_by_text("Wij wachten op de uitslag van uw betaling.")).to_be_visible()
    assert_accessible(page, f"zaak, betaling open ({gemeente})")
    page.get_by_role("button", name="Verder met betalen").click()
    page.wait_for_url(betaalpagina)
    assert_accessible(page, f"betaalpagina ({gemeente})")
    screenshot(page, "rijbewijs-betaalpagina")
    choose_at_provider(page, "Annuleren")
    expect(page.get_by_text("U hebt de betaling afgebroken.")).to_be_visible()
    assert_accessible(page, f"zaak, niet betaald ({gemeente})")
    screenshot(page, f"rijbewijs-tracker-onbetaald-{gemeente}")
    page.get_by_role("region", name="Uw nieuwe rijbewijs").get_by_role("button", name="Nu betalen").click()
    page.wait_for_url("**/betalen/mock/**")
    choose_at_provider(page, "Betalen")
    expect(page.get_by_text("Verwacht klaar om af te halen")).to_be_visible()
    assert_accessible(page, f"zaak, betaald ({gemeente})")
    assert list(Betaling.objects.order_by("created").values_list("status", flat=True)) == ["canceled", "paid"]
    screenshot(page, f"rijbewijs-tracker-betaald-{gemeente}")

    page.context.clear_cookies()
    open_form(page, gemeente, bsn=PAULA)  # no photo yet; registered in Den Haag
    expect(page.get_by_role("region", name=re.compile("^Contact met gemeente"))).to_be_visible()
    if gemeente != "den-haag":  # not her municipality: she is sent to her own, not to this one's counter
        expect(page.get_by_text("Ga naar de website van de gemeente waar u staat ingeschreven.")).to_be_visible()
        expect(page.get_by_role("heading", name="Aanvragen aan de balie")).to_have_count(0)
    assert_accessible(page, f"niet online ({gemeente})")
    screenshot(page, f"rijbewijs-niet-online-{gemeente}")
