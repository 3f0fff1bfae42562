"""What the HTTP hop to the registers costs: the move form page (prefill) and the register calls of
one whole move notification, from the DigiD login to the filed case.

    DATABASE_URL=postgres://... .venv/bin/python benchmarks/register_hop.py [-n 50] [--app-dir DIR]

The ways to reach the mock registers:
- `in-process`: before issue 12 the mock adapters were called in the web process. Run this script
  with `--app-dir` on a checkout from before (e.g. a worktree of 5f80203) to measure that code;
- `http-wsgi`: the production HTTP clients, answered by the mock registers' WSGI app in this process
  (what the test suite does): serialisation and client overhead, no socket;
- `http-socket`: the production HTTP clients against `mock_registers_serve` on a loopback socket, as
  `make run` and `make serve` run it.
Prints per way: the form page's median and p95 over n requests (test client, after warm-up), and the
outgoing register requests of each step of one move notification. Without DATABASE_URL the test
database is SQLite in a file (the socket server's threads need to see it).
"""

import argparse
import logging
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

APP_DIR = Path(sys.argv[sys.argv.index("--app-dir") + 1]).resolve() if "--app-dir" in sys.argv else None
if APP_DIR:  # that checkout's harness and code, not this one's
    sys.path[:0] = [str(APP_DIR / "benchmarks"), str(APP_DIR)]
    os.chdir(APP_DIR)
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='bench-hop-')}/hop.sqlite3"

from _harness import WARMUP, demo_database, summary  # noqa: E402

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from tests.eform_check import fingerprint_of  # noqa: E402

FORM = "/rotterdam/aanvragen/verhuizing/"
LARGEST_PREFILL = "999999345"  # spouse and three children
KINDS = ("brp", "bag", "kvk", "rdw")


class Calls(logging.Handler):
    """Counts the register client's log lines: one per request sent (plus one per refused send)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.count = Counter()

    def emit(self, record):
        self.count[record.getMessage().split(" ", 1)[0]] += 1


class Counted:
    """An in-process adapter of the old code, counting its calls as the HTTP client's log lines count requests."""

    def __init__(self, kind, adapter):
        self.kind, self.adapter = kind, adapter

    def __getattr__(self, name):
        value = getattr(self.adapter, name)
        if not callable(value) or name.startswith("_"):
            return value

        def call(*args, **kwargs):
            calls.count[self.kind] += 1
            return value(*args, **kwargs)
        return call


calls = Calls()
HTTP = (Path(settings.BASE_DIR) / "zaken" / "integrations" / "http").is_dir()


def ways() -> tuple[str, ...]:
    return ("http-wsgi", "http-socket") if HTTP else ("in-process",)


def use(way: str, socket_url: str) -> None:
    from zaken.integrations.registry import registries

    if way == "in-process":
        for kind in KINDS:
            key = settings.INTEGRATIONS[kind]
            registries[kind]._items[key] = Counted(kind, registries[kind].get(key))
        return
    from zaken.integrations.http import client

    client._sessions.clear()
    base = socket_url if way == "http-socket" else "http://127.0.0.1:8001"
    settings.MOCK_REGISTERS_INPROCESS = way == "http-wsgi"
    for kind, config in settings.REGISTERS.items():
        path = config["url"][len(settings.MOCK_REGISTERS_URL):]
        settings.REGISTERS[kind] = {**config, "url": base + path}
    settings.MOCK_REGISTERS_URL = base


def login(client: Client, bsn: str) -> None:
    response = client.post("/rotterdam/inloggen/digid/", {"bsn": bsn, "level": "midden", "next": "/rotterdam/mijn-zaken/"})
    assert response.status_code == 302, response.status_code


def form_page(n: int) -> list[float]:
    client = Client()
    login(client, LARGEST_PREFILL)
    for _ in range(WARMUP):
        assert client.get(FORM).status_code == 200
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(FORM)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return timings


def one_move(bsn: str) -> list[tuple[str, int]]:
    """The register requests of each step of one move notification, by a person as a browser does it."""
    client, steps = Client(), []

    def step(name, do):
        before = sum(calls.count.values())
        response = do()
        steps.append((name, sum(calls.count.values()) - before))
        return response

    step("DigiD login", lambda: login(client, bsn))
    step("form page", lambda: client.get(FORM))
    data = {"postcode": "3021 HX", "huisnummer": "300", "verhuisdatum": (timezone.localdate() + timedelta(days=7)).isoformat(),
            "inwoning": "nee", "email": "bench@example.nl", "verklaring": "on"}
    response = step("form POST", lambda: client.post(FORM, data))
    assert response.status_code == 302, response.content.decode()[:2000]
    check = response["Location"]
    page = step("check page", lambda: client.get(check))
    response = step("confirm POST (files the case)", lambda: client.post(check, {"vingerafdruk": fingerprint_of(page)}))
    assert response.status_code == 302, response.status_code
    step("tracker", lambda: client.get(response["Location"]))
    return steps


def rotterdammers() -> list[str]:
    import json

    personen = json.loads((settings.MOCK_DATA_DIR / "brp" / "personen.json").read_text())
    return [p["burgerservicenummer"] for p in personen
            if not p.get("overlijden") and p.get("gemeenteVanInschrijving", {}).get("code") == "0599"
            and p.get("verblijfplaats", {}).get("adresseerbaarObjectIdentificatie")
            and p.get("geboorte", {}).get("datum", {}).get("datum", "9999") < "2000"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--app-dir", help="measure another checkout (read before Django starts)")
    args = parser.parse_args()

    logging.getLogger("samenloket.integrations.http").addHandler(calls)
    logging.getLogger("samenloket.integrations.http").propagate = False
    print(f"code: {settings.BASE_DIR}; database: {connection.vendor}; n={args.n} form pages per way")
    with demo_database():
        socket_url, server = "", None
        if HTTP:
            from zaken.integrations.management.commands.mock_registers_serve import make_server

            server = make_server("127.0.0.1", 0)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            socket_url = f"http://127.0.0.1:{server.server_port}"
        people = iter(rotterdammers())
        for way in ways():
            use(way, socket_url)
            calls.count.clear()
            timings = form_page(args.n)
            per_page = sum(calls.count.values()) / (args.n + WARMUP)
            print(summary(f"{way:12} {FORM} (prefill)", timings) + f"  register requests per page {per_page:.0f}")
            for bsn in people:
                calls.count.clear()
                try:
                    steps = one_move(bsn)
                except AssertionError as refused:
                    if os.environ.get("BENCH_DEBUG"):
                        print("  refused:", refused)
                    continue  # this person cannot report this move (lives there, or an open move)
                total = sum(calls.count.values())
                print(f"  one move notification: {total} register requests "
                      f"({', '.join(f'{k} {v}' for k, v in sorted(calls.count.items()))}); per step: "
                      + "; ".join(f"{name} {count}" for name, count in steps))
                break
        if server:
            server.shutdown()


if __name__ == "__main__":
    main()
