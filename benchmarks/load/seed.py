"""Seed a PostgreSQL database for the load benchmark: 342 municipalities and N cases (default 1,000,000).

    .venv/bin/python benchmarks/load/seed.py --db samenloket_load --cases 1000000 \
        --manifest var/load/manifest.json [--fresh]

1. Creates the database (``--fresh``: drops it first) and runs migrate, backoffice_rechten,
   mock_registers_build and demo_data --zonder-zaken under the staging settings (scripts/serve.sh).
2. Files the demo cases of every process through the real services (Celery eager): these are the
   *templates*. Their rows (zaak, statuses, roles, the process's FSM row, viewflow process, tasks,
   documents, term events, audit) are what the application itself writes.
3. Copies the demo municipalities' configuration set-based into 342 municipalities in total.
4. Clones the templates N times with INSERT ... SELECT (sql/*.sql and the column map of seed_clone.py,
   derived from the Django models, so new columns are copied too): every clone gets its own ids, zaak
   number, municipality (Zipf-skewed), initiator BSN (elfproef, outside the RvIG set) and a date
   shift; most clones come from finished templates, a few percent from open ones.
5. Gives RvIG test persons (who can log in with the mock DigiD) 1-30 cases each, adds benchmark
   civil servants, assigns part of the open tasks, ANALYZE, and writes the manifest.

Only for benchmarking; never run against the demo's or a test database. The steps live in seed_*.py
beside this file; this one runs them in order.
"""

import argparse
import json
import sys
import time
from pathlib import Path

# Also when loaded by path (tests/benchmarks/test_load_seed.py), its steps import as top-level modules.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed_clone import (clone, cloned_models, constraints_drop, constraints_restore,  # noqa: E402
                        plan_make, templates_register)
from seed_db import (ASSIGNED_SHARE, BIG, OPEN_SHARE, ROOT, SMALL, create_database, django_setup,  # noqa: E402
                     environment, log, management_commands, migrated, refuse_database, run_sql, sql_file, table)
from seed_gemeenten import cfgmap_make, gemeenten_make  # noqa: E402
from seed_people import manifest, medewerkers_make, rvig_burgers  # noqa: E402
from seed_templates import templates_make  # noqa: E402


def seed(cases: int, *, chunk: int = 50_000, burgers: int = 24, random_seed: int = 11,
         open_share: float = OPEN_SHARE, assigned_share: float = ASSIGNED_SHARE) -> tuple[list, list]:
    """Everything after the management commands, on the current connection. Returns (burgers, medewerkers)."""
    sql_file("setup.sql")
    templates_make()
    gemeenten_make()
    cfgmap_make()
    models = cloned_models()
    count = templates_register(models)
    log(f"templates: {count} cases, tables {', '.join(table(m) for m, _ in models)}")
    people = rvig_burgers(burgers)
    plan_make(cases, people, random_seed, open_share)
    log("plan ready")
    run_sql("SET synchronous_commit = off")
    constraints_restore()  # an earlier run that stopped half-way
    constraints_drop([table(model) for model, _ in models])
    clone(models, cases, chunk)
    log("indexes and foreign keys back")
    constraints_restore()
    medewerkers = medewerkers_make()
    sql_file("after.sql", assigned_share=assigned_share, big=BIG, small=SMALL)
    run_sql("ANALYZE")
    return people, medewerkers


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the benchmark database (never samenloket or test_*)")
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--manifest", default="var/load/manifest.json")
    parser.add_argument("--var-dir", default="var/load", help="SAMENLOKET_VAR_DIR of the stack that serves it")
    parser.add_argument("--chunk", type=int, default=50_000)
    parser.add_argument("--fresh", action="store_true", help="drop (ending its open connections) and recreate the database first")
    args = parser.parse_args(argv)
    refuse_database(args.db)
    started = time.monotonic()
    var_dir = (ROOT / args.var_dir).resolve()
    environment(args.db, var_dir)
    create_database(args.db, args.fresh)
    django_setup()
    from zaken.models import Zaak

    if migrated() and Zaak.objects.count() > 100:
        raise SystemExit(f"seed: {args.db} holds cases already; use --fresh to seed it again.")
    log("migrate, rechten, mock registers, demo data")
    management_commands()
    people, medewerkers = seed(args.cases, chunk=args.chunk)
    seconds = time.monotonic() - started
    data = manifest(args.db, args.cases, people, medewerkers, seconds, var_dir)
    path = (ROOT / args.manifest).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False))
    log(f"done in {seconds:.0f} s; manifest {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
