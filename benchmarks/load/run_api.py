"""The load benchmark's ZGW API measurements: an API client of the big municipality, its JWT, the API
pages (GET under wrk like every page) and the rate of POST /api/zaken/v1/zaken.

The client (`load-benchmark`) is made in the served checkout with a fresh secret per run. The POST
measurement registers paper objections (bezwaar, the zaaktype the Zaken API may create): each request names
another case with a besluit, because one person objects to one besluit once. The cases it made are deleted
afterwards.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import jwt

import report
from run_pages import wrk_command
from run_stack import Stack, shell_json

CLIENT_ID = "load-benchmark"
TIMEOUT = 60
OBJECTIONS = 4000  # distinct cases to object to: more than two POST measurements of 15 s can use

# wrk: every request objects to the next case of the list; each thread takes its own stride of it.
POST_LUA = """
local nthreads, created = 0, 0
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", nthreads)
  nthreads = nthreads + 1
end
function init(args)
  non2xx = 0
  statuses = {}
  next_index = id + 1
end
function request()
  local body = BODIES[next_index]
  next_index = next_index + STRIDE
  if body == nil then body = BODIES[1] end  -- past the list: a duplicate, answered 400 and counted
  return wrk.format("POST", nil, nil, body)
end
"""

# Run in the served checkout: the client with read and create rights on the Zaken and Catalogi APIs.
SETUP = """
import json, os
from zaken.api.models import Applicatie, Autorisatie
from zaken.models import Gemeente
gemeente = Gemeente.objects.get(slug=os.environ["LOAD_GEMEENTE"])
app, _ = Applicatie.objects.update_or_create(client_id=os.environ["LOAD_CLIENT_ID"], defaults={
    "gemeente": gemeente, "label": "Load benchmark", "secret": os.environ["LOAD_SECRET"], "actief": True})
app.autorisaties.all().delete()
Autorisatie.objects.create(applicatie=app, component="zrc", max_vertrouwelijkheidaanduiding="zeer_geheim",
                           scopes=["zaken.lezen", "zaken.aanmaken", "zaken.bijwerken", "zaken.statussen.toevoegen"])
Autorisatie.objects.create(applicatie=app, component="ztc", scopes=["catalogi.lezen"])
# Cases with a besluit and nobody's objection yet: one objection each for the POST measurement.
from zaken.models import Besluit
zaken = list(Besluit.objects.filter(zaak__gemeente=gemeente, zaak__bezwaren__isnull=True)
             .order_by("-pk").values_list("zaak__uuid", flat=True).distinct()[:int(os.environ["LOAD_OBJECTIONS"])])
print("LOADJSON " + json.dumps({"rsin": gemeente.rsin, "besluitzaken": [str(u) for u in zaken]}))
"""

# The POST measurement's cases go again (with their process rows), so the next run finds the same database.
CLEANUP = """
import json, os
from django.db import transaction
from django.contrib.contenttypes.models import ContentType
from viewflow.workflow.models import Process
from django.apps import apps
from zaken.models import Zaak
with transaction.atomic():
    cases = Zaak.objects.filter(gemeente__slug=os.environ["LOAD_GEMEENTE"], zaaktype__identificatie="BEZWAAR",
                                registratiedatum__gte=os.environ["LOAD_SINCE"])
    # Every process's case model (a model with a "zaak" key) may have a viewflow process on the case.
    for model in apps.get_models():
        field = next((f for f in model._meta.fields if f.name == "zaak" and f.related_model is Zaak), None)
        if field is None:
            continue
        ids = [str(pk) for pk in model.objects.filter(zaak__in=cases).values_list("pk", flat=True)]
        if ids:
            Process.objects.filter(artifact_content_type=ContentType.objects.get_for_model(model),
                                   artifact_object_id__in=ids).delete()
    deleted = cases.count()
    cases.delete()
print("LOADJSON " + json.dumps({"deleted": deleted}))
"""


class ApiClient:
    """An API client for preflights and wrk: a fresh JWT per use (a token may be at most an hour old)."""

    def __init__(self, base: str, secret: str):
        self.base = base.rstrip("/")
        self.secret = secret

    def token(self) -> str:
        claims = {"iss": CLIENT_ID, "client_id": CLIENT_ID, "iat": int(time.time()), "user_id": "load",
                  "user_representation": "Load benchmark"}
        return jwt.encode(claims, self.secret, algorithm="HS256")

    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.token()}", "Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326",
                "Accept": "application/json"}

    def wrk_headers(self) -> list[str]:
        return [f"{k}: {v}" for k, v in self.headers().items()]

    def call(self, path: str, body: dict | None = None) -> tuple[int, object]:
        data = json.dumps(body).encode() if body is not None else None
        headers = {**self.headers(), **({"Content-Type": "application/json"} if data else {})}
        req = urllib.request.Request(self.base + path, data=data, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def request(self, path: str):
        """(status, final path, body): the shape of journey.Browser.request, for the preflight."""
        status, body = self.call(path)
        return status, path, body


def api_login(app_dir: Path, env: dict, base: str, manifest: dict) -> tuple[ApiClient, dict]:
    """The API client, and the municipality's RSIN and cases with a besluit (for the POST measurement)."""
    secret = secrets.token_urlsafe(40)
    info = shell_json(app_dir, env, SETUP, LOAD_GEMEENTE=manifest["gemeente"]["big"], LOAD_CLIENT_ID=CLIENT_ID,
                      LOAD_SECRET=secret, LOAD_OBJECTIONS=str(OBJECTIONS))
    return ApiClient(base, secret), info


