"""Dutch terms: working days under the Algemene termijnenwet (Atw) and calendar helpers.

Atw art. 3: the generally recognised holidays are Nieuwjaarsdag, tweede Paas- en Pinksterdag, both
Christmas days, Hemelvaartsdag, Koningsdag and 5 May (every year). The `holidays` package gives
the movable feasts and Koningsdag's Sunday rule; its NL calendar also lists Goede Vrijdag (not an
Atw holiday) and 5 May only in lustrum years, so both are corrected here.
"""

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def atw_feestdagen(year: int) -> frozenset[date]:
    days = {d for d, name in holidays.NL(years=year, language="en_US").items() if name != "Good Friday"}
    days.add(date(year, 5, 5))
    return frozenset(days)


def is_werkdag(day: date) -> bool:
    return day.weekday() < 5 and day not in atw_feestdagen(day.year)


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
