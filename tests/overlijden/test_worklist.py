"""The urgent work list: ordered by planned funeral, time left shown, one query whatever the size."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zaken.models import Zaak
from zaken.processes.overlijden.models import Overlijden
from zaken.processes.overlijden.selectors import resterende_tijd

from .helpers import file_death

pytestmark = pytest.mark.django_db

URL = "/behandelen/werklijst/aangifte-overlijden/"


def test_time_left_labels():
    now = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.get_current_timezone())
    assert resterende_tijd(now + timedelta(days=2, hours=4, minutes=10), now).label == "nog 2 dagen 4 uur"
    assert resterende_tijd(now + timedelta(hours=5), now).urgent
    late = resterende_tijd(now - timedelta(hours=3), now)
    assert late.te_laat and late.label == "3 uur te laat"


def clone_cases(template: Overlijden, n: int) -> None:
    """Copies of one filed case with other funeral dates (fast: no flow, no documents)."""
    for i in range(n):
        zaak = Zaak.objects.get(pk=template.zaak_id)
        zaak.pk, zaak.identificatie, zaak.uuid = None, f"{zaak.identificatie}-{i}", __import__("uuid").uuid4()
        zaak.save()
        Overlijden.objects.bulk_create([Overlijden(
            zaak=zaak, overledene_bsn=f"{i:09d}", overledene=template.overledene, overleden_op=template.overleden_op,
            plaats_overlijden=template.plaats_overlijden, plaats_gemeentecode=template.plaats_gemeentecode,
            doodsoorzaak=template.doodsoorzaak, wijze=template.wijze,
            uitvaart_op=template.uitvaart_op + timedelta(hours=i - n), uitvaart_plaats=template.uitvaart_plaats,
            venster_vroegst=template.venster_vroegst, venster_uiterlijk=template.venster_uiterlijk)])


def count_queries(client):
    client.get(URL)  # warm up session/auth caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL)
    assert response.status_code == 200
    # Pages without a COUNT over the death cases (each row is a join away from its municipality).
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"] and "overlijden_overlijden" in q["sql"]]
    return len(ctx.captured_queries), response.content.decode()


def test_one_query_for_the_list_whatever_its_size(client, demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = file_death()
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    one, html = count_queries(client)
    assert first.zaak.identificatie in html and "nog " in html
    clone_cases(first, 29)
    thirty, html = count_queries(client)
    assert one == thirty
    # Ordered by planned funeral: the clone with the earliest funeral comes first; 25 to a page.
    assert html.index(f"{first.zaak.identificatie}-0<") < html.index(f"{first.zaak.identificatie}-24<")
    assert f"{first.zaak.identificatie}-25<" not in html and f"{first.zaak.identificatie}<" not in html
    assert "Meer dan 25 open aangiften" in html and "Pagina 1<" in html
    page_two = client.get(URL, {"page": 2}).content.decode()
    assert "30 open aangiften" in page_two and "Pagina 2 van 2" in page_two
    assert page_two.index(f"{first.zaak.identificatie}-28<") < page_two.index(f"{first.zaak.identificatie}<")


def test_anonymous_goes_to_login(client, demo):
    response = client.get(URL)
    assert response.status_code == 302 and "/behandelen/accounts/login/" in response["Location"]
