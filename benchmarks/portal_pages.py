"""Queries and server time of the tracker and the move e-form.

    .venv/bin/python benchmarks/portal_pages.py [-n 30]

Prints, per page: the number of SQL queries (which must not grow with the number of cases) and the
server time through Django's test client (no network), median and p95 over n requests, after a few
untimed warm-up requests. A submit is timed once per test person (each files one move); the first
few submits are the warm-up.
"""

import argparse
import json
import time
from datetime import timedelta

from _harness import WARMUP, demo_database, summary

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone


def timed(client, method, url, data=None, n=1, warmup=0):
    for _ in range(warmup):
        getattr(client, method)(url, data or {})
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


def rotterdammers(limit: int) -> list[str]:
    """Living test persons registered in Rotterdam, who may each report a move."""
    personen = json.loads((settings.MOCK_DATA_DIR / "brp" / "personen.json").read_text())
    return [p["burgerservicenummer"] for p in personen
            if not p.get("overlijden") and p.get("gemeenteVanInschrijving", {}).get("code") == "0599"
            and p.get("verblijfplaats", {}).get("adresseerbaarObjectIdentificatie")][:limit * 2]


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
        _, q1, t1 = timed(client, "get", "/rotterdam/mijn-zaken/", n=args.n, warmup=WARMUP)
        ZaakFactory.create_batch(199, gemeente=rotterdam, initiator_bsn="999990378")
        _, q200, t200 = timed(client, "get", "/rotterdam/mijn-zaken/", n=args.n, warmup=WARMUP)
        print(f"/mijn-zaken/ queries: 1 case {q1}, 200 cases {q200}")
        print(summary("  /mijn-zaken/ with 1 case", t1))
        print(summary("  /mijn-zaken/ with 200 cases", t200))

        form = "/rotterdam/aanvragen/verhuizing/"
        login(client, "999999345")  # spouse and three children: the largest prefill
        _, qf, tf = timed(client, "get", form, n=args.n, warmup=WARMUP)
        print(f"{form} GET queries: {qf}")
        print(summary("  form page", tf))

        # Submit = the form POST plus the confirming POST on the check page, each by another person.
        post_t, check_t, post_q, check_q, submitted = [], [], 0, 0, 0
        for bsn in rotterdammers(limit=args.n + WARMUP):
            if submitted == args.n + WARMUP:
                break
            client = Client()
            login(client, bsn)
            data = {"postcode": "3021 HX", "huisnummer": "300", "verhuisdatum":
                    (timezone.localdate() + timedelta(days=7)).isoformat(), "inwoning": "nee",
                    "email": "bench@example.nl", "verklaring": "on"}
            response, q, t_post = timed(client, "post", form, data)
            if response.status_code != 302:
                continue  # this person cannot report this move (e.g. lives there already)
            response, q_check, t_check = timed(client, "post", response["Location"])
            if response.status_code != 302:
                continue  # refused by the service (e.g. already in an open move)
            submitted += 1
            if submitted > WARMUP:
                post_t += t_post
                check_t += t_check
                post_q, check_q = q, q_check
        print(f"{form} submit queries: form POST {post_q}, confirm POST {check_q} "
              f"(the confirm files the case, starts the flow and renders the receipt in-process)")
        print(summary("  form POST", post_t))
        print(summary("  confirm POST", check_t))


if __name__ == "__main__":
    main()
