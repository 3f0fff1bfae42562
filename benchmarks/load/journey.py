"""The submission journey of the load benchmark: virtual people each filing a move notification over HTTP.

Each virtual user (a thread) takes the next test person from a shared pool and walks the move
(verhuizing) the way a browser does: the DigiD mock's login page, the login (which lands on the
form), the live address check, the form, the check page with its fingerprint, the final submit
(which lands on the "verzonden" page) and the tracker detail of the new case. Every answer that is
not the expected one counts as an error of its step, with its status code; a person's journey
stops at its first error. The pool comes from the RvIG test set (the mock BRP's file), filtered by
the move rules: alive, adult, a registered address, no suspended registration, not in an open
move now. New addresses are dwellings of the mock BAG in active municipalities that take moves.

run.py calls `run_journey`; `python benchmarks/load/journey.py --url ... --users 4` runs it against
a stack that is already up (the pool then needs --mock-data and --targets, see --help).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import queue
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

from report import percentile

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FINGERPRINT = re.compile(r'name="vingerafdruk" value="([0-9a-f]+)"')
TRACKER = re.compile(r'href="(/[a-z0-9-]+/mijn-zaken/([^/"]+)/)"')
STEPS = ("login_page", "login", "address_lookup", "form", "submit", "tracker")
MIN_AGE = 18
TIMEOUT = 60  # seconds per request; a slower answer is an error, not a very slow success


class Browser:
    """One person's browser: a cookie jar, redirects followed, every answer returned (never raised)."""

    def __init__(self, base_url: str):
        self.base = base_url.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: dict | None = None, *, multipart: bool = False, referer: str = ""):
        """(status, final path, body text)."""
        headers = {"User-Agent": "samenloket-load-benchmark", "Accept-Language": "nl"}
        if referer:
            headers["Referer"] = self.base + referer  # Django's CSRF check wants it only on https
        body = None
        if data is not None:
            if multipart:
                body, headers["Content-Type"] = multipart_body(data)
            else:
                body = urllib.parse.urlencode(data, doseq=True).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
        req = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with self.opener.open(req, timeout=TIMEOUT) as response:
                final = urllib.parse.urlsplit(response.geturl()).path
                return response.status, final, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            final = urllib.parse.urlsplit(error.geturl() or path).path
            return error.code, final, error.read().decode("utf-8", "replace")

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def multipart_body(fields: dict) -> tuple[bytes, str]:
    """A browser's multipart/form-data body of text fields (lists give repeated fields)."""
    boundary = f"----samenloket{uuid.uuid4().hex}"
    parts = []
    for name, value in fields.items():
        for v in value if isinstance(value, list) else [value]:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{v}\r\n')
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode(), f"multipart/form-data; boundary={boundary}"


def csrf_token(body: str) -> str:
    found = CSRF.search(body)
    return found.group(1) if found else ""


def digid_login(browser: Browser, gemeente: str, bsn: str, next_path: str) -> tuple[int, str, str]:
    """The DigiD mock's page, then its form: the answer of the page the login lands on."""
    login = f"/{gemeente}/inloggen/digid/?{urllib.parse.urlencode({'next': next_path})}"
    status, _, body = browser.request(login)
    if status != 200:
        return status, "", body
    return browser.request(login, {"csrfmiddlewaretoken": csrf_token(body), "next": next_path, "bsn": bsn,
                                   "level": "midden"}, referer=login)


# --- the pool of people and addresses -----------------------------------------------------------

def movers(personen: list[dict], *, today: date, busy: set[str]) -> list[dict]:
    """Test persons the move rules accept as their own declarant (see the module docstring)."""
    adult_born_before = date(today.year - MIN_AGE, today.month, min(today.day, 28)).isoformat()
    pool = []
    for p in personen:
        born = (p.get("geboorte") or {}).get("datum", {}).get("datum", "")
        if (p.get("overlijden") or p.get("opschortingBijhouding") or not born or born > adult_born_before
                or not (p.get("verblijfplaats") or {}).get("adresseerbaarObjectIdentificatie")
                or p["burgerservicenummer"] in busy):
            continue
        pool.append({"bsn": p["burgerservicenummer"],
                     "object": p["verblijfplaats"]["adresseerbaarObjectIdentificatie"]})
    return pool


def dwellings(adressen: list[dict], *, gemeenten: dict[str, str]) -> list[dict]:
    """Addresses that are one dwelling per postcode and number, in a municipality that takes moves.

    `gemeenten` maps a CBS code to the slug of an active municipality with the move product.
    """
    per_number = Counter((a["postcode"], a["huisnummer"]) for a in adressen)
    found = []
    for a in adressen:
        if (a["gemeenteIdentificatie"] in gemeenten and per_number[(a["postcode"], a["huisnummer"])] == 1
                and not a.get("huisletter") and not a.get("huisnummertoevoeging") and not a.get("isNevenadres")
                and "woonfunctie" in a.get("gebruiksdoelen", [])):
            found.append({"postcode": a["postcode"], "huisnummer": a["huisnummer"],
                          "object": a["adresseerbaarObjectIdentificatie"],
                          "gemeente": gemeenten[a["gemeenteIdentificatie"]]})
    return found


# --- one journey ---------------------------------------------------------------------------------

class Recorder:
    """Per-step timings, errors by step and status, and the identificaties of the filed cases."""

    def __init__(self):
        self.lock = threading.Lock()
        self.timings = defaultdict(list)
        self.errors = Counter()
        self.examples = {}
        self.cases = []

    def step(self, name: str, started: float, ok: bool, status: int, detail: str = "") -> bool:
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.timings[name].append(elapsed)
            if not ok:
                key = f"{name} {status}"
                self.errors[key] += 1
                self.examples.setdefault(key, detail[:300])
        return ok


