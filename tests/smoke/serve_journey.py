"""One journey through a running `make serve` stack, as a person would walk it (not a pytest module).

    .venv/bin/python tests/smoke/serve_journey.py [--url http://127.0.0.1:8000]

DigiD login (over SAML at the stack's local IdP, or the one-page mock with SERVE_LOGIN=mock), the move form, the receipt that the Celery worker renders (the tracker is
reloaded until its PDF appears, then downloaded), and the tracker; a driving-licence renewal paid
on the payment mock, its webhook and RDW order handled by the worker; on every page the
"testomgeving" banner and axe-core. Then a civil servant's login to the back office. Prints one
line per step with its time and exits non-zero on the first failure. `.ci/run` calls it through
scripts/serve_smoke.sh.
"""

import argparse
import os
import sys
import time
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("SAMENLOKET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
# Martinus de Beer (Rotterdam, single, no demo cases) moves to a vacant dwelling in Rotterdam.
BSN = "999990378"
# Suzanne Moulin (Rotterdam) renews her licence: photo and signature are with the RDW mock.
RIJBEWIJS_BSN = "999993653"
RECEIPT_TIMEOUT = 180


class JourneyFailed(AssertionError):
    pass


def check(condition, message):
    if not condition:
        raise JourneyFailed(message)


def page_ok(page, label):
    """The banner says this is a test, and axe-core finds nothing on the page."""
    check(page.get_by_role("region", name="Testomgeving").is_visible(), f"{label}: no testomgeving banner")
    page.evaluate(AXE_JS.read_text())  # an injected <script> tag would be refused by the CSP
    result = page.evaluate(f"async () => await axe.run(document, {{resultTypes: ['violations']}})")
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    check(not violations, f"{label}: axe-core violations {violations}")
    page.screenshot(path=str(ARTIFACTS / f"serve-{label.replace(' ', '-')}.png"), full_page=True)


def digid_login(page, bsn, level=""):
    """From the login choice: the local SAML IdP's page when the stack logs in over SAML, else the mock's."""
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.wait_for_load_state()
    saml = "/digid/idp/" in page.url
    print(f"  login: {'SAML, local IdP' if saml else 'one-page mock'}", flush=True)
    page.get_by_label("Burgerservicenummer").fill(bsn)
    if level:
        page.get_by_label(level if saml else f"DigiD {level.capitalize()}", exact=saml).check()
    page.get_by_role("button", name="Inloggen", exact=True).click()


def journey(page):
    with step("home"):
        response = page.goto("/")
        check(response.ok, f"/ answered {response.status}")
        page_ok(page, "home")

    with step("DigiD login"):
        page.goto("/rotterdam/")
        page.get_by_role("link", name="Verhuismelding").click()
        digid_login(page, BSN)
        page.wait_for_url("**/rotterdam/aanvragen/verhuizing/")
        page_ok(page, "verhuisformulier")

    with step("move form submitted"):
        page.get_by_label("Postcode").fill("3035 AW")
        page.get_by_label("Huisnummer", exact=True).fill("60")
        page.get_by_label("Huisletter (optioneel)").click()  # leaving the field runs the BAG lookup
        page.get_by_text("Gevonden:").wait_for()
        page.get_by_label("Verhuisdatum").fill((date.today() + timedelta(days=10)).isoformat())
        page.get_by_label("E-mailadres").fill("martinus@example.nl")
        page.get_by_label("Ik verklaar dat ik dit formulier naar waarheid heb ingevuld.").check()
        page.get_by_role("button", name="Naar controleren").click()
        page.wait_for_url("**/controleren/")
        page_ok(page, "controleren")
        page.get_by_role("button", name="Verhuizing versturen").click()
        page.wait_for_url("**/verzonden/")
        page_ok(page, "verzonden")

    with step("tracker"):
        page.get_by_role("link", name="Bekijk uw zaak op Mijn zaken").click()
        page.wait_for_url("**/mijn-zaken/**")
        check(page.get_by_text("Ingepland op verhuisdatum").first.is_visible(), "tracker: status not shown")
        page_ok(page, "tracker")

    with step("receipt rendered by the worker"):
        link = page.get_by_role("link", name="Ontvangstbevestiging")
        deadline = time.monotonic() + RECEIPT_TIMEOUT
        while not link.count():
            check(time.monotonic() < deadline, f"no receipt on the tracker after {RECEIPT_TIMEOUT} s")
            time.sleep(2)
            page.reload()
        with page.expect_download() as download:
            link.click()
        pdf = Path(download.value.path()).read_bytes()
        check(pdf.startswith(b"%PDF-"), "the receipt is not a PDF")
        print(f"  receipt: {len(pdf)} bytes", flush=True)

    with step("logout"):
        page.get_by_role("button", name="Uitloggen").click()
        page.wait_for_load_state()

    with step("rijbewijs: DigiD Substantieel, form, check page"):
        page.goto("/rotterdam/")
        page.get_by_role("link", name="Rijbewijs verlengen").click()
        digid_login(page, RIJBEWIJS_BSN, level="substantieel")
        page.wait_for_url("**/rotterdam/aanvragen/rijbewijs/")
        page_ok(page, "rijbewijsformulier")
        page.get_by_label("Stadswinkel Centrum").check()
        page.get_by_label("E-mailadres").fill("suzanne@example.nl")
        page.get_by_label("Ik verklaar dat de pasfoto").check()
        page.get_by_role("button", name="Verder naar controleren").click()
        page.wait_for_url("**/controleren/")
        page_ok(page, "rijbewijs controleren")
        page.get_by_role("button", name="Versturen en betalen").click()
        page.wait_for_url("**/betalen/mock/**")

    with step("rijbewijs: paid, ordered by the worker"):
        page.get_by_role("button", name="Betalen", exact=True).click()
        page.wait_for_url("**/mijn-zaken/**")
        # The worker takes the webhook and the RDW order, and renders the receipt and the betaalbewijs.
        deadline = time.monotonic() + RECEIPT_TIMEOUT
        while not (page.get_by_role("link", name="Betaalbewijs").count()
                   and page.get_by_role("link", name="Ontvangstbevestiging").count()
                   and page.get_by_text("In productie bij RDW").count()):
            check(time.monotonic() < deadline, f"not ordered with receipts after {RECEIPT_TIMEOUT} s")
            time.sleep(2)
            page.reload()
        page_ok(page, "rijbewijs tracker")
        page.get_by_role("button", name="Uitloggen").click()
        page.wait_for_load_state()

    with step("back office login"):
        page.goto("/behandelen/")
        page_ok(page, "inloggen behandelen")
        page.get_by_label("Gebruikersnaam").fill("behandelaar-rotterdam")
        page.get_by_label("Wachtwoord").fill("Samenloket-demo-2026")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(lambda url: "login" not in url)
        page_ok(page, "werkvoorraad")


@contextmanager
def step(name):
    """One step of the journey: its name and time on one line, FAIL when it raised."""
    t0 = time.monotonic()
    try:
        yield
    except BaseException:
        print(f"FAIL {name} ({time.monotonic() - t0:.1f} s)", flush=True)
        raise
    print(f"ok   {name} ({time.monotonic() - t0:.1f} s)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=f"http://127.0.0.1:{os.environ.get('PORT', '8000')}")
    args = parser.parse_args()
    started = time.monotonic()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(base_url=args.url, locale="nl-NL", accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(30_000)
        try:
            journey(page)
        except Exception as exc:  # noqa: BLE001  (any failure ends the smoke run with its reason)
            page.screenshot(path=str(ARTIFACTS / "serve-journey-failure.png"), full_page=True)
            print(f"serve journey failed at {page.url}: {exc}", file=sys.stderr)
            return 1
        finally:
            browser.close()
    print(f"serve journey passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
