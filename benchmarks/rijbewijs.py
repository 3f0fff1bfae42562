"""Queries and server time of the driving-licence renewal: form, check page, payment return, tracker,
counter, and the pickup letter's render time.

    .venv/bin/python benchmarks/rijbewijs.py [-n 200] [--letters 30]

Requests go through Django's test client in this process (the whole middleware stack, no network,
no WSGI server). Per page: the SQL queries of one request (the count must not grow with the number
of cases), and server time p50/p95/p99 with the requests per second of one client in sequence, over
n requests after a few untimed warm-ups, and the median CPU time of this process per request (the
client, the server and SQLite all run in it), which other load on the machine disturbs less.

The payment return is timed twice: the first return of a paid payment (it reconciles with the mock
provider and the payment hook files the case further), and a repeated return of the same payment.
The first return runs in two modes: tasks eager (as in the tests and `make run`: the receipt, the
payment letter and the RDW order run inside the request), and tasks queued (as in production, where
the web process only hands them to Celery; here `apply_async` is stubbed to record the call).
The pickup letter is rendered as its Celery task renders it; storing the PDF is not timed.
"""

import argparse
import logging
import os
import statistics
from contextlib import contextmanager
from unittest import mock

from _harness import WARMUP, demo_database, figures, measure, pct, request, time_renders

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

logging.disable(logging.INFO)  # task, payment and login lines would drown the figures

FORM = "/rotterdam/aanvragen/rijbewijs/"
SUZANNE = "999993653"  # Rotterdam, B and BE, photo and signature approved
MEDEWERKER = "behandelaar-rotterdam"


def citizen(bsn: str) -> Client:
    from tests.conftest import login_session
    from zaken.identity import AuthContext

    client = Client()
    login_session(client, AuthContext.now(means="digid", level="substantieel", bsn=bsn, display_name="Bench"))
    return client


def form_data(locatie) -> dict:
    return {"categorieen": ["B", "BE"], "afhaallocatie": str(locatie.pk), "email": "bench@example.nl",
            "telefoon": "", "verklaring": "on"}


def licence_holders() -> list[str]:
    """Every BSN the RDW mock has a licence for: the RDW takes an order for each of them."""
    from zaken.integrations.brp.mockdata import load

    return sorted(load("rdw/rijbewijzen.json", lambda doc: doc["personen"]))


def paid_payments(count: int, *, locatie, gemeente, holders) -> list:
    """`count` applications, each with a payment the citizen completed at the provider (no webhook yet).

    Filed through the services with Suzanne's register data under other licence holders' BSNs (one
    open renewal per person), so the RDW mock takes each order as it would take a real one.
    """
    from tests.rijbewijs.helpers import indienen
    from zaken.integrations.payments.base import PAID
    from zaken.integrations.registry import get_adapter
    from zaken.processes.rijbewijs.services import rijbewijs_betaling

    payments = []
    for bsn in holders[:count]:
        rijbewijs = indienen(bsn=bsn, gemeente=gemeente, locatie=locatie)
        betaling = rijbewijs_betaling(rijbewijs=rijbewijs, site_url="http://testserver/",
                                      terug_url=f"/rotterdam/mijn-zaken/{rijbewijs.zaak.identificatie}/")
        get_adapter("payments").kiezen(betaling.provider_id, PAID)
        payments.append(betaling)
    return payments


@contextmanager
def tasks_queued():
    """Celery as production's web process sees it: a task call only queues (recorded, not run)."""
    from celery.app.task import Task

    queued = []
    with mock.patch.object(Task, "apply_async", lambda self, *a, **kw: queued.append(self.name)):
        yield queued


def returns(payments: list, *, first: bool) -> tuple[int, list[tuple[float, float]]]:
    client = Client()  # the return carries no login: the payment's uuid is all it needs
    timings, queries = [], 0
    for i, betaling in enumerate(payments):
        url = f"/betalen/terug/{betaling.uuid}/"
        if not first:
            request(client, "get", url, expect=302)  # the first return, untimed
        _, queries, elapsed = request(client, "get", url, expect=302)
        if i >= WARMUP:
            timings.append(elapsed)
    return queries, timings


def citizen_pages(lines, n, locatie):
    client = citizen(SUZANNE)
    q, t = measure(client, "get", FORM, n)
    lines.append(figures("form page GET (BRP + RDW prefill)", q, t))
    q, t = measure(client, "post", FORM, n, data=form_data(locatie), expect=302)
    lines.append(figures("form POST (valid, to the check page)", q, t))
    q, t = measure(client, "get", FORM + "controleren/", n)
    lines.append(figures("check page GET", q, t))


def payment_returns(lines, count, gemeente, locatie) -> list:
    """The eager payments, for the tracker afterwards."""
    from zaken.processes.rijbewijs.models import Rijbewijs

    holders = [bsn for bsn in licence_holders() if bsn != SUZANNE]
    count += WARMUP
    eager = paid_payments(count, locatie=locatie, gemeente=gemeente, holders=holders)
    queued = paid_payments(count, locatie=locatie, gemeente=gemeente, holders=holders[count:])
    q, t = returns(eager, first=True)
    lines.append(figures("payment return, first (tasks eager)", q, t))
    with tasks_queued() as tasks:
        q, t = returns(queued, first=True)
    lines.append(figures("payment return, first (tasks queued)", q, t))
    lines.append(f"  queued per first return: {len(tasks) // count} tasks ({', '.join(sorted(set(tasks)))})")
    q, t = returns(eager, first=False)
    lines.append(figures("payment return, repeated", q, t))
    states = Rijbewijs.objects.filter(zaak__betalingen__in=eager).values_list("state", flat=True)
    lines.append(f"  states after the eager returns: {sorted(set(states))}")
    return eager


