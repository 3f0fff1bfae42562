"""Queries and server time of the deadline dashboard (/behandelen/termijnen/) with 1, 1,000 and 10,000
open cases in one municipality.

    .venv/bin/python benchmarks/dashboard.py [-n 100] [--max 10000]

Cases are inserted in bulk into Rotterdam (demo data): a quarter suspended, the others with end dates
spread over four weeks around today, and an advice request on every third case (the first case is
overdue and waits for advice, so with one case the lists "deze-week" and "opgeschort" are empty, and an
empty list skips the page's query). Per list: the SQL
queries of one request (the count must not grow with the number of cases) and server time
p50/p95/p99 over n requests after a few untimed warm-ups, through Django's test client in this process
(the whole middleware stack, no network). With the largest number, the queries of the overdue list
are printed with the database's query plan, to show which index serves each.
"""

import argparse
import logging
import os
import uuid
from datetime import timedelta

from _harness import demo_database, figures, measure

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

logging.disable(logging.INFO)

URL = "/behandelen/termijnen/"
LIJSTEN = ("te-laat", "deze-week", "opgeschort", "advies")
MEDEWERKER = "behandelaar-rotterdam"


def add_cases(count: int, *, start: int) -> None:
    from django.utils import timezone

    from zaken.models import Adviesverzoek, Gemeente, Zaak, ZaakType

    gemeente = Gemeente.objects.get(slug="rotterdam")
    zaaktype = ZaakType.objects.get(process_slug="verhuizing")
    now, today = timezone.now(), timezone.localdate()
    zaken = Zaak.objects.bulk_create([Zaak(
        identificatie=f"BENCH-{i:07d}", gemeente=gemeente, bronorganisatie=gemeente.rsin, zaaktype=zaaktype,
        registratiedatum=now, startdatum=today, uuid=uuid.uuid4(), opschorting_indicatie=i % 4 == 3,
        uiterlijke_einddatum_afdoening=today + timedelta(days=i % 28 - 14)) for i in range(start, start + count)],
        batch_size=1000)
    Adviesverzoek.objects.bulk_create([Adviesverzoek(
        zaak=zaak, gemeente=gemeente, adviseur="politie", vraag="Bench?", gevraagd_op=now, gevraagd_door="bench",
        termijn=today + timedelta(days=i % 20 - 10)) for i, zaak in enumerate(zaken) if i % 3 == 0],
        batch_size=1000)


def explain(sql: str, params) -> str:
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        rows = cursor.fetchall()
    return "\n".join("      " + (row[-1] if connection.vendor == "sqlite" else row[0]) for row in rows)


def plans(client) -> list[str]:
    """Every query of one request of the overdue list, then the plans of each list's page and of its count."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from zaken.backoffice.dashboard import bucket, scope_for_medewerker
    from zaken.backoffice.dashboard_views import PAGE_SIZE

    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL).status_code == 200
    lines = [f"  {i:>2}. {q['sql'][:160]}{' …' if len(q['sql']) > 160 else ''}"
             for i, q in enumerate(ctx.captured_queries, start=1)]
    # Plans need the parameters: explain the dashboard's own querysets rather than the logged text.
    keuzes = scope_for_medewerker(user=get_user_model().objects.get(username=MEDEWERKER), gemeente_id=None,
                                  team_id=None)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's statistics of the bulk-inserted rows
    for lijst in LIJSTEN:
        rows = bucket(lijst, keuzes.scope, timezone.localdate())
        sql, params = rows[:PAGE_SIZE].query.sql_with_params()
        lines.append(f"  plan of the page of '{lijst}':\n{explain(sql, params)}")
        count = rows.order_by()
        count.query.clear_select_fields()
        sql, params = count.values("pk").query.sql_with_params()
        lines.append(f"  plan of the rows '{lijst}' counts:\n{explain(sql, params)}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="timed requests per list (default 100)")
    parser.add_argument("--max", type=int, default=10000, help="the largest number of open cases (default 10000)")
    args = parser.parse_args()
    lines = [f"dashboard benchmark: Django test client in-process, database {connection.vendor}, "
             f"{os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.2f}"]
    with demo_database():
        from django.contrib.auth import get_user_model

        client = Client()
        client.force_login(get_user_model().objects.get(username=MEDEWERKER))
        total = 0
        for target in sorted({1, 1000, args.max}):
            add_cases(target - total, start=total)
            total = target
            for lijst in LIJSTEN:
                q, t = measure(client, "get", f"{URL}?lijst={lijst}", args.n)
                lines.append(figures(f"{lijst:<10} with {total:>6} open cases", q, t))
        lines.append(f"queries of the overdue list with {total} open cases:")
        lines += plans(client)
    lines.append(f"load average at end {os.getloadavg()[0]:.2f}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
