"""The Content-Security-Policy (no 'unsafe-inline') breaks nothing: no violation on the main portal and
back-office pages, each page walked as a person would, with the browser's own reports collected."""

import re

import pytest
from django.core.management import call_command

from tests.factories import ZaakFactory
from tests.overlijden.helpers import file_death
from tests.verhuizing.helpers import file_move, open_task
from zaken.documents.receipt import receipt_create
from zaken.processes.verhuizing.flows import VerhuizingFlow

from .helpers import digid_login, eherkenning_login
from .test_verhuizing import backoffice_login, fill_move

pytestmark = pytest.mark.django_db(transaction=True)

BSN = "999993653"
# Runs before any page script, through the DevTools protocol (not subject to the page's CSP).
RECORDER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
"""


class CspWatch:
    """Collects CSP violations from the console and from securitypolicyviolation events of every page."""

    def __init__(self, page):
        self.page = page
        self.violations: list[str] = []
        page.add_init_script(RECORDER)
        page.on("console", self._console)

    def _console(self, message):
        text = message.text
        if message.type == "error" and ("Content Security Policy" in text or "Permissions-Policy" in text
                                        or "Permissions policy" in text):
            self.violations.append(f"{self.page.url}: {text}")

    def visit(self, path: str):
        self.page.goto(path)
        self.settle()

    def settle(self):
        self.page.wait_for_load_state("networkidle")
        self.violations += [f"{self.page.url}: {v}" for v in self.page.evaluate("(window.__csp || []).splice(0)")]

    def assert_clean(self):
        assert self.violations == [], "CSP violations:\n" + "\n".join(self.violations)


@pytest.fixture
def watch(page):
    return CspWatch(page)


def test_portal_pages_have_no_csp_violations(page, demo, watch):
    zaak = ZaakFactory(gemeente=demo["rotterdam"], initiator_bsn=BSN, statussen=["ontvangen", "in_behandeling"])
    receipt_create(zaak=zaak)
    for path in ("/", "/den-haag/", "/rotterdam/", "/hellevoetsluis/", "/rotterdam/inloggen/",
                 "/rotterdam/inloggen/digid/", "/rotterdam/inloggen/eherkenning/", "/rotterdam/bestaat-niet/"):
        watch.visit(path)
    digid_login(page, "rotterdam", BSN, next_path="/rotterdam/aanvragen/verhuizing/")
    watch.settle()
    # The move form, with its address look-up script, to the check page.
    fill_move(page, postcode="3035 AW", huisnummer=60)
    page.get_by_text("Gevonden:").wait_for()
    watch.settle()
    page.get_by_role("button", name="Naar controleren").click()
    page.wait_for_url("**/controleren/")
    watch.settle()
    for path in ("/rotterdam/mijn-zaken/", f"/rotterdam/mijn-zaken/{zaak.identificatie}/"):
        watch.visit(path)
    page.get_by_role("button", name="Uitloggen").click()
    watch.settle()
    eherkenning_login(page, "rotterdam", "68750110")
    watch.settle()
    watch.visit("/rotterdam/aanvragen/aangifte-overlijden/")
    watch.assert_clean()


def test_back_office_pages_have_no_csp_violations(page, demo, watch):
    call_command("backoffice_rechten", verbosity=0)
    verhuizing = file_move(bsn=BSN, postcode="3034CJ", huisnummer=50, days=3)  # an office: a task
    overlijden = file_death()
    watch.visit("/behandelen/")
    backoffice_login(page, "behandelaar-rotterdam")
    watch.settle()
    for path in ("/behandelen/taken/queue/", "/behandelen/taken/inbox/", "/behandelen/taken/archive/",
                 "/behandelen/zaken/", f"/behandelen/zaken/{verhuizing.zaak.pk}/",
                 f"/behandelen/zaken/{overlijden.zaak.pk}/", "/behandelen/werklijst/aangifte-overlijden/"):
        watch.visit(path)
    watch.visit("/behandelen/taken/queue/")
    page.get_by_role("row", name=re.compile(verhuizing.zaak.identificatie)).get_by_role(
        "link", name=re.compile(r"^#[0-9]+.[0-9]+$")).click()
    page.wait_for_url("**/assign/")
    watch.settle()
    page.get_by_role("button", name="Oppakken en doorgaan").click()
    page.wait_for_url("**/execute/")
    watch.settle()
    # A task form with an error (a rejection needs a reason).
    page.get_by_label("Afwijzen").check()
    page.get_by_role("button", name="Uitvoeren", exact=True).click()
    watch.settle()
    task = open_task(verhuizing, VerhuizingFlow.beoordelen)
    flow = f"/behandelen/taken/flows/verhuizing/{task.process_id}/"
    for path in (flow, f"{flow}beoordelen/{task.pk}/detail/", f"{flow}chart/", "/behandelen/taken/flows/verhuizing/",
                 "/behandelen/taken/flows/verhuizing/tasks/"):
        watch.visit(path)
    # The logout item sits in the folded user menu of the drawer.
    watch.visit("/behandelen/zaken/")
    logout = page.locator("form[action$='/logout/']")
    logout.wait_for(state="attached")
    logout.evaluate("form => form.requestSubmit()")
    page.wait_for_url("**/behandelen/**")
    watch.settle()
    watch.assert_clean()


def test_admin_has_no_csp_violations(page, demo, watch):
    watch.visit("/admin/login/")
    page.get_by_label("Gebruikersnaam").fill("beheer")
    page.get_by_label("Wachtwoord").fill("Samenloket-demo-2026")
    page.get_by_role("button", name=re.compile("Inloggen|Aanmelden")).click()
    watch.settle()
    for path in ("/admin/", "/admin/zaken/gemeente/", "/admin/zaken/gemeente/add/"):
        watch.visit(path)
    watch.assert_clean()


def test_the_watch_sees_a_violation(page, live_server):
    """The guard of the tests above: a page with an inline style under the same policy is caught."""
    watch = CspWatch(page)
    page.route("**/csp-probe/", lambda route: route.fulfill(
        status=200, content_type="text/html",
        headers={"Content-Security-Policy": "default-src 'self'; style-src 'self'"},
        body='<!DOCTYPE html><html lang="nl"><title>x</title><p style="color: red">rood</p></html>'))
    watch.visit("/csp-probe/")
    assert any("style-src" in v for v in watch.violations)
