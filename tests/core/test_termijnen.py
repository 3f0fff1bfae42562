"""The Atw calendar against hand-computed dates; each case names its legal source.

Sources: Algemene termijnenwet (Atw) art. 1 and 3; Wet op de lijkbezorging (Wlb) art. 16; Wet BRP
art. 2.39; Awb 6:7/6:8. Days: Goede Vrijdag 3-4-2026, Tweede Paasdag 6-4-2026, Koningsdag 27-4-2026
(26-4-2025, the 27th a Sunday), Hemelvaart 14-5-2026, Tweede Pinksterdag 25-5-2026; decree days
2-1-2026, 15-5-2026, 7-5-2027, 28-4-2028, 26-5-2028.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from zaken.forms.overlijden.rules import uitvaartvenster
from zaken.forms.verhuizing.rules import verhuisdatum_bepalen
from zaken.models import AtwBesluitdag
from zaken.termijnen import (NL_TIME, atw_feestdagen, atw_verlengd, is_werkdag, lokale_dag, uren_na, werkdagen_na,
                             werkdagen_tussen)

pytestmark = pytest.mark.django_db
UTC = ZoneInfo("UTC")
WLB = {"uitvaart_vroegst_uren": 36, "uitvaart_uiterlijk_werkdagen": 6}
BRP = {"aangifte_dagen_voor_verhuizing": 28, "aangifte_dagen_na_verhuizing": 5}

NIET_WERKDAGEN = {
    "atw3-1 Nieuwjaarsdag": date(2026, 1, 1),
    "atw3-2 Goede Vrijdag": date(2026, 4, 3),
    "atw3-2 Goede Vrijdag 2027": date(2027, 3, 26),
    "atw3-1 Tweede Paasdag": date(2026, 4, 6),
    "atw3-1 Koningsdag": date(2026, 4, 27),
    "atw3-1 Koningsdag op zaterdag want 27-4 is een zondag": date(2025, 4, 26),
    "atw3-1 5 mei ook buiten lustrumjaren": date(2026, 5, 5),
    "atw3-1 Hemelvaartsdag": date(2026, 5, 14),
    "atw3-1 Tweede Pinksterdag": date(2026, 5, 25),
    "atw3-1 Eerste Kerstdag": date(2026, 12, 25),
    "atw3-3 besluitdag vrijdag na Nieuwjaarsdag 2026": date(2026, 1, 2),
    "atw3-3 besluitdag vrijdag na Hemelvaart 2026": date(2026, 5, 15),
    "atw3-3 besluitdag vrijdag na Hemelvaart 2027": date(2027, 5, 7),
    "atw3-3 besluitdag vrijdag na Koningsdag 2028": date(2028, 4, 28),
    "atw3-3 besluitdag vrijdag na Hemelvaart 2028": date(2028, 5, 26),
    "atw3 zaterdag": date(2026, 11, 28),
    "atw3 zondag": date(2026, 11, 29),
}
WERKDAGEN = {
    "atw3 maandag": date(2026, 11, 30),
    "atw3-1 maandag na Koningsdag op zaterdag": date(2025, 4, 28),
    "atw3 carnavalsmaandag is een werkdag": date(2026, 2, 16),
    "atw3-2 de vrijdag die in 2026 Goede Vrijdag was, is het in 2027 niet": date(2027, 4, 2),
}


@pytest.mark.parametrize("day", NIET_WERKDAGEN.values(), ids=NIET_WERKDAGEN.keys())
def test_niet_werkdag(day):
    assert not is_werkdag(day)


@pytest.mark.parametrize("day", WERKDAGEN.values(), ids=WERKDAGEN.keys())
def test_werkdag(day):
    assert is_werkdag(day)


# Wlb art. 16: the 6th working day after the day of death (which itself does not count).
ZESDE_WERKDAG = {
    "wlb16 atw3-2 donderdag voor Pasen: Goede Vrijdag en Tweede Paasdag tellen niet": (date(2026, 4, 2),
                                                                                     date(2026, 4, 14)),
    "wlb16 atw3-3 woensdag voor Hemelvaart: besluitdag en Tweede Pinksterdag tellen niet": (date(2026, 5, 13),
                                                                                          date(2026, 5, 26)),
    "wlb16 atw3-3 oudejaarsdag 2025: Nieuwjaarsdag en besluitdag 2-1 tellen niet": (date(2025, 12, 31),
                                                                                  date(2026, 1, 12)),
    "wlb16 atw3-1 kerst tot nieuwjaar": (date(2026, 12, 23), date(2027, 1, 4)),
    "wlb16 atw3-1 5 mei": (date(2026, 5, 4), date(2026, 5, 13)),
    "wlb16 atw3-3 overlijden op Koningsdag 2028, besluitdag en 5 mei erna": (date(2028, 4, 27), date(2028, 5, 9)),
    "wlb16 vrijdag: het weekend telt niet": (date(2026, 11, 20), date(2026, 11, 30)),
}


@pytest.mark.parametrize("death,expected", ZESDE_WERKDAG.values(), ids=ZESDE_WERKDAG.keys())
def test_zesde_werkdag(death, expected):
    assert werkdagen_na(death, 6) == expected
    assert werkdagen_tussen(death, expected) == 6


# Atw art. 1: a term ending on a non-working day runs on to the next working day.
VERLENGING = {
    "brp2.39 atw1 5e dag na verhuizing op zaterdag": (date(2026, 11, 23), date(2026, 11, 30)),
    "brp2.39 atw1 5e dag op 5 mei": (date(2026, 4, 30), date(2026, 5, 6)),
    "brp2.39 atw1 atw3-3 5e dag op Hemelvaart, dan besluitdag en weekend": (date(2026, 5, 9), date(2026, 5, 18)),
    "brp2.39 atw1 5e dag op Goede Vrijdag": (date(2026, 3, 29), date(2026, 4, 7)),
    "brp2.39 5e dag op een werkdag blijft": (date(2026, 11, 18), date(2026, 11, 23)),
}


@pytest.mark.parametrize("move,last_day", VERLENGING.values(), ids=VERLENGING.keys())
def test_verhuizing_laatste_aangiftedag(move, last_day):
    assert not verhuisdatum_bepalen(opgegeven=move, vandaag=last_day, terms=BRP).te_laat
    late = verhuisdatum_bepalen(opgegeven=move, vandaag=date.fromordinal(last_day.toordinal() + 1), terms=BRP)
    assert late.te_laat and late.geregistreerd == date.fromordinal(last_day.toordinal() + 1)


def test_awb6_7_atw1_bezwaartermijn_eindigt_op_eerste_kerstdag():
    # Sent on Friday 13-11-2026: six weeks from the day after end on Friday 25-12, run on to Monday 28-12.
    assert atw_verlengd(date(2026, 12, 25)) == date(2026, 12, 28)


# Hours are elapsed time: across a DST change the wall clock shows 35 or 37 of them.
ZOMERTIJD = {
    "wlb16 36 uur over het begin van de zomertijd": (datetime(2026, 3, 28, 20, 0, tzinfo=NL_TIME),
                                                    datetime(2026, 3, 30, 9, 0, tzinfo=NL_TIME)),
    "wlb16 36 uur over het einde van de zomertijd": (datetime(2026, 10, 24, 20, 0, tzinfo=NL_TIME),
                                                    datetime(2026, 10, 26, 7, 0, tzinfo=NL_TIME)),
    "wlb16 36 uur, het tijdstip in UTC meegegeven": (datetime(2026, 3, 28, 19, 0, tzinfo=UTC),
                                                   datetime(2026, 3, 30, 9, 0, tzinfo=NL_TIME)),
}


@pytest.mark.parametrize("death,earliest", ZOMERTIJD.values(), ids=ZOMERTIJD.keys())
def test_36_uur_is_verstreken_tijd(death, earliest):
    assert uren_na(death, 36) == earliest
    assert uitvaartvenster(overleden_op=death, terms=WLB).vroegst == earliest


def test_wlb16_dag_van_overlijden_in_nederlandse_tijd():
    # 00:30 on Wednesday 10-6-2026 in Amsterdam is still Tuesday in UTC; the 6th working day follows the 10th.
    death = datetime(2026, 6, 9, 22, 30, tzinfo=UTC)
    assert lokale_dag(death) == date(2026, 6, 10)
    assert uitvaartvenster(overleden_op=death, terms=WLB).uiterlijk == date(2026, 6, 18)


def test_atw_feestdagen_come_from_the_package_plus_5_may():
    days = atw_feestdagen(2026)
    assert date(2026, 4, 3) in days and date(2026, 5, 5) in days
    assert date(2026, 4, 5) not in days  # Easter Sunday: a Sunday anyway, not a lid 1 day


def test_a_new_decree_day_counts_at_once():
    day = date(2029, 5, 11)  # a Friday, after Ascension 2029
    assert is_werkdag(day)
    AtwBesluitdag.objects.create(datum=day, besluit="Koninklijk besluit (test)")
    assert not is_werkdag(day)
    AtwBesluitdag.objects.filter(datum=day).delete()
    assert is_werkdag(day)


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
