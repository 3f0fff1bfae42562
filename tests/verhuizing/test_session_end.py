"""The end of a session takes everything with it: login, e-form drafts and their uploads.

Written as people use a shared browser: they log in through the login pages and fill the form.
"""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.session import SESSION_KEY
from tests.eform_check import fingerprint_of
from zaken.models import Zaak

pytestmark = pytest.mark.django_db

FORM = "/rotterdam/aanvragen/verhuizing/"
CHECK = FORM + "controleren/"
SUZANNE = "999993653"  # Rotterdam, lives alone
JOHAN = "999999345"  # Rotterdam, with a household
SECRET_MAIL = "suzanne.prive@example.nl"
SECRET_PHONE = "06 11223344"


def log_in(client, bsn):
    response = client.post("/rotterdam/inloggen/digid/", {"bsn": bsn, "level": "midden", "next": FORM})
    assert response.status_code == 302 and SESSION_KEY in client.session
    return response


def fill_to_check_page(client, move_form):
    """Suzanne fills in the form with a consent upload and lands on the check page."""
    consent = SimpleUploadedFile("toestemming.pdf", b"%PDF-1.7 toestemming", content_type="application/pdf")
    response = client.post(FORM, {**move_form(email=SECRET_MAIL, telefoon=SECRET_PHONE, inwoning="ja"),
                                  "toestemming": consent})
    assert response.status_code == 302 and response["Location"].endswith("/controleren/")
    check = client.get(CHECK)
    assert SECRET_MAIL in check.content.decode()
    return check


def draft_uploads(client) -> list[str]:
    """Where the draft's consent is stored (read from the server-side session, as an attacker cannot)."""
    toestemming = (client.session.get("verhuizing.concept") or {}).get("toestemming")
    return [toestemming["pad"]] if toestemming else []


def assert_nothing_of_suzanne(client):
    form = client.get(FORM)
    assert form.status_code == 200
    assert SECRET_MAIL not in form.content.decode() and SECRET_PHONE not in form.content.decode()
    assert "toestemming.pdf" not in form.content.decode()
    check = client.get(CHECK)
    assert check.status_code == 302 and check["Location"].endswith(FORM)


def test_second_person_on_the_same_browser_sees_nothing_of_the_first(client, demo, move_form):
    log_in(client, SUZANNE)
    check = fill_to_check_page(client, move_form)
    uploads = draft_uploads(client)
    assert uploads and all(default_storage.exists(p) for p in uploads)
    assert client.post("/rotterdam/uitloggen/").status_code == 302
    assert not any(default_storage.exists(p) for p in uploads)
    assert not any(k.startswith(("verhuizing.", "overlijden.")) for k in client.session.keys())

    log_in(client, JOHAN)
    assert_nothing_of_suzanne(client)
    # Even a POST of the check page with what Suzanne's page carried files nothing of hers.
    response = client.post(CHECK, {"vingerafdruk": fingerprint_of(check)})
    assert response.status_code == 302 and not Zaak.objects.exists()
    assert SECRET_MAIL not in client.get(response["Location"]).content.decode()


def test_a_new_login_without_logout_starts_an_empty_session(client, demo, move_form):
    log_in(client, SUZANNE)
    fill_to_check_page(client, move_form)
    uploads = draft_uploads(client)
    log_in(client, JOHAN)  # straight to the login page, no logout
    assert not any(default_storage.exists(p) for p in uploads)
    assert_nothing_of_suzanne(client)


def test_a_draft_is_refused_for_another_identity(client, demo, move_form, digid_login):
    """Should a draft outlive its login in some other way, it is still only its maker's."""
    digid_login(SUZANNE)
    check = fill_to_check_page(client, move_form)
    uploads = draft_uploads(client)
    digid_login(JOHAN)  # a different login in the same session, without the login page's flush
    assert_nothing_of_suzanne(client)
    assert not any(default_storage.exists(p) for p in uploads)  # the foreign draft is deleted
    assert client.post(CHECK, {"vingerafdruk": fingerprint_of(check)}).status_code == 302
    assert not Zaak.objects.exists()


def test_sliding_session_holds_with_activity_and_ends_after_silence(client, demo, move_form):
    start = timezone.make_aware(datetime(2026, 3, 2, 9, 0))
    with time_machine.travel(start, tick=False) as traveller:
        log_in(client, SUZANNE)
        traveller.shift(timedelta(minutes=10))
        assert client.get("/rotterdam/mijn-zaken/").status_code == 200
        traveller.shift(timedelta(minutes=10))  # 20 minutes after login: still in, the limit slides
        assert client.get("/rotterdam/mijn-zaken/").status_code == 200
        fill_to_check_page(client, move_form)
        uploads = draft_uploads(client)
        traveller.shift(timedelta(minutes=15, seconds=1))
        response = client.get(CHECK)
        assert response.status_code == 302 and "/inloggen/" in response["Location"]
        assert "15 minuten niet actief" in client.get(response["Location"]).content.decode()
        assert SESSION_KEY not in client.session
        assert not any(default_storage.exists(p) for p in uploads)  # the draft went with the session
        log_in(client, SUZANNE)  # even the same person starts again
        assert SECRET_MAIL not in client.get(FORM).content.decode()
