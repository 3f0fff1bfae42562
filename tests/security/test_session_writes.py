"""Pages that change nothing write no session: the sliding inactivity limits (DigiD's 15 minutes for
citizens, the back office's for civil servants) store the last activity at most once a minute."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.session import SESSION_KEY

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime(2026, 3, 2, 9, 0))


def session_writes(queries) -> list[str]:
    return [q["sql"] for q in queries
            if "django_session" in q["sql"] and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))]


def get_counting_writes(client, *paths) -> int:
    with CaptureQueriesContext(connection) as queries:
        for path in paths:
            assert client.get(path).status_code == 200, path
    return len(session_writes(queries))


def test_citizen_pages_write_the_session_at_most_once_a_minute(client, demo):
    with time_machine.travel(START, tick=False) as traveller:
        client.post("/den-haag/inloggen/digid/", {"bsn": "999993653", "level": "midden"})
        traveller.shift(timedelta(seconds=59))
        assert get_counting_writes(client, "/den-haag/mijn-zaken/", "/den-haag/", "/den-haag/mijn-zaken/") == 0
        traveller.shift(timedelta(seconds=2))  # a minute after the stored activity: stored once
        assert get_counting_writes(client, "/den-haag/mijn-zaken/", "/den-haag/") == 1


def test_digid_limit_may_end_a_login_up_to_a_minute_early_never_late(client, demo, settings):
    assert settings.SESSION_INACTIVITY_SECONDS == 15 * 60
    with time_machine.travel(START, tick=False) as traveller:
        client.post("/den-haag/inloggen/digid/", {"bsn": "999993653", "level": "midden"})
        traveller.shift(timedelta(seconds=59))
        assert client.get("/den-haag/mijn-zaken/").status_code == 200  # activity not stored: under a minute
        traveller.shift(timedelta(seconds=14 * 60 + 2))  # 14:02 after the last request, 15:01 after the stored one
        response = client.get("/den-haag/mijn-zaken/")
        assert response.status_code == 302 and response["Location"].startswith("/den-haag/inloggen/")
        assert SESSION_KEY not in client.session


def test_digid_limit_holds_for_fifteen_minutes_after_a_stored_activity(client, demo):
    with time_machine.travel(START, tick=False) as traveller:
        client.post("/den-haag/inloggen/digid/", {"bsn": "999993653", "level": "midden"})
        traveller.shift(timedelta(seconds=61))
        assert client.get("/den-haag/mijn-zaken/").status_code == 200  # stored
        traveller.shift(timedelta(minutes=15))
        assert client.get("/den-haag/mijn-zaken/").status_code == 200
        traveller.shift(timedelta(minutes=15, seconds=1))
        assert client.get("/den-haag/mijn-zaken/").status_code == 302


def test_civil_servant_pages_write_the_session_at_most_once_a_minute(client, demo, settings):
    settings.BACKOFFICE_INACTIVITY_SECONDS = 30 * 60
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    with time_machine.travel(START, tick=False) as traveller:
        assert get_counting_writes(client, "/behandelen/zaken/") == 1  # the first activity
        traveller.shift(timedelta(seconds=59))
        assert get_counting_writes(client, "/behandelen/zaken/", "/behandelen/zaken/") == 0
        traveller.shift(timedelta(seconds=2))
        assert get_counting_writes(client, "/behandelen/zaken/", "/behandelen/zaken/") == 1
        # Early, never late: 29:02 after the last request is 30:01 after the stored activity.
        traveller.shift(timedelta(seconds=59))
        assert client.get("/behandelen/zaken/").status_code == 200
        traveller.shift(timedelta(minutes=29, seconds=2))
        assert client.get("/behandelen/zaken/").status_code == 302
