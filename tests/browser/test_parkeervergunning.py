"""Parkeervergunning in a browser: the automatic grant from DigiD to the besluit, and axe-core on every
page of the process (form, errors, check, sent, tracker, refusal) in every demo theme."""

import pytest
from playwright.sync_api import expect

from zaken.processes.parkeervergunning.demo import zones_ensure
from zaken.processes.parkeervergunning.models import Parkeervergunning, Vergunningzone

from .conftest import assert_accessible, screenshot
from .helpers import digid_login

pytestmark = pytest.mark.django_db(transaction=True)

# Residents with a car in their own name, in a zone with room: Kevin Charbon, Suzanne Moulin, Lethe Olympos.
AANVRAGER = {"den-haag": ("999996538", "GZX-72-H"), "rotterdam": ("999993653", "KSS-27-G"),
             "hellevoetsluis": ("999994086", "NPT30R")}
VERKLARING = "Ik verklaar dat ik de auto zelf gebruik en dat ik deze gegevens naar waarheid heb ingevuld."


@pytest.fixture
def zones(demo):
    zones_ensure()
    return demo


def form_path(gemeente: str, step: str = "") -> str:
    return f"/{gemeente}/aanvragen/parkeervergunning/" + (f"{step}/" if step else "")


@pytest.mark.parametrize("gemeente", list(AANVRAGER))
def test_automatic_grant_and_every_page_accessible(page, zones, gemeente):
    bsn, kenteken = AANVRAGER[gemeente]
    digid_login(page, gemeente, bsn, next_path=form_path(gemeente))
    page.wait_for_url(f"**{form_path(gemeente)}")
    assert_accessible(page, f"parkeerformulier ({gemeente})")

    page.get_by_role("button", name="Verder naar controleren").click()
    expect(page.get_by_text("Vul het kenteken in van de auto waarvoor u de vergunning wilt.").first).to_be_visible()
    assert_accessible(page, f"parkeerformulier met fouten ({gemeente})")
    page.get_by_label("Kenteken").fill("PTL-24-D")  # Femke's Sprinter: too long
    page.get_by_label("E-mailadres").fill("bewoner@example.nl")
    page.get_by_label(VERKLARING).check()
    page.get_by_role("button", name="Verder naar controleren").click()
    expect(page.get_by_text("693 cm lang").first).to_be_visible()
    assert_accessible(page, f"parkeerformulier te lang ({gemeente})")
    screenshot(page, f"parkeervergunning-formulier-fouten-{gemeente}")

    page.get_by_label("Kenteken").fill(kenteken)
    page.get_by_label(VERKLARING).check()
    page.get_by_role("button", name="Verder naar controleren").click()
    page.wait_for_url("**/controleren/")
    assert_accessible(page, f"controleren ({gemeente})")
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_url("**/verzonden/")
    assert_accessible(page, f"verzonden ({gemeente})")
    page.get_by_role("link", name="Bekijk uw zaak op Mijn zaken").click()
    page.wait_for_url("**/mijn-zaken/**")
    expect(page.get_by_role("heading", name="Uw parkeervergunning")).to_be_visible()
    assert_accessible(page, f"tracker ({gemeente})")
    screenshot(page, f"parkeervergunning-tracker-{gemeente}")
    vergunning = Parkeervergunning.objects.get(bsn=bsn)
    assert vergunning.state == "verleend"
    expect(page.get_by_text(vergunning.vergunningnummer).first).to_be_visible()

    # A second application: the permit per address is taken, the page says so and who to contact.
    Vergunningzone.objects.filter(gemeente__slug=gemeente).update(quotum_per_adres=1)
    page.goto(form_path(gemeente))
    expect(page.get_by_text("Op uw adres zijn al 1 geldige parkeervergunningen").first).to_be_visible()
    expect(page.get_by_text("Contact met gemeente").first).to_be_visible()
    assert_accessible(page, f"niet mogelijk ({gemeente})")
