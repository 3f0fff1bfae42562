import time
from datetime import datetime, timedelta

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from portal.session import ACTIVITY_KEY, SESSION_KEY

pytestmark = pytest.mark.django_db


def test_digid_mock_asks_bsn_and_level(client, demo):
    html = client.get("/den-haag/inloggen/digid/").content.decode()
    assert "Burgerservicenummer" in html and "Betrouwbaarheidsniveau" in html
    for level in ("Basis", "Midden", "Substantieel", "Hoog"):
        assert f"DigiD {level}" in html


def test_digid_login_shows_brp_name_and_logout(client, demo):
    response = client.post("/den-haag/inloggen/digid/?next=/den-haag/mijn-zaken/",
                           {"bsn": "999993653", "level": "midden", "next": "/den-haag/mijn-zaken/"})
    assert response.status_code == 302 and response["Location"] == "/den-haag/mijn-zaken/"
    page = client.get("/den-haag/mijn-zaken/").content.decode()
    assert "Suzanne" in page and "Moulin" in page and "Uitloggen" in page
    assert client.session[SESSION_KEY]["bsn"] == "999993653"
    client.post("/den-haag/uitloggen/")
    assert SESSION_KEY not in client.session


def test_invalid_bsn_gets_dutch_error_and_no_login(client, demo):
    response = client.post("/den-haag/inloggen/digid/", {"bsn": "123456789", "level": "midden"})
    assert response.status_code == 200
    assert "geen geldig burgerservicenummer" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_eherkenning_mock_fields(client, demo):
    html = client.get("/den-haag/inloggen/eherkenning/").content.decode()
    assert "KvK-nummer" in html and "Vestigingsnummer" in html and "Betrouwbaarheidsniveau" in html
    for level in ("EH2", "EH2+", "EH3", "EH4"):
        assert f"eHerkenning {level}<" in html


def test_unknown_kvk_is_refused(client, demo):
    response = client.post("/den-haag/inloggen/eherkenning/", {"kvk_nummer": "12345678", "level": "EH3"})
    assert "niet bekend bij de Kamer van Koophandel" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_tampered_next_only_redirects_locally(client, demo):
    for evil in ("https://evil.example/", "//evil.example/", "/rotterdam/mijn-zaken/", "javascript:alert(1)"):
        response = client.post("/den-haag/inloggen/digid/", {"bsn": "999993653", "level": "midden", "next": evil})
        assert response.status_code == 302
        assert response["Location"] == "/den-haag/mijn-zaken/", evil


def test_cancel_goes_back_with_message(client, demo):
    response = client.post("/den-haag/inloggen/digid/", {"annuleren": "1"}, follow=True)
    assert "geannuleerd" in response.content.decode()
    assert SESSION_KEY not in client.session


@override_settings(MOCK_UNAVAILABLE={"brp"})
def test_login_works_when_brp_is_down(client, demo):
    response = client.post("/den-haag/inloggen/digid/", {"bsn": "999993653", "level": "midden"}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "konden nu niet worden opgehaald" in html and "Uitloggen" in html


def test_inactivity_ends_session_and_returns_after_login(client, demo, digid_login):
    digid_login("999993653")
    session = client.session
    session[ACTIVITY_KEY] = time.time() - 16 * 60
    session.save()
    response = client.get("/den-haag/mijn-zaken/")
    assert response.status_code == 302
    assert response["Location"] == "/den-haag/inloggen/?next=%2Fden-haag%2Fmijn-zaken%2F"
    page = client.get(response["Location"]).content.decode()
    assert "15 minuten niet actief" in page
    back = client.post("/den-haag/inloggen/digid/", {"bsn": "999993653", "level": "midden",
                                                     "next": "/den-haag/mijn-zaken/"})
    assert back["Location"] == "/den-haag/mijn-zaken/"


def test_activity_keeps_session_alive(client, demo, digid_login):
    digid_login("999993653")
    session = client.session
    session[ACTIVITY_KEY] = time.time() - 14 * 60
    session.save()
    assert client.get("/den-haag/mijn-zaken/").status_code == 200


def test_sliding_session_holds_with_activity_and_ends_after_silence(client, demo):
    start = timezone.make_aware(datetime(2026, 3, 2, 9, 0))
    with time_machine.travel(start, tick=False) as traveller:
        client.post("/den-haag/inloggen/digid/", {"bsn": "999993653", "level": "midden"})
        for _minute in (10, 20):  # 20 minutes after login: the limit slides with every request
            traveller.shift(timedelta(minutes=10))
            assert client.get("/den-haag/mijn-zaken/").status_code == 200
        traveller.shift(timedelta(minutes=15))
        assert client.get("/den-haag/mijn-zaken/").status_code == 200  # exactly the limit still holds
        traveller.shift(timedelta(minutes=15, seconds=1))
        response = client.get("/den-haag/mijn-zaken/")
        assert response.status_code == 302 and response["Location"].startswith("/den-haag/inloggen/")
        assert SESSION_KEY not in client.session
        assert "15 minuten niet actief" in client.get(response["Location"]).content.decode()


def test_session_key_rotates_on_login(client, demo):
    client.get("/den-haag/inloggen/digid/")
    before = client.session.session_key
    client.post("/den-haag/inloggen/digid/", {"bsn": "999993653", "level": "midden"})
    assert client.session.session_key != before
