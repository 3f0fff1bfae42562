"""The move's check page confirms the draft it showed, and a draft is filed once."""

import pytest

from tests.eform_check import fingerprint_of
from zaken.models import Zaak
from zaken.processes.verhuizing.models import Verhuizing

pytestmark = pytest.mark.django_db

FORM = "/rotterdam/aanvragen/verhuizing/"
CHECK = FORM + "controleren/"
SUZANNE = "999993653"


def test_draft_changed_in_another_tab_is_not_filed(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    assert client.post(FORM, move_form(email="eerste@example.nl")).status_code == 302
    first_tab = client.get(CHECK)
    assert "eerste@example.nl" in first_tab.content.decode()
    assert client.post(FORM, move_form(email="tweede@example.nl")).status_code == 302  # the second tab
    response = client.post(CHECK, {"vingerafdruk": fingerprint_of(first_tab)})
    html = response.content.decode()
    assert response.status_code == 409 and "gewijzigd" in html and "tweede@example.nl" in html
    assert not Zaak.objects.exists()
    response = client.post(CHECK, {"vingerafdruk": fingerprint_of(response)})
    assert response.status_code == 302 and response["Location"].endswith("/verzonden/")
    assert Verhuizing.objects.get().email == "tweede@example.nl"


def test_a_check_page_without_fingerprint_files_nothing(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    client.post(FORM, move_form())
    assert client.post(CHECK, {"vingerafdruk": "0" * 64}).status_code == 409
    assert not Zaak.objects.exists()


def test_a_second_submit_sees_the_first_result(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    client.post(FORM, move_form())
    check = client.get(CHECK)
    first = client.post(CHECK, {"vingerafdruk": fingerprint_of(check)})
    assert first.status_code == 302 and first["Location"].endswith("/verzonden/")
    again = client.post(CHECK, {"vingerafdruk": fingerprint_of(check)})  # double click, back button
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert Zaak.objects.count() == 1
    assert Zaak.objects.get().identificatie in client.get(again["Location"]).content.decode()


def test_filing_runs_once_per_draft_key(demo):
    """The claim behind it: a repeat with the same key gets the first case and files nothing."""
    from tests.factories import ZaakFactory
    from zaken.concepten import indiening_eenmalig

    calls = []

    def indienen():
        calls.append(1)
        return ZaakFactory(gemeente=demo["rotterdam"])

    first, new = indiening_eenmalig(sleutel="5f0c1d8e9a6b4c3d8e7f6a5b4c3d2e1f", indienen=indienen)
    again, again_new = indiening_eenmalig(sleutel="5f0c1d8e9a6b4c3d8e7f6a5b4c3d2e1f", indienen=indienen)
    assert new and not again_new and again == first and len(calls) == 1
