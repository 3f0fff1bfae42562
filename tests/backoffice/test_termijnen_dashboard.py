"""The deadline dashboard (/behandelen/termijnen/): its four lists with hand-computed dates, its scope
(municipality, team) and a query count that does not grow with the number of cases."""

import re
from contextlib import contextmanager
import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaken.actors import Actor
from zaken.adviezen import advies_vragen
from zaken.models import Adviesverzoek, Zaak
from zaken.termijn_engine import besluit_vastleggen
from zaken.verzoeken import verzoek_stellen

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
ACTOR = Actor.system("test")
URL = "/behandelen/termijnen/"
# Tuesday 22 December 2026: the ISO week runs to Sunday 27 December; Friday 25 and Saturday 26 are
# Christmas days.
VANDAAG = datetime(2026, 12, 22, 9, tzinfo=AMS)


def on(day: date, hour: int = 10):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=AMS), tick=False)


def registered(registreer, gemeente, day: date, onderwerp: str) -> Zaak:
    """A test-process case received on `day`: 8 weeks, statutory (the engine's default)."""
    with on(day):
        return registreer(gemeente, onderwerp).zaak


def identificaties(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="/behandelen/zaken/\d+/(?:#adviezen)?">([^<]+)</a>', html)


def counts(html: str) -> dict[str, int]:
    found = re.findall(r'backoffice-bucket__count">(\d+)</span> <span class="backoffice-bucket__label">([^<]+)<', html)
    return {label: int(n) for n, label in found}


@pytest.fixture
def zaken_a(registreer, gemeente_a):
    cases = {
        "vandaag": registered(registreer, gemeente_a, date(2026, 10, 27), "vandaag"),   # ends Tue 22 Dec
        "donderdag": registered(registreer, gemeente_a, date(2026, 10, 29), "donderdag"),  # Thu 24 Dec
        # Friday 25 December is Christmas, then a weekend and tweede kerstdag: it ends Monday 28 December.
        "kerst": registered(registreer, gemeente_a, date(2026, 10, 30), "kerst"),
        "te_laat": registered(registreer, gemeente_a, date(2026, 10, 23), "te laat"),  # Fri 18 Dec
        "besloten": registered(registreer, gemeente_a, date(2026, 10, 20), "besloten"),  # Tue 15 Dec, decided
        "opgeschort": registered(registreer, gemeente_a, date(2026, 10, 21), "opgeschort"),  # Wed 16 Dec
    }
    besluit_vastleggen(zaak=cases["besloten"], besluittype="Verleend", datum=date(2026, 12, 14), actor=ACTOR)
    with on(date(2026, 12, 15)):
        verzoek_stellen(zaak=cases["opgeschort"], vraag="Stuur de tekening.", termijn=date(2027, 1, 8), actor=ACTOR)
    for zaak in cases.values():
        zaak.refresh_from_db()
    return cases


@contextmanager
def dag(client, user, day: date):
    """A day of the civil servant's: logged in on that day (a session of another day has expired)."""
    with on(day):
        client.force_login(user)
        yield


def get(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_four_lists_with_hand_computed_dates(client, medewerker_a, zaken_a):
    assert zaken_a["kerst"].uiterlijke_einddatum_afdoening == date(2026, 12, 28)
    assert zaken_a["besloten"].termijn_afgedaan_op == date(2026, 12, 14)
    assert zaken_a["opgeschort"].opschorting_indicatie
    with on(date(2026, 12, 15)):
        advies = advies_vragen(zaak=zaken_a["kerst"], adviseur="politie", vraag="Veilig?", termijn_werkdagen=4,
                               actor=ACTOR)
    assert advies.termijn == date(2026, 12, 21)  # Wed 16, Thu 17, Fri 18, (weekend) Mon 21
    with dag(client, medewerker_a, VANDAAG.date()):
        html = get(client)
        assert counts(html) == {"Te laat": 1, "Deze week": 2, "Opgeschort": 1, "Wacht op advies": 1}
        assert identificaties(html) == [zaken_a["te_laat"].identificatie]
        assert "18 december 2026" in html and "2 werkdagen te laat" in html  # Mon 21 and Tue 22

        html = get(client, lijst="deze-week")
        assert identificaties(html) == [zaken_a["vandaag"].identificatie, zaken_a["donderdag"].identificatie]
        assert "vandaag" in html and "nog 2 werkdagen" in html  # Wed 23 and Thu 24

        html = get(client, lijst="opgeschort")
        assert identificaties(html) == [zaken_a["opgeschort"].identificatie]

        html = get(client, lijst="advies")
        assert identificaties(html) == [zaken_a["kerst"].identificatie]
        assert "Politie" in html and "21 december 2026" in html and "1 werkdag te laat" in html

    # On Monday 28 December (a new week) the Christmas case is due today, the others are late.
    with dag(client, medewerker_a, date(2026, 12, 28)):
        html = get(client)
        assert counts(html)["Te laat"] == 3 and counts(html)["Deze week"] == 1
        html = get(client, lijst="deze-week")
        assert identificaties(html) == [zaken_a["kerst"].identificatie]


def test_due_this_week_ends_on_sunday_and_the_day_after_the_term_is_late(client, medewerker_a, zaken_a):
    with dag(client, medewerker_a, date(2026, 12, 21)):  # Monday: the week still holds Tuesday's case, and Thursday's
        assert counts(get(client))["Deze week"] == 2
        assert counts(get(client))["Te laat"] == 1
    with dag(client, medewerker_a, date(2026, 12, 14)):  # the week before: Tuesday 22 December is next week
        assert counts(get(client))["Deze week"] == 1  # Fri 18 December (besloten: not counted)
    with dag(client, medewerker_a, date(2026, 12, 23)):  # the day after Tuesday's term: late
        html = get(client)
        assert zaken_a["vandaag"].identificatie in identificaties(html)


def test_list_is_paginated_and_sorted_by_deadline(client, medewerker_a, gemeente_a, zaken_a):
    zaaktype = zaken_a["vandaag"].zaaktype
    Zaak.objects.bulk_create([Zaak(
        identificatie=f"BULK-{i:04d}", gemeente=gemeente_a, bronorganisatie=gemeente_a.rsin, zaaktype=zaaktype,
        registratiedatum=VANDAAG, startdatum=VANDAAG.date(), uuid=uuid.uuid4(),
        uiterlijke_einddatum_afdoening=date(2026, 12, 1) + timedelta(days=i % 10)) for i in range(30)])
    with dag(client, medewerker_a, VANDAAG.date()):
        first = identificaties(get(client))
        second = get(client, page=2)
    assert len(first) == 25 and "Pagina 2 van 2" in second
    assert first[:3] == ["BULK-0000", "BULK-0010", "BULK-0020"]  # 1 December, by pk within the day
    assert identificaties(second)[-1] == zaken_a["te_laat"].identificatie  # 18 December, the last


def test_query_count_is_the_same_with_1_and_1000_open_cases(client, medewerker_a, gemeente_a, registreer):
    one = registered(registreer, gemeente_a, date(2026, 10, 23), "een")
    with on(date(2026, 12, 1)):
        advies_vragen(zaak=one, adviseur="ggd", vraag="?", termijn_werkdagen=2, actor=ACTOR)

    def queries(**params) -> int:
        with CaptureQueriesContext(connection) as captured:
            get(client, **params)
        return len(captured)

    lijsten = ("te-laat", "advies")  # the lists the one case is in (an empty page needs no list query)
    with dag(client, medewerker_a, VANDAAG.date()):
        get(client)  # the session and the cached decree days settle
        before = {lijst: queries(lijst=lijst) for lijst in lijsten}
    zaken = Zaak.objects.bulk_create([Zaak(
        identificatie=f"BULK-{i:05d}", gemeente=gemeente_a, bronorganisatie=gemeente_a.rsin, zaaktype=one.zaaktype,
        registratiedatum=VANDAAG, startdatum=VANDAAG.date(), uuid=uuid.uuid4(), huidige_status=one.huidige_status,
        opschorting_indicatie=i % 4 == 0, uiterlijke_einddatum_afdoening=date(2026, 12, 10) + timedelta(days=i % 20))
        for i in range(1000)])
    Adviesverzoek.objects.bulk_create([Adviesverzoek(
        zaak=zaak, gemeente=gemeente_a, adviseur="politie", vraag="?", gevraagd_op=VANDAAG, gevraagd_door="test",
        termijn=date(2026, 12, 15) + timedelta(days=i % 15)) for i, zaak in enumerate(zaken)])
    with on(VANDAAG.date()):
        after = {lijst: queries(lijst=lijst) for lijst in lijsten}
        assert after == before
        # The other two lists, now with a full page, cost what the first does.
        assert queries(lijst="deze-week") == queries(lijst="opgeschort") == after["te-laat"]
        assert len(identificaties(get(client, lijst="advies"))) == 25


def test_another_municipality_sees_none_and_gets_404_on_its_filter(client, medewerker_b, gemeente_a, zaken_a):
    with dag(client, medewerker_b, VANDAAG.date()):
        html = get(client)
        assert counts(html) == {"Te laat": 0, "Deze week": 0, "Opgeschort": 0, "Wacht op advies": 0}
        for lijst in ("deze-week", "opgeschort", "advies"):
            assert identificaties(get(client, lijst=lijst)) == []
        assert client.get(URL, {"gemeente": gemeente_a.pk}).status_code == 404
        assert client.get(URL, {"lijst": "alles"}).status_code == 404
        assert client.get(URL, {"gemeente": "a"}).status_code == 404


def test_municipality_filter_for_a_member_of_two(client, make_medewerker, gemeente_a, gemeente_b, zaken_a, registreer):
    b = registered(registreer, gemeente_b, date(2026, 10, 23), "in B")
    user = make_medewerker("carla", gemeente_a, gemeente_b)
    with dag(client, user, VANDAAG.date()):
        html = get(client)
        assert '<select id="filter-gemeente" name="gemeente">' in html
        assert set(identificaties(html)) == {zaken_a["te_laat"].identificatie, b.identificatie}
        assert identificaties(get(client, gemeente=gemeente_b.pk)) == [b.identificatie]
    with dag(client, make_medewerker("dirk", gemeente_a), VANDAAG.date()):
        assert 'id="filter-gemeente"' not in get(client)  # one municipality: no choice to make


def test_team_filter_is_the_group_holding_the_process_task_permission(client, medewerker_a, zaken_a):
    leeg = Group.objects.create(name="team zonder taken")
    overlijden = Group.objects.create(name="team overlijden")
    overlijden.permissions.add(Permission.objects.get(codename="behandelen_overlijden"))
    with dag(client, medewerker_a, VANDAAG.date()):
        html = get(client)
        assert "team overlijden" in html and "behandelaar" in html and "team zonder taken" not in html
        assert counts(get(client, team=overlijden.pk))["Te laat"] == 0  # no test-process tasks
        behandelaar = Group.objects.get(name="behandelaar")
        assert identificaties(get(client, team=behandelaar.pk)) == [zaken_a["te_laat"].identificatie]
        assert client.get(URL, {"team": leeg.pk}).status_code == 404


def test_dashboard_is_in_the_menu(client, medewerker_a):
    client.force_login(medewerker_a)
    html = client.get("/behandelen/zaken/").content.decode()
    assert 'href="/behandelen/termijnen/"' in html


def test_migration_fills_the_decision_day_of_existing_cases(aanvraag_a, aanvraag_b):
    import importlib

    from django.apps import apps

    besluit_vastleggen(zaak=aanvraag_a.zaak, besluittype="x", datum=date(2026, 12, 3), actor=ACTOR)
    besluit_vastleggen(zaak=aanvraag_a.zaak, besluittype="y", datum=date(2026, 12, 9), actor=ACTOR)
    Zaak.objects.update(termijn_afgedaan_op=None)  # as before the migration
    importlib.import_module("zaken.migrations.0012_adviesverzoek").termijn_afgedaan_vullen(apps, None)
    assert Zaak.objects.get(pk=aanvraag_a.zaak.pk).termijn_afgedaan_op == date(2026, 12, 3)  # the first decision
    assert Zaak.objects.get(pk=aanvraag_b.zaak.pk).termijn_afgedaan_op is None


def test_only_members_of_a_municipality_enter(client, make_medewerker):
    assert client.get(URL).status_code == 302  # to the login page
    client.force_login(make_medewerker("zonder", is_staff=True))  # no municipality
    assert client.get(URL).status_code == 403
