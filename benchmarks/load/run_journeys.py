"""The load benchmark's journey rounds: one run of journey.py per --journey-users count, with the served
checkout picking the people and addresses, the worker's queue drained, and the round's cases deleted."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import journey
from run_stack import shell_json

# Run in the served checkout, so that they hold for its models (before or after a change).
PREPARE = """
import json, os
from zaken.models import Gemeente
from zaken.processes.verhuizing.models import Verhuizing, VerhuizingPersoon
bsns = os.environ["LOAD_BSNS"].split(",")
busy = set(VerhuizingPersoon.objects.filter(bsn__in=bsns, verhuizing__state__in=Verhuizing.OPEN_STATES)
           .values_list("bsn", flat=True))
# A death registered through the BRP mock (the seeded death cases) is not in the test set's file.
from zaken.integrations.registry import get_adapter
busy |= {p["burgerservicenummer"] for p in get_adapter("brp").personen(bsns) if p.get("overlijden")}
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
