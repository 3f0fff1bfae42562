"""Queries and server time of the tracker and the move e-form.

    .venv/bin/python benchmarks/portal_pages.py [-n 30]

Prints, per page: the number of SQL queries (which must not grow with the number of cases) and the
server time through Django's test client (no network), median and p95 over n requests.
"""

import argparse
import time
from datetime import timedelta

from _harness import demo_database, summary

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone


def timed(client, method, url, data=None, n=1):
    timings, queries, response = [], 0, None
    for _ in range(n):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = getattr(client, method)(url, data or {})
            timings.append((time.perf_counter() - start) * 1000)
        queries = len(ctx.captured_queries)
    return response, queries, timings


def login(client, bsn):
    from tests.conftest import login_session
    from zaken.identity import AuthContext

    login_session(client, AuthContext.now(means="digid", level="midden", bsn=bsn, display_name="Bench"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=30)
    args = parser.parse_args()
    from tests.factories import ZaakFactory
    from zaken.models import Gemeente

    with demo_database():
        client = Client()
        rotterdam = Gemeente.objects.get(slug="rotterdam")
        login(client, "999990378")
        ZaakFactory(gemeente=rotterdam, initiator_bsn="999990378", statussen=["ontvangen", "in_behandeling"])
        _, q1, t1 = timed(client, "get", "/rotterdam/mijn-zaken/", n=args.n)
        ZaakFactory.create_batch(199, gemeente=rotterdam, initiator_bsn="999990378")
        _, q200, t200 = timed(client, "get", "/rotterdam/mijn-zaken/", n=args.n)
        print(f"/mijn-zaken/ queries: 1 case {q1}, 200 cases {q200}")
        print(summary("  /mijn-zaken/ with 1 case", t1))
        print(summary("  /mijn-zaken/ with 200 cases", t200))

        form = "/rotterdam/aanvragen/verhuizing/"
        login(client, "999999345")  # spouse and three children: the largest prefill
        _, qf, tf = timed(client, "get", form, n=args.n)
        print(f"{form} GET queries: {qf}")
        print(summary("  form page", tf))

        # Submit = the form POST plus the confirming POST on the check page, each by another person.
        persons = ["999993653", "999990378", "999991607", "999990664", "999999345"]
        post_t, check_t, post_q, check_q = [], [], 0, 0
        for bsn in persons:
            client = Client()
            login(client, bsn)
            data = {"postcode": "3021 HX", "huisnummer": "300", "verhuisdatum":
                    (timezone.localdate() + timedelta(days=7)).isoformat(), "inwoning": "nee",
                    "email": "bench@example.nl", "verklaring": "on"}
            response, post_q, t = timed(client, "post", form, data)
            post_t += t
            assert response.status_code == 302, response.content[:500]
            response, check_q, t = timed(client, "post", response["Location"])
            assert response.status_code == 302
            check_t += t
        print(f"{form} submit queries: form POST {post_q}, confirm POST {check_q} "
              f"(the confirm files the case, starts the flow and renders the receipt in-process)")
        print(summary("  form POST", post_t))
        print(summary("  confirm POST", check_t))


if __name__ == "__main__":
    main()
