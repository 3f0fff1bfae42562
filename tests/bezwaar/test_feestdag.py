"""The bezwaar window closing on a holiday: Atw art. 1 carries the last day to the next working day, and
the tracker keeps the form open until the end of that day, not a day longer."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.logins import burger
from zaken.processes.bezwaar.models import Bezwaar

from .conftest import ESTRELLA
from .helpers import bezwaar_data, detail_url, form_url

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = pytest.mark.django_db


def open_op(zaak, day: date) -> bool:
    with time_machine.travel(datetime(day.year, day.month, day.day, 16, tzinfo=AMS), tick=False):
        client = burger(ESTRELLA)
        page = client.get(form_url(zaak)).content.decode()
        detail = client.get(detail_url(zaak)).content.decode()
    is_open = "Bezwaar versturen" in page
    assert is_open == (form_url(zaak) in detail)  # the tracker links the form exactly while it is open
    return is_open


@pytest.mark.parametrize("verzonden, feestdag, laatste, dicht", [
    # Friday 14 November 2025 + 6 weeks = Tweede Kerstdag (Friday 26 December), then a weekend: Monday 29th.
    (date(2025, 11, 14), date(2025, 12, 26), date(2025, 12, 29), date(2025, 12, 30)),
    # Tuesday 16 March 2027 + 6 weeks = Koningsdag (Tuesday 27 April 2027): Wednesday 28 April.
    (date(2027, 3, 16), date(2027, 4, 27), date(2027, 4, 28), date(2027, 4, 29)),
])
def test_bezwaar_window_closing_on_a_holiday(afgewezen, django_capture_on_commit_callbacks,
                                             verzonden, feestdag, laatste, dicht):
    with time_machine.travel(datetime(verzonden.year, verzonden.month, verzonden.day, 11, tzinfo=AMS), tick=False):
        zaak = afgewezen()
    assert zaak.besluiten.get().verzenddatum == verzonden
    assert open_op(zaak, feestdag)
    assert open_op(zaak, laatste)
    assert not open_op(zaak, dicht)
    with time_machine.travel(datetime(dicht.year, dicht.month, dicht.day, 9, tzinfo=AMS), tick=False):
        response = burger(ESTRELLA).post(form_url(zaak), bezwaar_data())
    assert response.status_code == 400 and not Bezwaar.objects.exists()
    with time_machine.travel(datetime(laatste.year, laatste.month, laatste.day, 23, 59, tzinfo=AMS), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        response = burger(ESTRELLA).post(form_url(zaak), bezwaar_data())
    assert response.status_code == 302 and Bezwaar.objects.count() == 1
