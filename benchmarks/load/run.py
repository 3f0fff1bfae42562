"""The load benchmark: serve the project as production does, drive its pages with wrk, file moves, print a table.

    .venv/bin/python benchmarks/load/run.py [--manifest var/load/manifest.json] [--duration 15]
        [--connections 1,16] [--journey-users 1,16] [--app-dir DIR] [--migrate] [--out FILE]
    .venv/bin/python benchmarks/load/run.py --compare before.json after.json

It serves the code of --app-dir (default: this checkout) with this checkout's venv: staging
settings with the mocks allowed, plain http on loopback, the manifest's PostgreSQL database, Redis
as cache and broker, gunicorn with --workers sync workers and no access log, and a Celery worker.
A bare Django hello world (hello.py) runs beside it with the same gunicorn settings: the ceiling.
It logs in over HTTP as a citizen (DigiD mock) and a civil servant of the manifest, checks that
every page answers 200 to them, then measures each page with wrk after a warm-up, and runs the
move journey (journey.py). It stops everything it started, also on Ctrl-C. See README.md.
The parts live beside this file: run_stack.py (serving), run_pages.py (logins and wrk), run_api.py (the ZGW
APIs with a JWT client: GET pages and the rate of POST zaken), run_journeys.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import report  # noqa: E402
from run_journeys import run_journeys  # noqa: E402
from run_api import api_login, api_pages, measure_post, post_bodies  # noqa: E402
from run_pages import WRK, citizen_login, measure, medewerker_login, pages  # noqa: E402
from run_stack import Stack, collectstatic, commit_of, environment, manage, serve  # noqa: E402


def benchmark(args) -> dict:
    manifest = json.loads(args.manifest.read_text())
    app_dir = args.app_dir.resolve()
    # The seeder's var dir holds the mock registers and media the seeded cases point to.
    var_dir = Path(manifest.get("var_dir") or ROOT / "var" / "load")
    log_dir = ROOT / "var" / "load" / "logs" / datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    log_dir.mkdir(parents=True, exist_ok=True)
    var_dir.mkdir(parents=True, exist_ok=True)
    env = environment(args, manifest, var_dir)
    import redis

    for db in (args.broker_db, args.cache_db):  # our own Redis databases: no stale tasks or pages
        redis.Redis.from_url(f"{args.redis_url.rstrip('/')}/{db}").flushdb()
    print(f"load benchmark: serving {app_dir} ({commit_of(app_dir)}) on {manifest['database']}; logs in {log_dir}",
          flush=True)
    if args.migrate:
        manage(app_dir, env, "migrate", "--noinput", "-v", "0")
    if not (var_dir / "mockdata" / "brp" / "personen.json").exists():
        manage(app_dir, env, "mock_registers_build")
    collectstatic(app_dir, env, var_dir)

    results = {"meta": {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "app_dir": str(app_dir),
                        "commit": commit_of(app_dir), "database": manifest["database"],
                        "cases": manifest.get("cases"), "workers": args.workers, "duration": args.duration,
                        "warmup": args.warmup, "cpus": os.cpu_count(), "loadavg_before": os.getloadavg()},
               "pages": [], "journeys": []}
    stack = Stack(log_dir)
    try:
        base, hello = serve(stack, args, app_dir, env)

        _, burger = citizen_login(base, manifest)
        todo = [{"page": "hello world", "path": "/", "login": None, "base": hello}]
        todo += [{**p, "base": base} for p in pages(manifest, burger, medewerker_login(base, manifest))]
        try:
            api, api_info = api_login(app_dir, env, base, manifest)
            todo += [{**p, "base": base} for p in api_pages(api, manifest)]
        except RuntimeError as error:  # a checkout from before the ZGW APIs: measure the rest
            print(f"load benchmark: no ZGW API measurements ({str(error).splitlines()[-1]})", flush=True)
            api = None
        if args.pages:
            todo = [p for p in todo if p["page"] == "hello world" or re.search(args.pages, p["page"])]
        # A fresh login per measurement: a long run outlasts the sessions' inactivity limits.
        logins = {None: lambda: None, "citizen": lambda: citizen_login(base, manifest)[0],
                  "staff": lambda: medewerker_login(base, manifest), "api": lambda: api or api_missing()}
        for conns in args.connections:
            for p in todo:
                try:
                    browser = logins[p["login"]]()
                except RuntimeError as error:  # a failed login fails this measurement, not the run
                    results["pages"].append({"page": p["page"], "path": p["path"], "conns": conns, "error": str(error)})
                    continue
                results["pages"].append(measure(p["base"], p["page"], p["path"], browser, conns, args, stack))
            if api and args.api_post_zaaktype and (not args.pages or re.search(args.pages, "ZGW POST zaken")):
                bodies = post_bodies(api, api_info, args.api_post_zaaktype)
                results["pages"].append(measure_post(base, api, bodies, conns, args, stack, log_dir, app_dir, env,
                                                     manifest))
        if args.journey_users:
            results["journeys"] = run_journeys(base, args, app_dir, env, var_dir)
    finally:
        stack.stop()
    results["meta"]["loadavg_after"] = os.getloadavg()
    return results


def api_missing():
    raise RuntimeError("no API client in this checkout")


def int_list(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=ROOT / "var" / "load" / "manifest.json")
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="checkout whose code is served (its manage.py)")
    parser.add_argument("--migrate", action="store_true", help="run its migrations first (never by default)")
    parser.add_argument("--duration", type=float, default=15, help="seconds per measurement")
    parser.add_argument("--warmup", type=float, default=3, help="seconds of untimed load before each measurement")
    parser.add_argument("--connections", type=int_list, default=[1, 16])
    parser.add_argument("--pages", default="", help="only pages whose label matches this regex (hello world stays)")
    parser.add_argument("--api-post-zaaktype", default="BEZWAAR",
                        help="measure POST /api/zaken/v1/zaken with this zaaktype identificatie ('' to skip)")
    parser.add_argument("--journey-users", type=int_list, default=[1, 16], help="'' for no journey")
    parser.add_argument("--journey-duration", type=float, default=30)
    parser.add_argument("--keep-cases", action="store_true", help="leave the journey's cases in the database")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (both servers)")
    parser.add_argument("--celery-concurrency", type=int, default=2)
    parser.add_argument("--database-server", default="postgres://samenloket:samenloket@127.0.0.1:5432")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379")
    parser.add_argument("--broker-db", type=int, default=12)
    parser.add_argument("--cache-db", type=int, default=13)
    parser.add_argument("--out", type=Path, help="results JSON (default var/load/results-<timestamp>.json)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A.json", "B.json"),
                        help="print two result files side by side and exit")
    return parser.parse_args(argv)


def interrupted(signum, frame):
    raise KeyboardInterrupt


def main(argv=None):
    args = parse_args(argv)
    if args.compare:
        a, b = (json.loads(p.read_text()) for p in args.compare)
        print(report.compare(a, b, args.compare[0].stem, args.compare[1].stem))
        return 0
    if not Path(WRK).exists():
        sys.exit("wrk is missing: `make bench-load` installs Debian's wrk, or apt-get install wrk")
    # Ctrl-C (also when started in the background, which ignores SIGINT), SIGTERM and SIGHUP end the
    # run through the finally that stops the stack.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGHUP, interrupted)
    try:
        results = benchmark(args)
    except KeyboardInterrupt:
        print("\nload benchmark: interrupted; gunicorn and the worker are stopped", file=sys.stderr)
        return 130
    except RuntimeError as error:  # a login or a server that failed: nothing to measure
        print(f"load benchmark: {error}", file=sys.stderr)
        return 2
    out = args.out or ROOT / "var" / "load" / f"results-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print()
    print(report.render(results))
    print(f"\nresults: {out}")
    failures = [r for r in results["pages"] if report.failed(r)]
    errors = sum(sum(j.get("errors", {}).values()) for j in results["journeys"])
    return 1 if failures or errors else 0


if __name__ == "__main__":
    sys.exit(main())
