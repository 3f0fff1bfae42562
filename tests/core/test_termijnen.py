from datetime import date

import pytest

from zaken.termijnen import atw_feestdagen, is_werkdag, werkdagen_na, werkdagen_tussen


def test_atw_holidays_2026():
    days = atw_feestdagen(2026)
    assert date(2026, 4, 3) not in days  # Goede Vrijdag is no Atw holiday
    assert date(2026, 5, 5) in days  # 5 May counts every year, not only in lustrum years
    assert {date(2026, 4, 6), date(2026, 4, 27), date(2026, 5, 14), date(2026, 5, 25),
            date(2026, 12, 25), date(2026, 12, 26), date(2026, 1, 1)} <= days


@pytest.mark.parametrize("start,n,expected", [
    (date(2026, 4, 2), 6, date(2026, 4, 13)),   # Thursday before Easter: Easter Monday is skipped
    (date(2026, 12, 31), 6, date(2027, 1, 11)),  # New Year's Day on a Friday, then a weekend
    (date(2026, 11, 20), 1, date(2026, 11, 23)),  # Friday -> Monday
    (date(2026, 5, 4), 1, date(2026, 5, 6)),  # 5 May is skipped
])
def test_werkdagen_na(start, n, expected):
    assert werkdagen_na(start, n) == expected


def test_werkdagen_tussen_and_is_werkdag():
    assert not is_werkdag(date(2026, 11, 22))  # Sunday
    assert is_werkdag(date(2026, 11, 23))
    assert werkdagen_tussen(date(2026, 4, 2), date(2026, 4, 13)) == 6


def test_draft_uploads_are_removed_after_a_day(db, settings, tmp_path):
    import os
    from datetime import timedelta

    import time_machine
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone

    from zaken.timers import concepten_opruimen

    # A storage of its own: drafts other tests left behind do not count here.
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}}}
    path = default_storage.save("concepten/test-draft", ContentFile(b"%PDF-1.7"))
    # Written "now" by the application's clock, whatever the file system's clock says.
    os.utime(default_storage.path(path), (timezone.now().timestamp(),) * 2)
    assert concepten_opruimen() == 0 and default_storage.exists(path)
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        assert concepten_opruimen() == 1
    assert not default_storage.exists(path)
