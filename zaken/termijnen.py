"""The calendar of the Algemene termijnenwet (Atw), for every term of every process.

- Non-working days (art. 3): Saturday, Sunday, the holidays of lid 1 (Nieuwjaarsdag, tweede Paas- en
  Pinksterdag, both Christmas days, Hemelvaartsdag, Koningsdag and 5 May every year), Goede Vrijdag
  (lid 2) and the days a Royal Decree adds (lid 3, kept as data: AtwBesluitdag). The `holidays`
  package gives the movable feasts and Koningsdag's Sunday rule; it lists 5 May only in lustrum
  years, so that day is added here. Local closing days (carnaval, a biddag) are working days.
- Art. 1: a statutory term that ends on a non-working day runs on to the next working day.
- Hours are elapsed time, so they are added in UTC; "the day" of a moment is its date in Dutch
  local time, whatever time zone the value came in.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

NL_TIME = ZoneInfo("Europe/Amsterdam")
# Other processes see an edit in the admin within this many seconds; the editing one at once.
DECREE_DAYS_TTL = 300
LID_1 = {"New Year's Day", "Easter Monday", "Pentecost Monday", "Christmas Day", "Second Day of Christmas",
         "Ascension Day", "King's Day", "Liberation Day"}
LID_2 = {"Good Friday"}


@lru_cache(maxsize=64)
def atw_feestdagen(year: int) -> frozenset[date]:
    """Art. 3 lid 1 and 2: the generally recognised holidays and Goede Vrijdag of `year`."""
    days = {d for d, name in holidays.NL(years=year, language="en_US").items() if name in LID_1 | LID_2}
    days.add(date(year, 5, 5))
    return frozenset(days)


_decree_cache: tuple[float, frozenset[date]] | None = None


def besluitdagen() -> frozenset[date]:
    """Art. 3 lid 3: the days a Royal Decree puts on a par with the holidays (from the database)."""
    global _decree_cache
    if _decree_cache is None or time.monotonic() - _decree_cache[0] > DECREE_DAYS_TTL:
        from .models import AtwBesluitdag  # the model module imports nothing of this one

        _decree_cache = (time.monotonic(), frozenset(AtwBesluitdag.objects.values_list("datum", flat=True)))
    return _decree_cache[1]


def besluitdagen_vergeten(**kwargs) -> None:
    """Drop the cached decree days (after an edit in the admin, or in tests)."""
    global _decree_cache
    _decree_cache = None


def is_werkdag(day: date) -> bool:
    return day.weekday() < 5 and day not in atw_feestdagen(day.year) and day not in besluitdagen()


def werkdagen_na(start: date, n: int) -> date:
    """The n-th working day after `start` (start itself does not count)."""
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if is_werkdag(day):
            counted += 1
    return day


def werkdagen_tussen(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`."""
    return sum(1 for i in range(1, (end - start).days + 1) if is_werkdag(start + timedelta(days=i)))


def maanden_na(start: date, n: int) -> date:
    """The day with the same number `n` months after `start`; the month's last day when it has none
    (31 January + 1 month: 28 or 29 February), as months are counted in civil and administrative law."""
    month = start.month - 1 + n
    year, month = start.year + month // 12, month % 12 + 1
    for day in range(start.day, 27, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, start.day)


def atw_verlengd(day: date) -> date:
    """Art. 1 Atw: the last day of a statutory term, moved on past Saturdays, Sundays and holidays."""
    while not is_werkdag(day):
        day += timedelta(days=1)
    return day


def lokale_dag(moment: datetime) -> date:
    """The date of an aware moment in Dutch local time."""
    return moment.astimezone(NL_TIME).date()


def uren_na(moment: datetime, hours: float) -> datetime:
    """`hours` of elapsed time after an aware moment: across a DST change the wall clock shows 35 or 37."""
    return (moment.astimezone(UTC) + timedelta(hours=hours)).astimezone(NL_TIME)
