"""axe-core on the deadline dashboard and the dossier's advice section, reached as a civil servant does."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from tests.testprocess.definition import DEFINITION as TESTAANVRAAG
from tests.testprocess.services import testaanvraag_registreren as register_testaanvraag
from zaken.actors import Actor
from zaken.adviezen import advies_vragen
from zaken.models import Product
from zaken.sync import zaaktypen_sync
from zaken.verzoeken import verzoek_stellen

from .conftest import assert_accessible, screenshot
from .helpers import backoffice_login

pytestmark = pytest.mark.django_db(transaction=True)
ACTOR = Actor.system("test")


def registreer(gemeente, onderwerp: str, *, dagen_geleden: int):
    with time_machine.travel(timezone.now() - timedelta(days=dagen_geleden), tick=False):
        return register_testaanvraag(
            gemeente=gemeente, onderwerp=onderwerp, actor=ACTOR, gegevens={"onderwerp": onderwerp},
            initiator={"betrokkene_type": "natuurlijk_persoon", "naam": "Jan Jansen"}).zaak


@pytest.fixture
def termijnen(demo):
    call_command("backoffice_rechten", verbosity=0)
    Product.objects.get_or_create(slug=TESTAANVRAAG.slug, defaults={"upl_naam": "testaanvraag"})
    zaaktypen_sync()
    rotterdam = demo["rotterdam"]
    te_laat = registreer(rotterdam, "Te laat", dagen_geleden=70)  # eight weeks have passed
    with time_machine.travel(timezone.now() - timedelta(days=20), tick=False):
        advies_vragen(zaak=te_laat, adviseur="brandweer", vraag="Is de tent brandveilig?", termijn_werkdagen=5,
                      actor=ACTOR)
    opgeschort = registreer(rotterdam, "Opgeschort", dagen_geleden=10)
    verzoek_stellen(zaak=opgeschort, vraag="Stuur de tekening.", termijn=timezone.localdate() + timedelta(days=14),
                    actor=ACTOR)
    return {"te_laat": te_laat, "opgeschort": opgeschort}


def test_dashboard_and_advice_section_are_accessible(page, termijnen):
    backoffice_login(page, "behandelaar-rotterdam")
    page.get_by_role("link", name="Termijnen").first.click()
    page.wait_for_url("**/behandelen/termijnen/")
    expect(page.get_by_role("link", name=termijnen["te_laat"].identificatie)).to_be_visible()
    assert_accessible(page, "termijnen: te laat")
    screenshot(page, "behandelen-termijnen")
    for lijst in ("Deze week", "Opgeschort", "Wacht op advies"):
        page.get_by_role("link", name=lijst).click()
        expect(page.get_by_role("heading", name=lijst, exact=True)).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert_accessible(page, f"termijnen: {lijst}")
    page.get_by_label("Team").select_option(label="behandelaar")
    page.get_by_role("button", name="Filteren").click()
    # The case's link is on the page before the filter too: wait for the filtered page, or the click
    # below lands on the old page while it is being replaced and is lost.
    page.wait_for_url(re.compile(r"[?&]team=\d+"))
    expect(page.get_by_role("link", name=termijnen["te_laat"].identificatie)).to_be_visible()

    page.get_by_role("link", name=termijnen["te_laat"].identificatie).click()
    page.wait_for_url(f"**/behandelen/zaken/{termijnen['te_laat'].pk}/**")
    expect(page.get_by_role("heading", name="Adviezen")).to_be_visible()
    assert_accessible(page, "dossier met een verlopen adviestermijn")

    # Asking without the name of an "overig" adviser: the error sits at the field.
    page.get_by_label("Adviseur", exact=True).select_option(label="Overig")
    page.get_by_label("Vraag aan de adviseur").fill("Is de omleiding goed aangegeven?")
    page.get_by_role("button", name="Advies vragen").click()
    expect(page.get_by_text("Vul in wie om advies wordt gevraagd.")).to_be_visible()
    assert_accessible(page, "advies vragen met een fout")
    page.get_by_label("Naam van de adviseur (alleen bij overig)").fill("Waterschap")
    page.get_by_role("button", name="Advies vragen").click()
    expect(page.get_by_text("Het advies is gevraagd.")).to_be_visible()

    form = page.get_by_role("form", name="Advies van Brandweer / veiligheidsregio vastleggen")
    form.get_by_label("Positief met voorwaarden").check()
    form.get_by_label("Advies (tekst of samenvatting)").fill("Twee blusmiddelen bij het podium.")
    form.get_by_role("button", name="Advies vastleggen").click()
    expect(page.get_by_text("Het advies is vastgelegd.")).to_be_visible()
    assert_accessible(page, "dossier met een vastgelegd advies")
    screenshot(page, "behandelen-dossier-adviezen")