def journey(base_url: str, person: dict, target: dict, rec: Recorder, today: date) -> bool:
    """One move from login to the tracker of the filed case; False at the first failing step."""
    b = Browser(base_url)
    g = target["gemeente"]
    form_path = f"/{g}/aanvragen/verhuizing/"

    t = time.perf_counter()
    login = f"/{g}/inloggen/digid/?{urllib.parse.urlencode({'next': form_path})}"
    status, _, body = b.request(login)
    if not rec.step("login_page", t, status == 200 and bool(csrf_token(body)), status, body):
        return False
    t = time.perf_counter()
    status, final, body = b.request(login, {"csrfmiddlewaretoken": csrf_token(body), "next": form_path,
                                            "bsn": person["bsn"], "level": "midden"}, referer=login)
    if not rec.step("login", t, status == 200 and final == form_path, status, f"{final} {body}"):
        return False
    token = csrf_token(body)

    t = time.perf_counter()
    status, _, answer = b.request(f"{form_path}adres/", {"postcode": target["postcode"],
                                                         "huisnummer": target["huisnummer"],
                                                         "csrfmiddlewaretoken": token}, referer=form_path)
    if not rec.step("address_lookup", t, status == 200 and '"regel"' in answer, status, answer):
        return False

    t = time.perf_counter()
    fields = {"csrfmiddlewaretoken": token, "postcode": target["postcode"], "huisnummer": target["huisnummer"],
              "huisletter": "", "huisnummertoevoeging": "",
              "verhuisdatum": (today + timedelta(days=7)).isoformat(), "inwoning": "nee",
              "email": "load-benchmark@example.nl", "telefoon": "", "verklaring": "on"}
    status, final, body = b.request(form_path, fields, multipart=True, referer=form_path)
    if not rec.step("form", t, status == 200 and final.endswith("/controleren/") and bool(FINGERPRINT.search(body)),
                    status, f"{final} {body}"):
        return False

    t = time.perf_counter()
    check_path = final
    status, final, body = b.request(check_path, {"csrfmiddlewaretoken": csrf_token(body),
                                                 "vingerafdruk": FINGERPRINT.search(body).group(1)},
                                    referer=check_path)
    tracker = TRACKER.search(body)
    if not rec.step("submit", t, status == 200 and final.endswith("/verzonden/") and bool(tracker), status,
                    f"{final} {body}"):
        return False
    with rec.lock:
        rec.cases.append(urllib.parse.unquote(tracker.group(2)))

    t = time.perf_counter()
    status, _, body = b.request(tracker.group(1))
    return rec.step("tracker", t, status == 200, status, body)


def run_journey(base_url: str, *, users: int, duration: float, pool: list[dict], targets: list[dict],
                today: date | None = None) -> dict:
    """`users` threads walk journeys until `duration` seconds have passed or the pool is empty."""
    today = today or date.today()
    rec = Recorder()
    people = queue.Queue()
    for i, person in enumerate(pool):
        # Never a move to where the person lives now; spread the people over the addresses.
        options = [a for a in targets if a["object"] != person["object"]]
        people.put((person, options[i % len(options)]))
    completed = Counter()
    deadline = time.monotonic() + duration

    def user():
        while time.monotonic() < deadline:
            try:
                person, target = people.get_nowait()
            except queue.Empty:
                return
            try:
                ok = journey(base_url, person, target, rec, today)
            except Exception as error:  # a broken connection, a timeout: an error, never a crash
                with rec.lock:
                    rec.errors[f"exception {type(error).__name__}"] += 1
                    rec.examples.setdefault(f"exception {type(error).__name__}", str(error)[:300])
                ok = False
            if ok:
                with rec.lock:
                    completed["n"] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=user, daemon=True) for _ in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "users": users, "seconds": round(elapsed, 2), "completed": completed["n"],
        "cases_per_s": round(completed["n"] / elapsed, 2) if elapsed else 0.0,
        "pool": len(pool), "pool_exhausted": people.empty(),
        "steps": {name: {"n": len(rec.timings[name]), "p50_ms": percentile(rec.timings[name], 50),
                         "p95_ms": percentile(rec.timings[name], 95)} for name in STEPS if rec.timings[name]},
        "errors": dict(rec.errors), "error_examples": rec.examples, "cases": rec.cases,
    }


def main():
    parser = argparse.ArgumentParser(description="The move journey against a running stack.")
    parser.add_argument("--url", required=True)
    parser.add_argument("--users", type=int, default=1)
    parser.add_argument("--duration", type=float, default=15)
    parser.add_argument("--mock-data", type=Path, required=True, help="the stack's MOCK_DATA_DIR")
    parser.add_argument("--targets", required=True,
                        help="JSON object of CBS code to municipality slug, e.g. '{\"0599\": \"rotterdam\"}'")
    parser.add_argument("--busy", default="", help="comma-separated BSNs in an open move now")
    args = parser.parse_args()
    personen = json.loads((args.mock_data / "brp" / "personen.json").read_text())
    adressen = json.loads((args.mock_data / "bag" / "adressen.json").read_text())
    pool = movers(personen, today=date.today(), busy=set(filter(None, args.busy.split(","))))
    targets = dwellings(adressen, gemeenten=json.loads(args.targets))
    result = run_journey(args.url, users=args.users, duration=args.duration, pool=pool, targets=targets)
    print(json.dumps({k: v for k, v in result.items() if k != "cases"}, indent=2))


if __name__ == "__main__":
    main()
