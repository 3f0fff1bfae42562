"""axe-core on the civil servant's pages: login, work queue, a task form, case list, dossier, work list."""

import re

import pytest
from django.core.management import call_command

from tests.verhuizing.helpers import file_move

from .conftest import assert_accessible, screenshot
from .test_verhuizing import backoffice_login

pytestmark = pytest.mark.django_db(transaction=True)


def test_backoffice_pages_are_accessible(page, demo):
    call_command("backoffice_rechten", verbosity=0)
    verhuizing = file_move(bsn="999993653", postcode="3034CJ", huisnummer=50, days=3)  # an office: a task
    page.goto("/behandelen/")
    assert_accessible(page, "inloggen medewerker")
    backoffice_login(page, "behandelaar-rotterdam")
    for path in ("/behandelen/taken/queue/", "/behandelen/taken/inbox/", "/behandelen/zaken/",
                 f"/behandelen/zaken/{verhuizing.zaak.pk}/", "/behandelen/werklijst/aangifte-overlijden/"):
        page.goto(path)
        assert_accessible(page, path)
    page.goto("/behandelen/taken/queue/")
    page.get_by_role("row", name=re.compile(verhuizing.zaak.identificatie)).get_by_role(
        "link", name=re.compile(r"^#[0-9]+.[0-9]+$")).click()
    page.wait_for_url("**/assign/")
    assert_accessible(page, "taak oppakken")
    page.get_by_role("button", name="Oppakken en doorgaan").click()
    page.wait_for_url("**/execute/")
    assert_accessible(page, "taak Beoordelen")
    screenshot(page, "behandelen-taak")
