"""Playwright driving Debian's Chromium against the live test server, with axe-core checks."""

import os
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("SAMENLOKET_CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
# This machine has no outside network: keep Chromium from trying.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make there
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium package")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    """Run axe-core on the current page; returns the violations (empty is the only pass)."""
    # Through the DevTools protocol, not a <script> tag: the page's CSP allows no inline script.
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def assert_accessible(page, label: str = ""):
    violations = axe_violations(page)
    assert violations == [], f"axe-core violations on {label or page.url}: {violations}"


def screenshot(page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
