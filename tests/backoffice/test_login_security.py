"""The civil servants' login is throttled (django-axes), and a silent session ends after the limit."""

from datetime import timedelta

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

LOGIN = "/behandelen/accounts/login/"


def _fail(client, username="anna"):
    return client.post(LOGIN, {"username": username, "password": "verkeerd", "next": "/behandelen/zaken/"})


@override_settings(AXES_FAILURE_LIMIT=3)
def test_login_locks_after_the_failure_limit_for_that_username_and_address(client, medewerker_a, medewerker_b):
    for _ in range(2):
        assert _fail(client).status_code == 200  # the form again, with its error
    response = _fail(client)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in html and "3 keer een verkeerd wachtwoord" in html
    assert "Probeer het over 15 minuten opnieuw" in html
    # Locked: even the right password does not get in now.
    response = client.post(LOGIN, {"username": "anna", "password": "x", "next": "/behandelen/zaken/"})
    assert response.status_code == 429
    assert client.get("/behandelen/zaken/").status_code == 302
    # Another username from the same address, and the same username from another address, still may.
    assert client.post(LOGIN, {"username": "bert", "password": "x"}).status_code == 302
    client.logout()
    assert client.post(LOGIN, {"username": "anna", "password": "x"}, REMOTE_ADDR="10.0.0.9").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_lock_ends_after_the_cool_off(client, medewerker_a):
    for _ in range(3):
        _fail(client)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert client.post(LOGIN, {"username": "anna", "password": "x"}).status_code == 302


@override_settings(BACKOFFICE_INACTIVITY_SECONDS=30 * 60)
def test_civil_servant_session_slides_and_ends_after_30_minutes_of_silence(client, medewerker_a):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert client.post(LOGIN, {"username": "anna", "password": "x"}).status_code == 302
        assert client.get("/behandelen/zaken/").status_code == 200
    for minutes in (20, 40, 60):  # each request within 30 minutes of the one before: still in
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert client.get("/behandelen/zaken/").status_code == 200
    with time_machine.travel(start + timedelta(minutes=90, seconds=1), tick=False):
        response = client.get("/behandelen/zaken/")
        assert response.status_code == 302 and response["Location"].startswith(LOGIN)
        page = client.get(response["Location"]).content.decode()
        assert "30 minuten niets hebt gedaan" in page
        assert "_auth_user_id" not in client.session
        assert client.get("/behandelen/zaken/").status_code == 302


@pytest.mark.parametrize("seconds", [10 * 60])
def test_inactivity_limit_is_configurable(client, medewerker_a, settings, seconds):
    settings.BACKOFFICE_INACTIVITY_SECONDS = seconds
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(LOGIN, {"username": "anna", "password": "x"})
        assert client.get("/behandelen/zaken/").status_code == 200
    with time_machine.travel(start + timedelta(seconds=seconds + 1), tick=False):
        assert client.get("/behandelen/zaken/").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=2, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_lock_counts_the_forwarded_client_address(client, medewerker_a):
    attacker = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7"}
    for _ in range(2):
        client.post(LOGIN, {"username": "anna", "password": "verkeerd"}, **attacker)
    assert client.post(LOGIN, {"username": "anna", "password": "x"}, **attacker).status_code == 429
    # The same proxy, another client (and a forged left-hand entry does not help the attacker).
    colleague = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7, 198.51.100.20"}
    assert client.post(LOGIN, {"username": "anna", "password": "x"}, **colleague).status_code == 302
    forged = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.20, 203.0.113.7"}
    client.logout()
    assert client.post(LOGIN, {"username": "anna", "password": "x"}, **forged).status_code == 429
