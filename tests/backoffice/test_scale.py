"""The back-office lists at scale: the same queries for 1 row as for 50, scoped by the resolved municipality
ids (no join through Medewerkerschap), counts that stop at a cap, keyset pages on the case list."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from viewflow.workflow import STATUS
from viewflow.workflow.models import Task

from zaken.models import Zaak
from zaken.paging import CappedCount, capped_count

pytestmark = pytest.mark.django_db

LISTS = ["/behandelen/zaken/", "/behandelen/taken/queue/", "/behandelen/taken/inbox/", "/behandelen/taken/archive/",
         "/behandelen/taken/flows/testaanvraag/flows/", "/behandelen/taken/flows/testaanvraag/tasks/",
         "/behandelen/termijnen/"]


def _tasks_to(user, gemeente):
    """Each new case of the municipality gets a task in the user's inbox and a finished one in the archive,
    besides the one in the queue."""
    open_tasks = Task.objects.filter(process__seed_object_id__in=Zaak.objects.filter(gemeente=gemeente).values("pk"),
                                     status=STATUS.NEW).exclude(process__task__owner=user)
    for task in open_tasks:
        common = {"process": task.process, "flow_task": task.flow_task, "flow_task_type": task.flow_task_type,
                  "owner_permission": task.owner_permission, "owner": user}
        Task.objects.create(status=STATUS.DONE, finished=timezone.now(), **common)
        Task.objects.create(status=STATUS.ASSIGNED, assigned=timezone.now(), **common)
    # Late for the deadline dashboard's first list.
    Zaak.objects.filter(gemeente=gemeente).update(uiterlijke_einddatum_afdoening=timezone.localdate() - timedelta(days=1))


def _queries(client, url):
    client.get(url)  # warm up session and caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.parametrize("url", LISTS)
def test_queries_do_not_grow_with_the_rows(client, medewerker_a, registreer, gemeente_a, url):
    client.force_login(medewerker_a)
    registreer(gemeente_a, "Eerste")
    _tasks_to(medewerker_a, gemeente_a)
    one, _ = _queries(client, url)
    for i in range(49):
        registreer(gemeente_a, f"Aanvraag {i}")
    _tasks_to(medewerker_a, gemeente_a)
    fifty, html = _queries(client, url)
    assert fifty == one, url
    assert "<tbody>" in html or "backoffice-table" in html


def test_case_list_scopes_by_the_resolved_ids(client, medewerker_a, aanvraag_a, aanvraag_b, gemeente_a):
    client.force_login(medewerker_a)
    client.get("/behandelen/zaken/")
    with CaptureQueriesContext(connection) as ctx:
        html = client.get("/behandelen/zaken/").content.decode()
    assert f'href="/behandelen/zaken/{aanvraag_a.zaak.pk}/"' in html
    assert f'href="/behandelen/zaken/{aanvraag_b.zaak.pk}/"' not in html
    zaak_queries = [q["sql"] for q in ctx.captured_queries if 'FROM "zaken_zaak"' in q["sql"]]
    assert zaak_queries and all(f'"gemeente_id" IN ({gemeente_a.pk})' in sql for sql in zaak_queries)
    assert not any("medewerkerschap" in sql for sql in zaak_queries)
    # The ids are read once per request, the membership check included.
    assert sum("zaken_medewerkerschap" in q["sql"] for q in ctx.captured_queries) == 1


def test_task_lists_scope_by_the_resolved_ids(client, medewerker_a, aanvraag_a, aanvraag_b, gemeente_a):
    client.force_login(medewerker_a)
    client.get("/behandelen/taken/queue/")
    with CaptureQueriesContext(connection) as ctx:
        html = client.get("/behandelen/taken/queue/").content.decode()
    assert f'href="/behandelen/zaken/{aanvraag_a.zaak.pk}/"' in html
    assert f'href="/behandelen/zaken/{aanvraag_b.zaak.pk}/"' not in html
    task_queries = [q["sql"] for q in ctx.captured_queries if 'FROM "viewflow_task"' in q["sql"]]
    assert task_queries and all(f'"gemeente_id" IN ({gemeente_a.pk})' in sql for sql in task_queries)
    assert not any("medewerkerschap" in sql for sql in task_queries)


def test_case_list_pages_by_keyset(client, medewerker_a, registreer, gemeente_a):
    client.force_login(medewerker_a)
    for i in range(30):
        registreer(gemeente_a, f"Aanvraag {i}")
    nummers = list(Zaak.objects.filter(gemeente=gemeente_a).order_by("-registratiedatum", "-pk")
                   .values_list("identificatie", flat=True))
    first = client.get("/behandelen/zaken/")
    html = first.content.decode()
    assert "30 zaken" in html and nummers[24] in html and nummers[25] not in html
    cursor = first.context["page"].next_cursor
    assert cursor and f"?na={cursor}" in html
    second = client.get("/behandelen/zaken/", {"na": cursor}).content.decode()
    assert nummers[25] in second and nummers[29] in second and nummers[24] not in second
    assert "Oudere zaken" not in second and "Nieuwste zaken" in second
    # A mangled cursor is the first page, not an error.
    for mangled in ["x", "!!!", "QUJD", "a" * 200]:
        response = client.get("/behandelen/zaken/", {"na": mangled})
        assert response.status_code == 200 and nummers[0] in response.content.decode()


def test_counts_stop_at_their_cap(registreer, gemeente_a):
    for i in range(3):
        registreer(gemeente_a, f"Aanvraag {i}")
    assert capped_count(Zaak.objects.all(), 2) == (2, True)
    assert capped_count(Zaak.objects.all(), 3) == (3, False)
    assert CappedCount(Zaak.objects.all(), cap=2).count == "2+"
    assert CappedCount(Zaak.objects.all(), cap=5).count == "3"


def test_case_list_says_more_than_the_cap(client, medewerker_a, registreer, gemeente_a, monkeypatch):
    monkeypatch.setattr("zaken.backoffice.views.CAP", 2)
    client.force_login(medewerker_a)
    for i in range(3):
        registreer(gemeente_a, f"Aanvraag {i}")
    assert "Meer dan 2 zaken" in client.get("/behandelen/zaken/").content.decode()


def test_process_list_counts_the_open_tasks_of_its_rows(client, medewerker_a, aanvraag_a):
    client.force_login(medewerker_a)
    response = client.get("/behandelen/taken/flows/testaanvraag/flows/")
    process = response.context["page_obj"].object_list[0]
    assert process.active_tasks_count == Task.objects.filter(process=process, finished__isnull=True).count() >= 1


def test_werklijst_index_condition_is_the_open_states():
    from zaken.processes.overlijden.models import Overlijden

    index = next(i for i in Overlijden._meta.indexes if i.name == "overlijden_werklijst")
    assert set(dict(index.condition.children)["state__in"]) == {str(s) for s in Overlijden.OPEN_STATES}


def test_task_lists_count_nothing_but_the_menu(client, medewerker_a, registreer, gemeente_a):
    client.force_login(medewerker_a)
    for i in range(3):
        registreer(gemeente_a, f"Aanvraag {i}")
    client.get("/behandelen/taken/queue/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/behandelen/taken/queue/")
    counts = [q["sql"] for q in ctx.captured_queries if "COUNT(" in q["sql"]]
    # The inbox and queue counts of the menu, each stopped at its cap; the list itself reads a page + 1.
    assert len(counts) == 2 and all("LIMIT 100" in sql for sql in counts)


def test_peek_paginator_reads_one_row_more_and_no_count(registreer, gemeente_a):
    from zaken.paging import PeekPaginator

    for i in range(3):
        registreer(gemeente_a, f"Aanvraag {i}")
    zaken = Zaak.objects.order_by("pk")
    with CaptureQueriesContext(connection) as ctx:
        first = PeekPaginator(zaken, 2).get_page(1)
    assert len(ctx.captured_queries) == 1 and "COUNT" not in ctx.captured_queries[0]["sql"]
    assert first.has_next() and len(first.object_list) == 2 and first.paginator.count_label == "meer dan 2"
    last = PeekPaginator(zaken, 2).get_page(2)
    assert not last.has_next() and last.end_index() == 3 and last.paginator.count_label == "3"
    assert PeekPaginator(zaken, 2).get_page(999).number == 1
    assert PeekPaginator(zaken, 2).get_page("x").number == 1


def test_case_list_of_two_municipalities_merges_their_pages(client, make_medewerker, registreer, gemeente_a,
                                                           gemeente_b):
    client.force_login(make_medewerker("beide", gemeente_a, gemeente_b))
    for i in range(15):
        registreer(gemeente_a, f"A {i}")
        registreer(gemeente_b, f"B {i}")
    expected = list(Zaak.objects.order_by("-registratiedatum", "-pk").values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as ctx:
        first = client.get("/behandelen/zaken/")
    # One ordered range per municipality (the index's order), not one IN (...) query that sorts them all.
    pages = [q["sql"] for q in ctx.captured_queries if 'FROM "zaken_zaak"' in q["sql"] and "ORDER BY" in q["sql"]
             and "COUNT" not in q["sql"]]
    assert len(pages) == 2 and all('"zaken_zaak"."gemeente_id" = ' in sql for sql in pages)
    assert [z.pk for z in first.context["page"].object_list] == expected[:25]
    assert "30 zaken" in first.content.decode()
    second = client.get("/behandelen/zaken/", {"na": first.context["page"].next_cursor})
    assert [z.pk for z in second.context["page"].object_list] == expected[25:]
    assert not second.context["page"].has_next
