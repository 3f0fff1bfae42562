"""Mijn zaken by page: newest first, a next and previous page, and a fixed number of queries."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import ZaakFactory
from zaken.models import Zaak

pytestmark = pytest.mark.django_db

OWNER = "999993653"
LIST = "/den-haag/mijn-zaken/"


@pytest.fixture
def zeven(demo, settings):
    settings.TRACKER_PAGE_SIZE = 3
    start = timezone.make_aware(datetime(2026, 3, 2, 23, 30))  # Amsterdam time: 22:30 UTC, shown as the 2nd
    zaken = [ZaakFactory(gemeente=demo["den-haag"], initiator_bsn=OWNER, registratiedatum=start + timedelta(days=i))
             for i in range(7)]
    return zaken


def idents(html, zaken):
    return [z.identificatie for z in zaken if f">{z.identificatie}</a>" in html]


def test_pages_run_newest_first_with_links_both_ways(client, zeven, digid_login):
    digid_login(OWNER)
    first = client.get(LIST).content.decode()
    assert idents(first, zeven) == [z.identificatie for z in zeven[4:]]
    assert 'href="?pagina=2"' in first and "Vorige pagina" not in first and 'aria-current="page">Pagina 1<' in first
    second = client.get(LIST + "?pagina=2").content.decode()
    assert idents(second, zeven) == [z.identificatie for z in zeven[1:4]]
    assert 'href="?pagina=1"' in second and 'href="?pagina=3"' in second
    last = client.get(LIST + "?pagina=3").content.decode()
    assert idents(last, zeven) == [zeven[0].identificatie] and "Volgende pagina" not in last


def test_one_page_shows_no_page_links(client, demo, digid_login):
    ZaakFactory(gemeente=demo["den-haag"], initiator_bsn=OWNER)
    digid_login(OWNER)
    html = client.get(LIST).content.decode()
    assert "sl-pagination" not in html and "pagina" not in html.split("<main", 1)[1].lower().replace("pagina’s", "")


def test_a_page_past_the_end_or_a_bad_number_goes_back_to_the_first(client, zeven, digid_login):
    digid_login(OWNER)
    response = client.get(LIST + "?pagina=9")
    assert response.status_code == 302 and response["Location"] == LIST
    assert idents(client.get(LIST + "?pagina=x").content.decode(), zeven) == [z.identificatie for z in zeven[4:]]


def test_rows_show_local_dates_product_status_and_end(client, zeven, digid_login):
    Zaak.objects.filter(pk=zeven[6].pk).update(einddatum=date(2026, 3, 20))
    digid_login(OWNER)
    html = client.get(LIST).content.decode()
    assert "<td class=\"utrecht-table__cell\">8 maart 2026</td>" in html  # the 7th case, 23:30 on 8 March in Amsterdam
    assert "Afgerond op 20 maart 2026" in html
    assert f'href="/den-haag/mijn-zaken/{zeven[6].identificatie}/"' in html


def test_the_list_costs_two_queries_whatever_the_number_of_cases(client, zeven, digid_login, settings):
    digid_login(OWNER)
    client.get(LIST)
    # One page of cases, and the session unless a shared cache holds it; the municipality comes from the
    # process's copy.
    expected = 1 + (settings.SESSION_ENGINE == "django.contrib.sessions.backends.db")
    for path in (LIST, LIST + "?pagina=2"):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path).status_code == 200
        assert len(ctx.captured_queries) == expected, [q["sql"][:80] for q in ctx.captured_queries]
