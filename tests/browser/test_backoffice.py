"""axe-core on the civil servant's pages, the way a new user reaches them: logged in through the form,
on lists that have rows, and on every task form of a death registration, one of them with an error."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.overlijden.helpers import file_death
from tests.testprocess.definition import DEFINITION as TESTAANVRAAG
from tests.testprocess.services import testaanvraag_registreren as register_testaanvraag
from tests.verhuizing.helpers import file_move
from zaken.actors import Actor
from zaken.models import Product
from zaken.sync import zaaktypen_sync

from .conftest import assert_accessible, screenshot
from .helpers import backoffice_login, digid_login, eherkenning_login

pytestmark = pytest.mark.django_db(transaction=True)

QUEUE = "/behandelen/taken/queue/"
INBOX = "/behandelen/taken/inbox/"
PAGE_SIZE = 25  # viewflow's list page size


@pytest.fixture
def werkvoorraad(demo):
    """A queue of more than one page: a move, two deaths (one that needs every task) and test cases."""
    call_command("backoffice_rechten", verbosity=0)
    rotterdam = demo["rotterdam"]
    Product.objects.get_or_create(slug=TESTAANVRAAG.slug, defaults={"upl_naam": "testaanvraag"})
    zaaktypen_sync()
    for i in range(PAGE_SIZE):  # older than the cases below: those stay on the first page
        register_testaanvraag(gemeente=rotterdam, onderwerp=f"Test {i}", actor=Actor.system("test"),
                              initiator={"betrokkene_type": "natuurlijk_persoon", "naam": "Jan Jansen"})
    return {
        "verhuizing": file_move(bsn="999993653", postcode="3034CJ", huisnummer=50, days=3).zaak,
        "overlijden": file_death(bsn="999990378").zaak,
        # Not natural and a late funeral: the OvJ release and the postponement tasks as well.
        "alle_taken": file_death(bsn="999990895", natuurlijk=False, funeral_days=14).zaak,
    }


def open_list(page, path: str):
    """Go to a list and wait until its rows are there and the page has settled."""
    page.goto(path)
    page.wait_for_selector("table tbody tr")
    page.wait_for_load_state("networkidle")


def assert_accessible_as_served(page, path: str):
    """axe on the markup as the server sent it, before any script could change it."""
    def no_scripts(route):
        route.abort() if route.request.resource_type == "script" else route.continue_()

    page.route("**/*", no_scripts)
    open_list(page, path)
    assert_accessible(page, f"{path} zonder scripts")
    page.unroute("**/*", no_scripts)


def row_of(page, identificatie: str):
    return page.get_by_role("row").filter(has=page.get_by_role("link", name=identificatie, exact=True))


def claim(page, identificatie: str):
    """From the queue, open the case's task and claim it; lands on the task form."""
    open_list(page, QUEUE)
    row_of(page, identificatie).get_by_role("link", name=re.compile(r"^#[0-9]+.[0-9]+$")).click()
    page.wait_for_url("**/assign/")
    page.wait_for_load_state("networkidle")
    assert_accessible(page, f"taak oppakken ({identificatie})")
    page.get_by_role("button", name="Oppakken en doorgaan").click()
    page.wait_for_url("**/execute/")
    page.wait_for_load_state("networkidle")


def execute(page, label: str):
    page.get_by_label(label).check()
    page.get_by_role("button", name="Uitvoeren", exact=True).click()
    page.wait_for_url(lambda url: "/execute/" not in url)


