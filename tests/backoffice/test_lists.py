"""The task lists as served: accessible without any script, a filter that does not grow with the data,
bulk claiming of the ticked tasks only, and pages."""

import re

import pytest
from viewflow.workflow import STATUS
from viewflow.workflow.models import Task

pytestmark = pytest.mark.django_db

QUEUE = "/behandelen/taken/queue/"


def test_queue_markup_needs_no_script(client, medewerker_a, aanvraag_a):
    client.force_login(medewerker_a)
    html = client.get(QUEUE).content.decode()
    task = Task.objects.get(process__artifact_object_id=aanvraag_a.pk, status=STATUS.NEW)
    assert f'aria-label="Selecteer taak #{task.process_id}/{task.pk} (Beoordelen)"' in html
    assert "<caption>" in html
    assert not re.search(r"<th[^>]*>\s*</th>", html)  # no empty header cell
    assert 'role="navigation"' not in html
    assert "a11y.js" not in html and "<script>" not in html and " style=" not in html.split("<main", 1)[1]
    # One navigation landmark besides the menu at most, and each one named.
    navs = re.findall(r"<nav[^>]*>", html.split("<main", 1)[1])
    assert all("aria-label=" in nav for nav in navs)


def test_filter_offers_process_types_not_every_process(client, medewerker_a, registreer, gemeente_a):
    client.force_login(medewerker_a)
    registreer(gemeente_a)
    one = client.get(QUEUE).content.decode().count("<option")
    for i in range(5):
        registreer(gemeente_a, f"Aanvraag {i}")
    html = client.get(QUEUE).content.decode()
    assert html.count("<option") == one
    assert '<option value="testprocess/flows.TestAanvraagFlow">Testaanvraag</option>' in html


def test_filter_by_process_type(client, medewerker_a, aanvraag_a):
    client.force_login(medewerker_a)
    response = client.get(QUEUE, {"proces": "testprocess/flows.TestAanvraagFlow"})
    assert aanvraag_a.zaak.identificatie in response.content.decode()
    response = client.get(QUEUE, {"proces": "verhuizing/flows.VerhuizingFlow"})
    assert aanvraag_a.zaak.identificatie not in response.content.decode()


def test_bulk_claim_takes_the_ticked_tasks_only(client, medewerker_a, registreer, gemeente_a):
    client.force_login(medewerker_a)
    first, second = registreer(gemeente_a, "Een"), registreer(gemeente_a, "Twee")
    tasks = {a.pk: Task.objects.get(process__artifact_object_id=a.pk, status=STATUS.NEW) for a in (first, second)}
    url = "/behandelen/taken/queue/assign/"
    confirm = client.post(url, {"pk": [tasks[first.pk].pk]})
    assert confirm.status_code == 200 and "1 geselecteerde taak" in confirm.content.decode()
    assert client.post(url, {"pk": [tasks[first.pk].pk], "_confirm": "1"}).status_code == 302
    assert Task.objects.get(pk=tasks[first.pk].pk).owner == medewerker_a
    assert Task.objects.get(pk=tasks[second.pk].pk).owner is None

    # Nothing ticked: nothing to confirm and nothing claimed (viewflow would take every task).
    assert "geen taken geselecteerd" in client.post(url, {}).content.decode()
    client.post(url, {"_confirm": "1"})
    assert Task.objects.get(pk=tasks[second.pk].pk).owner is None


def test_pages_keep_the_filter(client, medewerker_a, registreer, gemeente_a):
    client.force_login(medewerker_a)
    for i in range(26):
        registreer(gemeente_a, f"Aanvraag {i}")
    html = client.get(QUEUE, {"created": "today"}).content.decode()
    # No COUNT: the first page knows there is more, the last one knows the total.
    assert "1–25 van meer dan 25" in html and "Pagina 1<" in html
    assert 'href="?created=today&amp;page=2"' in html
    second = client.get(QUEUE, {"created": "today", "page": 2}).content.decode()
    assert "26–26 van 26" in second and "Pagina 2 van 2" in second and "Vorige pagina" in second


def test_sorting_by_a_column_header(client, medewerker_a, registreer, gemeente_a):
    client.force_login(medewerker_a)
    older, newer = registreer(gemeente_a, "Eerste"), registreer(gemeente_a, "Tweede")
    html = client.get(QUEUE, {"_orderby": "created"}).content.decode()
    assert '<th scope="col" aria-sort="ascending">' in html and 'href="?_orderby=-created"' in html
    assert html.index(older.zaak.identificatie) < html.index(newer.zaak.identificatie)
    html = client.get(QUEUE, {"_orderby": "-created"}).content.decode()
    assert 'aria-sort="descending"' in html and html.index(newer.zaak.identificatie) < html.index(older.zaak.identificatie)


def test_process_and_task_lists_of_a_flow_in_dutch(client, medewerker_a, aanvraag_a):
    client.force_login(medewerker_a)
    processes = client.get("/behandelen/taken/flows/testaanvraag/flows/").content.decode()
    assert "Samenvatting" in processes and "Open taken" in processes and "Process id" not in processes
    assert aanvraag_a.zaak.omschrijving in processes or "Testaanvraag" in processes
    tasks = client.get("/behandelen/taken/flows/testaanvraag/tasks/").content.decode()
    assert "Samenvatting" in tasks and "Process summary" not in tasks


def test_today_is_the_dutch_day_just_after_midnight(client, medewerker_a, registreer, gemeente_a):
    # 00:30 in the Netherlands is still the day before in UTC; django-filter's own filter showed nothing then.
    import time_machine
    from datetime import UTC, datetime

    with time_machine.travel(datetime(2026, 11, 30, 23, 30, tzinfo=UTC), tick=False):
        client.force_login(medewerker_a)
        registreer(gemeente_a, "Na middernacht")
        today = client.get(QUEUE, {"created": "today"}).content.decode()
        yesterday = client.get(QUEUE, {"created": "yesterday"}).content.decode()
    assert "1–1 van 1" in today and "1–1 van 1" not in yesterday
