"""The art. 16 Wlb window (36 hours .. 6th working day) and the marital status, as pure functions."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from zaken.forms.overlijden.rules import burgerlijke_staat, uitvaartvenster
from zaken.processes.overlijden.definition import DEFAULT_TERMS

pytestmark = pytest.mark.django_db  # the Atw calendar reads the decree days (art. 3 lid 3)

AMS = ZoneInfo("Europe/Amsterdam")


def window(*args):
    return uitvaartvenster(overleden_op=datetime(*args, tzinfo=AMS), terms=DEFAULT_TERMS)


@pytest.mark.parametrize("death, last_day", [
    # Thursday before Easter: neither Good Friday (Atw art. 3 lid 2) nor Easter Monday counts.
    ((2026, 4, 2, 10, 0), date(2026, 4, 14)),
    # New Year's Eve (Thursday): 1 January and the weekend do not count.
    ((2026, 12, 31, 23, 30), date(2027, 1, 11)),
    # A Friday: the weekend does not count, the day of death itself never does.
    ((2026, 11, 20, 20, 0), date(2026, 11, 30)),
    # Before Koningsdag 2026 (Monday 27 April) and 5 May (Atw, every year).
    ((2026, 4, 24, 9, 0), date(2026, 5, 6)),
])
def test_last_day_is_sixth_working_day_after_death(death, last_day):
    assert window(*death).uiterlijk == last_day


def test_earliest_is_36_hours_after_death():
    v = window(2026, 11, 20, 20, 0)  # Friday evening
    assert v.vroegst == datetime(2026, 11, 22, 8, 0, tzinfo=AMS)  # Sunday morning
    assert v.beoordeel(v.vroegst) == ""
    assert v.beoordeel(v.vroegst - timedelta(minutes=1)) == "verkorting"


def test_the_whole_last_day_is_allowed():
    v = window(2026, 4, 2, 10, 0)
    assert v.beoordeel(datetime(2026, 4, 14, 23, 0, tzinfo=AMS)) == ""
    assert v.beoordeel(datetime(2026, 4, 15, 9, 0, tzinfo=AMS)) == "uitstel"


def test_terms_are_configuration():
    v = uitvaartvenster(overleden_op=datetime(2026, 11, 20, 20, 0, tzinfo=AMS),
                        terms={**DEFAULT_TERMS, "uitvaart_vroegst_uren": 24, "uitvaart_uiterlijk_werkdagen": 5})
    assert v.vroegst.day == 21 and v.uiterlijk == date(2026, 11, 27)


def test_marital_status():
    assert burgerlijke_staat({}) == "ongehuwd en nooit geregistreerd partner geweest"
    assert burgerlijke_staat({"partners": [{"soortVerbintenis": {"code": "H"}}]}) == "gehuwd"
    assert burgerlijke_staat({"partners": [{"soortVerbintenis": {"code": "P"}}]}) == "geregistreerd partner"
    assert "beëindigd" in burgerlijke_staat({"partners": [{"soortVerbintenis": {"code": "H"},
                                                           "ontbindingHuwelijkPartnerschap": {"datum": {}}}]})