def test_backoffice_pages_with_rows_are_accessible(page, werkvoorraad):
    page.goto("/behandelen/")
    assert_accessible(page, "inloggen medewerker")
    backoffice_login(page, "behandelaar-rotterdam")

    open_list(page, QUEUE)
    expect(page.get_by_role("row", name=re.compile(werkvoorraad["verhuizing"].identificatie))).to_be_visible()
    assert_accessible(page, "werkvoorraad")
    screenshot(page, "behandelen-werkvoorraad")
    assert_accessible_as_served(page, QUEUE)

    # Pages, the filter by process type and claiming ticked tasks work without any script of ours.
    page.get_by_role("link", name="Volgende pagina").click()
    expect(page.get_by_text("Pagina 2 van 2")).to_be_visible()
    page.get_by_label("Proces").select_option(label="Aangifte overlijden")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(r"[?&]proces="))  # not the page before the filter
    expect(page.get_by_role("table").get_by_role("row")).to_have_count(3)  # header and two deaths
    assert_accessible(page, "werkvoorraad gefilterd")
    natural = werkvoorraad["overlijden"].identificatie
    row_of(page, natural).get_by_role("checkbox", name=re.compile(r"^Selecteer taak .*Documenten controleren")).check()
    page.get_by_role("button", name="Geselecteerde taken oppakken").click()
    expect(page.get_by_text("1 geselecteerde taak")).to_be_visible()
    assert_accessible(page, "taken oppakken bevestigen")
    screenshot(page, "behandelen-taken-oppakken")
    page.get_by_role("button", name="Oppakken", exact=True).click()
    expect(page.get_by_text("1 geselecteerde taak")).to_be_hidden()
    open_list(page, INBOX)
    expect(row_of(page, natural)).to_be_visible()

    for path in ("/behandelen/zaken/", "/behandelen/werklijst/aangifte-overlijden/",
                 "/behandelen/taken/flows/overlijden/flows/", "/behandelen/taken/flows/overlijden/tasks/"):
        open_list(page, path)
        assert_accessible(page, path)
        screenshot(page, path.strip("/").replace("/", "-"))
    page.goto(f"/behandelen/zaken/{werkvoorraad['verhuizing'].pk}/")
    assert_accessible(page, "dossier")

    # The death that needs every task: each form, the first one also with an error.
    identificatie = werkvoorraad["alle_taken"].identificatie
    claim(page, identificatie)
    open_list(page, INBOX)
    expect(row_of(page, identificatie)).to_be_visible()
    assert_accessible(page, "inbox met een taak")
    assert_accessible_as_served(page, INBOX)
    screenshot(page, "behandelen-inbox")
    page.go_back()
    page.wait_for_url("**/execute/")
    assert_accessible(page, "documenten controleren")
    page.get_by_label(re.compile("^Documenten onvolledig")).check()
    page.get_by_role("button", name="Uitvoeren", exact=True).click()
    expect(page.get_by_text("Schrijf op welke documenten of gegevens ontbreken.")).to_be_visible()
    assert_accessible(page, "documenten controleren met een fout")
    screenshot(page, "behandelen-taak-fout")
    execute(page, "Documenten compleet en in orde")

    claim(page, identificatie)
    assert_accessible(page, "OvJ-vrijgave registreren")
    page.get_by_label("Kenmerk (parketnummer) van de vrijgave").fill("PN-2026-1")
    page.get_by_role("button", name="Uitvoeren", exact=True).click()
    page.wait_for_url(lambda url: "/execute/" not in url)

    claim(page, identificatie)
    assert_accessible(page, "uitstelbesluit vastleggen")
    page.get_by_label(re.compile("^Besluit van de burgemeester")).fill("Uitstel verleend, kenmerk B-1.")
    page.get_by_role("button", name="Uitvoeren", exact=True).click()
    page.wait_for_url(lambda url: "/execute/" not in url)

    claim(page, identificatie)
    assert_accessible(page, "akte opmaken")
    execute(page, "Ik heb de gegevens gecontroleerd")

    claim(page, identificatie)
    assert_accessible(page, "verlof verstrekken")
    screenshot(page, "behandelen-taak")
    execute(page, "Ik heb de gegevens gecontroleerd")

    open_list(page, "/behandelen/taken/archive/")
    assert_accessible(page, "afgerond")


def hold_stylesheets(page):
    """Stylesheets reach the page only when the test next talks to the browser, so the page's load
    cannot finish inside a helper that returns right after its click."""
    page.route("**/*.css", lambda route: route.continue_())


def test_login_helpers_return_once_logged_in(page, demo):
    hold_stylesheets(page)
    digid_login(page, "rotterdam", "999993653")
    assert page.evaluate("document.readyState") == "complete"
    assert page.get_by_role("button", name="Uitloggen", exact=True).count() == 1
    page.context.clear_cookies()

    eherkenning_login(page, "rotterdam", "68750110")
    assert page.evaluate("document.readyState") == "complete"
    assert page.get_by_role("button", name="Uitloggen", exact=True).count() == 1
