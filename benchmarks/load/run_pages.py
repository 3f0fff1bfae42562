"""The load benchmark's measurements: logins over HTTP as the manifest's citizen and civil servant, the
pages to measure, and each page under wrk after a preflight and a warm-up."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import journey
import report
from run_stack import Stack

WRK = shutil.which("wrk") or "/usr/bin/wrk"
LUA = Path(__file__).resolve().parent / "wrk_report.lua"
DOSSIER = re.compile(r'href="(/behandelen/zaken/\d+/)"')


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


def wrk_command(url: str, conns: int, seconds: float, headers: list[str], script: Path = LUA) -> list[str]:
    cmd = [WRK, "-t", str(min(conns, 2)), "-c", str(conns), "-d", f"{max(1, round(seconds))}s", "--timeout", "30s",
           "--latency", "-s", str(script), "-H", "Accept-Language: nl"]
    for header in headers:
        cmd += ["-H", header]
    return [*cmd, url]


def wrk_headers(browser) -> list[str]:
    """A logged-in browser's cookie, or an API client's Authorization (run_api.ApiClient)."""
    if browser is None:
        return []
    if hasattr(browser, "wrk_headers"):
        return browser.wrk_headers()
    return [f"Cookie: {browser.cookie_header()}"]


def wrk(url: str, conns: int, seconds: float, headers: list[str]) -> dict:
    done = subprocess.run(wrk_command(url, conns, seconds, headers), capture_output=True, text=True,
                          timeout=seconds + 60)
    if done.returncode:
        raise report.WrkOutputError(f"wrk exit {done.returncode}: {(done.stderr or done.stdout)[-500:]}")
    return report.parse_wrk(done.stdout)


def measure(base: str, label: str, path: str, browser, conns: int, args, stack: Stack) -> dict:
    row = {"page": label, "path": path, "conns": conns}
    headers = wrk_headers(browser)
    problem = preflight(base, path, browser)
    if problem:
        return {**row, "error": problem}
    try:
        wrk(base + path, conns, args.warmup, headers)
        row.update(wrk(base + path, conns, args.duration, headers))
    except (report.WrkOutputError, subprocess.TimeoutExpired) as error:
        row["error"] = str(error)
    stack.check()
    print(f"  {label:32} c={conns:<3} {row.get('rps', '-'):>8} req/s  p95 {row.get('p95_ms', '-')} ms"
          f"  non-2xx {row.get('non_2xx', '-')}{'  ' + row['error'] if row.get('error') else ''}", flush=True)
    return row