def tracker(lines, n, gemeente, locatie, paid):
    """The tracker detail with the renewal's panel, with the applicant's one case, then with 200 more."""
    from tests.factories import ZaakFactory
    from tests.rijbewijs.helpers import indienen
    from zaken.processes.rijbewijs.models import Rijbewijs

    waiting = indienen(bsn=SUZANNE, gemeente=gemeente, locatie=locatie)
    in_production = Rijbewijs.objects.select_related("zaak").get(zaak__betalingen=paid)
    pages = [("waiting for payment", citizen(SUZANNE), waiting),
             ("in production", citizen(in_production.bsn), in_production)]
    before = [measure(client, "get", f"/rotterdam/mijn-zaken/{case.zaak.identificatie}/", n)
              for _label, client, case in pages]
    for _label, _client, case in pages:
        ZaakFactory.create_batch(200, gemeente=gemeente, initiator_bsn=case.bsn)
    for (label, client, case), (q1, t1) in zip(pages, before):
        q, t = measure(client, "get", f"/rotterdam/mijn-zaken/{case.zaak.identificatie}/", n)
        lines.append(figures(f"tracker detail, {label}, 1 case", q1, t1))
        lines.append(figures(f"tracker detail, {label}, 201 cases", q, t))


def counter(lines, n, gemeente, locatie):
    """The counter's list of cards ready at one counter (25 a page)."""
    from django.contrib.auth import get_user_model

    from tests.rijbewijs.helpers import klaar_leggen

    client = Client()
    client.force_login(get_user_model().objects.get(username=MEDEWERKER))
    url = f"/behandelen/werklijst/rijbewijs/?locatie={locatie.pk}"
    klaar_leggen(10, gemeente=gemeente, locatie=locatie)
    q, t = measure(client, "get", url, n)
    lines.append(figures("counter list, 10 cards ready", q, t))
    klaar_leggen(190, gemeente=gemeente, locatie=locatie)
    q, t = measure(client, "get", url, n)
    lines.append(figures("counter list, 200 cards ready (page 1 of 8)", q, t))


def pickup_letter(lines, n):
    """The pickup letter as its task renders it: context with the QR code, then WeasyPrint."""
    from django.utils import timezone, translation

    from zaken.documents.letters import LANG
    from zaken.documents.render import LETTER_TIMEZONE, pdf_render
    from zaken.processes.rijbewijs.letters import LETTERS, brief_context
    from zaken.processes.rijbewijs.models import Rijbewijs

    card = Rijbewijs.objects.select_related("zaak__gemeente", "afhaallocatie").filter(
        state=Rijbewijs.State.KLAAR).first()
    template, titel, _soort = LETTERS["afhalen"]

    def render() -> bytes:
        with translation.override(LANG), timezone.override(LETTER_TIMEZONE):
            context = {"zaak": card.zaak, "datum": timezone.localdate(), **brief_context(card, "afhalen")}
            return pdf_render(template=template, context=context, gemeente=card.zaak.gemeente,
                              title=titel % {"id": card.zaak.identificatie}, lang=LANG)

    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as ctx:
        render()
    cold_ms, timings, pdf = time_renders(render, n)
    ordered = sorted(timings)
    lines.append(f"pickup letter render (first {cold_ms:.0f} ms, queries {len(ctx.captured_queries)}): "
                 f"n={len(ordered)} p50 {statistics.median(ordered):.1f} ms  p95 {pct(ordered, 0.95):.1f} ms  "
                 f"min {ordered[0]:.1f} ms  max {ordered[-1]:.1f} ms  PDF {len(pdf):,} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="timed requests per page (default 200)")
    parser.add_argument("--returns", type=int, default=60, help="first payment returns per mode (default 60)")
    parser.add_argument("--letters", type=int, default=30, help="timed pickup-letter renders (default 30)")
    args = parser.parse_args()
    lines = [f"rijbewijs benchmark: Django test client in-process, database {connection.vendor}, "
             f"Celery eager={settings.CELERY_TASK_ALWAYS_EAGER}, {os.cpu_count()} cores, "
             f"load average at start {os.getloadavg()[0]:.2f}"]

    with demo_database():
        from zaken.models import Gemeente
        from zaken.processes.rijbewijs.demo import locaties_ensure

        locaties_ensure()
        rotterdam = Gemeente.objects.get(slug="rotterdam")
        locatie = rotterdam.afhaallocaties.order_by("volgorde").first()
        citizen_pages(lines, args.n, locatie)
        eager = payment_returns(lines, args.returns, rotterdam, locatie)
        tracker(lines, args.n, rotterdam, locatie, eager[-1])
        counter(lines, args.n, rotterdam, locatie)
        pickup_letter(lines, args.letters)

    lines.append(f"load average at end {os.getloadavg()[0]:.2f}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
