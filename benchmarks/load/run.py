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
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from hashlib import sha1
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import journey  # noqa: E402
import report  # noqa: E402

VENV_BIN = ROOT / ".venv" / "bin"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
LUA = HERE / "wrk_report.lua"
DOSSIER = re.compile(r'href="(/behandelen/zaken/\d+/)"')


# --- processes ----------------------------------------------------------------------------------

class Stack:
    """The processes this run started; `stop` ends each (its whole process group), once."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.procs: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, cmd: list[str], *, cwd: Path, env: dict) -> subprocess.Popen:
        log = open(self.log_dir / f"{name}.log", "ab")
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append((name, proc))
        return proc

    def check(self):
        for name, proc in self.procs:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} ended (exit {proc.returncode}); see {self.log_dir / name}.log")

    def stop(self):
        for _, proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 25
        for _, proc in self.procs:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.procs = []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, stack: Stack, timeout: float = 90) -> None:
    """Until the server answers anything at all over HTTP."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        stack.check()
        try:
            status, _, _ = journey.Browser(url).request("/gezond/")
            if status:
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def manage(app_dir: Path, env: dict, *args: str, code: str | None = None, extra_env: dict | None = None) -> str:
    """A manage.py command of the served checkout, with this checkout's venv; its stdout."""
    cmd = [str(VENV_BIN / "python"), "manage.py", *args]
    if code is not None:
        cmd += ["-v", "0", "-c", code]
    done = subprocess.run(cmd, cwd=app_dir, env={**env, **(extra_env or {})}, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def shell_json(app_dir: Path, env: dict, code: str, **extra_env) -> dict:
    out = manage(app_dir, env, "shell", code=code, extra_env=extra_env)
    found = re.search(r"^LOADJSON (.*)$", out, re.MULTILINE)
    if not found:
        raise RuntimeError(f"no result from manage.py shell: {out[-1000:]}")
    return json.loads(found.group(1))


# Run in the served checkout, so that they hold for its models (before or after a change).
PREPARE = """
import json, os
from zaken.models import Gemeente
from zaken.processes.verhuizing.models import Verhuizing, VerhuizingPersoon
bsns = os.environ["LOAD_BSNS"].split(",")
busy = set(VerhuizingPersoon.objects.filter(bsn__in=bsns, verhuizing__state__in=Verhuizing.OPEN_STATES)
           .values_list("bsn", flat=True))
gemeenten = dict(Gemeente.objects.filter(actief=True, producten__product__slug="verhuizing", producten__actief=True)
                 .values_list("gemeentecode", "slug"))
print("LOADJSON " + json.dumps({"busy": sorted(busy), "gemeenten": gemeenten}))
"""

# The journey's cases go again, so that the next run (or the other checkout) finds the same database.
CLEANUP = """
import json, os
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from viewflow.workflow.models import Process
from zaken.models import Zaak
from zaken.processes.verhuizing.models import Verhuizing
ids = json.loads(os.environ["LOAD_CASES"])
with transaction.atomic():
    cases = [str(pk) for pk in Verhuizing.objects.filter(zaak__identificatie__in=ids).values_list("pk", flat=True)]
    Process.objects.filter(artifact_content_type=ContentType.objects.get_for_model(Verhuizing),
                           artifact_object_id__in=cases).delete()
    deleted, _ = Zaak.objects.filter(identificatie__in=ids).delete()
print("LOADJSON " + json.dumps({"deleted": deleted}))
"""


# --- logins and pages ---------------------------------------------------------------------------

def citizen_login(base: str, manifest: dict) -> tuple[journey.Browser, dict]:
    big = manifest["gemeente"]["big"]
    burgers = [b for b in manifest["burgers"] if b.get("zaken")]
    burger = next((b for b in burgers if b["gemeente"] == big), burgers[0])
    browser = journey.Browser(base)
    status, final, body = journey.digid_login(browser, burger["gemeente"], burger["bsn"],
                                              f"/{burger['gemeente']}/mijn-zaken/")
    if status != 200 or not final.endswith("/mijn-zaken/"):
        raise RuntimeError(f"DigiD mock login as a manifest citizen failed: {status} at {final}")
    return browser, burger


def medewerker_login(base: str, manifest: dict) -> journey.Browser:
    big = manifest["gemeente"]["big"]
    m = next((m for m in manifest["medewerkers"] if big in m["gemeenten"]), manifest["medewerkers"][0])
    browser = journey.Browser(base)
    login = "/behandelen/accounts/login/"
    status, _, body = browser.request(login)
    status, final, body = browser.request(login, {"csrfmiddlewaretoken": journey.csrf_token(body),
                                                  "username": m["username"], "password": m["password"],
                                                  "next": "/behandelen/zaken/"}, referer=login)
    if status != 200 or final.startswith(login):
        raise RuntimeError(f"back-office login as {m['username']} failed: {status} at {final}")
    return browser


def pages(manifest: dict, burger: dict, staff: journey.Browser) -> list[dict]:
    """Label, path and who is logged in ("citizen", "staff" or None) of every page, hello world apart."""
    g = manifest["gemeente"]
    portal = burger["gemeente"]
    found = []

    def add(label, path, login):
        found.append({"page": label, "path": path, "login": login})

    add("/gezond/ (middleware only)", "/gezond/", None)
    add("municipality chooser /", "/", None)
    add("municipality home (big)", f"/{g['big']}/", None)
    add("municipality home (342nd)", f"/{g['last']}/", None)
    add("tracker list", f"/{portal}/mijn-zaken/", "citizen")
    add("tracker detail", f"/{portal}/mijn-zaken/{burger['zaken'][0]}/", "citizen")
    add("case list", "/behandelen/zaken/", "staff")
    _, _, body = staff.request("/behandelen/zaken/")
    dossier = DOSSIER.search(body)
    add("case dossier", dossier.group(1) if dossier else "", "staff")
    add("work queue", "/behandelen/taken/queue/", "staff")
    add("inbox", "/behandelen/taken/inbox/", "staff")
    add("death work list", "/behandelen/werklijst/aangifte-overlijden/", "staff")
    add("rijbewijs counter list", "/behandelen/werklijst/rijbewijs/", "staff")
    add("termijnen dashboard", "/behandelen/termijnen/", "staff")
    add("process list (verhuizing)", "/behandelen/taken/flows/verhuizing/flows/", "staff")
    return found


def preflight(base: str, path: str, browser: journey.Browser | None) -> str:
    """'' when the page answers 200 at its own path to this browser, else what went wrong."""
    if not path:
        return "no such page in this data set"
    status, final, _ = (browser or journey.Browser(base)).request(path)
    if status != 200 or final != path:
        return f"preflight answered {status}" + (f" at {final}" if final != path else "")
    return ""


def wrk(url: str, conns: int, seconds: float, cookie: str) -> dict:
    cmd = [WRK, "-t", str(min(conns, 2)), "-c", str(conns), "-d", f"{max(1, round(seconds))}s", "--timeout", "30s",
           "--latency", "-s", str(LUA), "-H", "Accept-Language: nl"]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    done = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=seconds + 60)
    if done.returncode:
        raise report.WrkOutputError(f"wrk exit {done.returncode}: {(done.stderr or done.stdout)[-500:]}")
    return report.parse_wrk(done.stdout)