def api_pages(api: ApiClient, manifest: dict) -> list[dict]:
    """The ZGW API pages: the zaken list, a citizen's cases (as a portal asks for them), one zaak, its status
    history (found through the API itself)."""
    found = [{"page": "ZGW zaken list", "path": "/api/zaken/v1/zaken", "login": "api"}]
    burgers = [b for b in manifest["burgers"] if b["gemeente"] == manifest["gemeente"]["big"]]
    if burgers:
        burger = max(burgers, key=lambda b: len(b["zaken"]))
        query = urllib.parse.urlencode({"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": burger["bsn"],
                                        "rol__omschrijvingGeneriek": "initiator"})
        found.append({"page": "ZGW zaken of a citizen", "path": f"/api/zaken/v1/zaken?{query}", "login": "api"})
    status, body = api.call("/api/zaken/v1/zaken")
    zaak = body["results"][0] if status == 200 and isinstance(body, dict) and body.get("results") else None
    path = zaak["url"].split("://", 1)[-1].split("/", 1)[-1] if zaak else ""
    found.append({"page": "ZGW zaak detail", "path": "/" + path if zaak else "", "login": "api"})
    statussen = "/api/zaken/v1/statussen?" + urllib.parse.urlencode({"zaak": zaak["url"]}) if zaak else ""
    found.append({"page": "ZGW statussen of a zaak", "path": statussen, "login": "api"})
    return found


def post_bodies(api: ApiClient, info: dict, zaaktype: str) -> list[dict] | str:
    """The objections to file, one per case with a besluit, or why there are none."""
    status, body = api.call("/api/catalogi/v1/zaaktypen?" + urllib.parse.urlencode({"identificatie": zaaktype}))
    if status != 200 or not body.get("results"):
        return f"no zaaktype {zaaktype!r} in the catalogus ({status})"
    if not info["besluitzaken"]:
        return "no case with a besluit to object to"
    today, rsin = time.strftime("%Y-%m-%d"), info["rsin"]
    return [{"zaaktype": body["results"][0]["url"], "bronorganisatie": rsin, "verantwoordelijkeOrganisatie": rsin,
             "startdatum": today, "omschrijving": "Bezwaar (load benchmark)", "vertrouwelijkheidaanduiding": "vertrouwelijk",
             "toelichting": "Ik ben het niet eens met het besluit.",
             "relevanteAndereZaken": [{"url": f"{api.base}/api/zaken/v1/zaken/{key}", "aardRelatie": "bijdrage"}]}
            for key in info["besluitzaken"]]


def lua_string(text: str) -> str:
    return "[==[" + text + "]==]"


def measure_post(base: str, api: ApiClient, bodies: list[dict] | str, conns: int, args, stack: Stack,
                 log_dir: Path, app_dir: Path, env: dict, manifest: dict) -> dict:
    """POST /api/zaken/v1/zaken under wrk (no warm-up: each body once): cases created per second; then the
    cases made since the start are deleted."""
    row = {"page": "ZGW POST zaken", "path": "/api/zaken/v1/zaken", "conns": conns}
    if isinstance(bodies, str):
        return {**row, "error": bodies}
    since = shell_json(app_dir, env, 'import json; from django.utils import timezone\n'
                       'print("LOADJSON " + json.dumps({"now": timezone.now().isoformat()}))')["now"]
    status, answer = api.call("/api/zaken/v1/zaken", bodies[0])
    if status != 201:
        shell_json(app_dir, env, CLEANUP, LOAD_GEMEENTE=manifest["gemeente"]["big"], LOAD_SINCE=since)
        return {**row, "error": f"preflight answered {status}: {' '.join(str(answer).split())[:200]}"}
    threads = min(conns, 2)
    script = log_dir / "wrk_post.lua"
    script.write_text((Path(__file__).resolve().parent / "wrk_report.lua").read_text() + POST_LUA
                      + "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                      + f"STRIDE = {threads}\nBODIES = {{"
                      + ",\n".join(lua_string(json.dumps(b)) for b in bodies[1:]) + "}\n")
    try:
        done = subprocess.run(wrk_command(base + row["path"], conns, args.duration, api.wrk_headers(), script),
                              capture_output=True, text=True, timeout=args.duration + 60)
        if done.returncode:
            raise report.WrkOutputError(f"wrk exit {done.returncode}: {(done.stderr or done.stdout)[-500:]}")
        row.update(report.parse_wrk(done.stdout))
    except (report.WrkOutputError, subprocess.TimeoutExpired) as error:
        row["error"] = str(error)
    stack.check()
    row["deleted"] = shell_json(app_dir, env, CLEANUP, LOAD_GEMEENTE=manifest["gemeente"]["big"],
                                LOAD_SINCE=since)["deleted"]
    print(f"  {row['page']:32} c={conns:<3} {row.get('rps', '-'):>8} req/s  p95 {row.get('p95_ms', '-')} ms"
          f"  non-2xx {row.get('non_2xx', '-')}  deleted {row['deleted']} cases"
          f"{'  ' + row['error'] if row.get('error') else ''}", flush=True)
    return row