def measure(base: str, label: str, path: str, browser, conns: int, args, stack: Stack) -> dict:
    row = {"page": label, "path": path, "conns": conns}
    cookie = browser.cookie_header() if browser else ""
    problem = preflight(base, path, browser)
    if problem:
        return {**row, "error": problem}
    try:
        wrk(base + path, conns, args.warmup, cookie)
        row.update(wrk(base + path, conns, args.duration, cookie))
    except (report.WrkOutputError, subprocess.TimeoutExpired) as error:
        row["error"] = str(error)
    stack.check()
    print(f"  {label:32} c={conns:<3} {row.get('rps', '-'):>8} req/s  p95 {row.get('p95_ms', '-')} ms"
          f"  non-2xx {row.get('non_2xx', '-')}{'  ' + row['error'] if row.get('error') else ''}", flush=True)
    return row


# --- the journey --------------------------------------------------------------------------------

def queue_drained(broker_url: str, timeout: float) -> bool:
    """True when the worker has done every receipt and flow step: none queued, none taken but unfinished."""
    import redis

    client = redis.Redis.from_url(broker_url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # kombu's Redis transport keeps the messages a worker has taken in "unacked" until they are done.
        if not client.llen("celery") and not client.hlen("unacked"):
            return True
        time.sleep(1)
    return False


def run_journeys(base: str, args, app_dir: Path, env: dict, var_dir: Path) -> list[dict]:
    mock = var_dir / "mockdata"
    personen = json.loads((mock / "brp" / "personen.json").read_text())
    adressen = json.loads((mock / "bag" / "adressen.json").read_text())
    results = []
    for users in args.journey_users:
        candidates = journey.movers(personen, today=date.today(), busy=set())
        info = shell_json(app_dir, env, PREPARE, LOAD_BSNS=",".join(p["bsn"] for p in candidates))
        pool = journey.movers(personen, today=date.today(), busy=set(info["busy"]))
        targets = journey.dwellings(adressen, gemeenten=info["gemeenten"])
        if not pool or not targets:
            results.append({"users": users, "completed": 0, "cases_per_s": 0, "steps": {},
                            "errors": {"no people or addresses for the journey": 1}})
            continue
        result = journey.run_journey(base, users=users, duration=args.journey_duration, pool=pool, targets=targets)
        drain_started = time.monotonic()
        result["queue_drained"] = queue_drained(env["CELERY_BROKER_URL"], timeout=180)
        result["drain_seconds"] = round(time.monotonic() - drain_started, 1)  # the worker's backlog after the run
        cases = result.pop("cases")
        if not args.keep_cases and cases:
            result["deleted"] = shell_json(app_dir, env, CLEANUP, LOAD_CASES=json.dumps(cases))["deleted"]
        errors = sum(result["errors"].values())
        print(f"  journey users={users}: {result['completed']} cases in {result['seconds']} s = "
              f"{result['cases_per_s']} cases/s, {errors} errors"
              + (" (pool exhausted)" if result["pool_exhausted"] else "")
              + f"; the worker's queue drained {result['drain_seconds']} s later", flush=True)
        for key, example in result["error_examples"].items():
            print(f"    {key} x{result['errors'][key]}: {example[:160]!r}", flush=True)
        results.append(result)
    return results


# --- main ---------------------------------------------------------------------------------------

def environment(args, manifest: dict, var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_SETTINGS")}
    redis = args.redis_url.rstrip("/")
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.staging",
        "SAMENLOKET_ALLOW_MOCKS": "true",
        "SAMENLOKET_STAGING_INSECURE_HTTP": "true",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "SAMENLOKET_VAR_DIR": str(var_dir),
        "DATABASE_URL": args.database_server.rstrip("/") + "/" + manifest["database"],
        "CELERY_BROKER_URL": f"{redis}/{args.broker_db}",
        "DJANGO_CACHE_URL": f"{redis}/{args.cache_db}",
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    return env


def commit_of(app_dir: Path) -> str:
    done = subprocess.run(["git", "-C", str(app_dir), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() or "?"


def source_state(app_dir: Path) -> str:
    """The commit and uncommitted changes of a git checkout; '' when it is not one (always collect then)."""
    head = subprocess.run(["git", "-C", str(app_dir), "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode:
        return ""
    dirty = subprocess.run(["git", "-C", str(app_dir), "status", "--porcelain"], capture_output=True, text=True)
    return f"{app_dir} {head.stdout.strip()} {sha1(dirty.stdout.encode()).hexdigest()}"


def collectstatic(app_dir: Path, env: dict, var_dir: Path) -> None:
    """collectstatic (minutes: it hashes and compresses every file), skipped when the same source was collected."""
    stamp = var_dir / "static" / ".load-benchmark-source"
    state = source_state(app_dir)
    if state and stamp.exists() and stamp.read_text() == state:
        return
    manage(app_dir, env, "collectstatic", "--noinput", "-v", "0")
    if state:
        stamp.write_text(state)


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
        port, hello_port = free_port(), free_port()
        gunicorn = [str(VENV_BIN / "gunicorn"), "--workers", str(args.workers), "--graceful-timeout", "20",
                    "--no-control-socket"]
        stack.start("gunicorn", [*gunicorn, "--bind", f"127.0.0.1:{port}", "config.wsgi:application"],
                    cwd=app_dir, env=env)
        hello_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        stack.start("hello", [*gunicorn, "--bind", f"127.0.0.1:{hello_port}", "hello:application"],
                    cwd=HERE, env=hello_env)
        if args.journey_users:
            stack.start("celery", [str(VENV_BIN / "celery"), "-A", "config", "worker", "-l", "warning",
                                   "--concurrency", str(args.celery_concurrency), "--without-gossip",
                                   "--without-mingle"], cwd=app_dir, env=env)
        base, hello = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{hello_port}"
        wait_http(base, stack)
        wait_http(hello, stack)

        _, burger = citizen_login(base, manifest)
        todo = [{"page": "hello world", "path": "/", "login": None, "base": hello}]
        todo += [{**p, "base": base} for p in pages(manifest, burger, medewerker_login(base, manifest))]
        if args.pages:
            todo = [p for p in todo if p["page"] == "hello world" or re.search(args.pages, p["page"])]
        # A fresh login per measurement: a long run outlasts the sessions' inactivity limits.
        logins = {None: lambda: None, "citizen": lambda: citizen_login(base, manifest)[0],
                  "staff": lambda: medewerker_login(base, manifest)}
        for conns in args.connections:
            for p in todo:
                try:
                    browser = logins[p["login"]]()
                except RuntimeError as error:  # a failed login fails this measurement, not the run
                    results["pages"].append({"page": p["page"], "path": p["path"], "conns": conns, "error": str(error)})
                    continue
                results["pages"].append(measure(p["base"], p["page"], p["path"], browser, conns, args, stack))
        if args.journey_users:
            results["journeys"] = run_journeys(base, args, app_dir, env, var_dir)
    finally:
        stack.stop()
    results["meta"]["loadavg_after"] = os.getloadavg()
    return results


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
