"""Seed a PostgreSQL database for the load benchmark: 342 municipalities and N cases (default 1,000,000).

    .venv/bin/python benchmarks/load/seed.py --db samenloket_load --cases 1000000 \
        --manifest var/load/manifest.json [--fresh]

1. Creates the database (``--fresh``: drops it first) and runs migrate, backoffice_rechten,
   mock_registers_build and demo_data --zonder-zaken under the staging settings (scripts/serve.sh).
2. Files the demo cases of every process through the real services (Celery eager): these are the
   *templates*. Their rows (zaak, statuses, roles, the process's FSM row, viewflow process, tasks,
   documents, term events, audit) are what the application itself writes.
3. Copies the demo municipalities' configuration set-based into 342 municipalities in total.
4. Clones the templates N times with INSERT ... SELECT (sql/*.sql and the column map below, derived
   from the Django models, so new columns are copied too): every clone gets its own ids, zaak
   number, municipality (Zipf-skewed), initiator BSN (elfproef, outside the RvIG set) and a date
   shift; most clones come from finished templates, a few percent from open ones.
5. Gives RvIG test persons (who can log in with the mock DigiD) 1-30 cases each, adds benchmark
   civil servants, assigns part of the open tasks, ANALYZE, and writes the manifest.

Only for benchmarking; never run against the demo's or a test database.
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SQL_DIR = Path(__file__).resolve().parent / "sql"
GEMEENTEN = 342
BIG, SMALL = "den-haag", "hellevoetsluis"
OPEN_SHARE = 0.03  # share of cases still open (with open tasks)
AUDIT_SHARE = 0.1  # share of cases whose audit log rows are cloned too
ASSIGNED_SHARE = 0.25  # share of open human tasks in the demo municipalities assigned to a civil servant
BENCH_PASSWORD = "Benchmark-load-2026"
PROFILE = bool(os.environ.get("SEED_PROFILE"))
PROTECTED = {"samenloket", "postgres", "template0", "template1"}


def log(message: str) -> None:
    print(f"[seed {time.strftime('%H:%M:%S', time.gmtime())}] {message}", flush=True)


def refuse_database(name: str) -> None:
    if not name or name in PROTECTED or name.startswith("test"):
        raise SystemExit(f"seed: refusing database {name!r}: give your own benchmark database with --db.")


# --- 1. database and Django -------------------------------------------------------------------------


def environment(db: str, var_dir: Path) -> None:
    """The production-like stack of scripts/serve.sh, on `db`; tasks run eagerly (no broker)."""
    os.environ["DATABASE_URL"] = os.environ.get("SEED_PG_URL", "postgres://samenloket:samenloket@127.0.0.1:5432") \
        .rstrip("/") + f"/{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.staging"
    os.environ["SAMENLOKET_ALLOW_MOCKS"] = "true"
    os.environ["SAMENLOKET_STAGING_INSECURE_HTTP"] = "true"
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost")
    os.environ["SAMENLOKET_VAR_DIR"] = str(var_dir)
    os.environ.pop("CELERY_BROKER_URL", None)
    os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
    key_file = var_dir / "secret_key"
    if not os.environ.get("DJANGO_SECRET_KEY"):
        var_dir.mkdir(parents=True, exist_ok=True)
        if not key_file.exists():
            import secrets

            key_file.write_text(secrets.token_urlsafe(50))
        os.environ["DJANGO_SECRET_KEY"] = key_file.read_text().strip()


def create_database(db: str, fresh: bool) -> None:
    import psycopg

    url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db]).fetchone()
        if exists and fresh:
            log(f"dropping {db}")
            conn.execute(f'DROP DATABASE "{db}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{db}"')


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def management_commands() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("backoffice_rechten", verbosity=0)
    call_command("mock_registers_build", verbosity=0)
    call_command("demo_data", zonder_zaken=True, verbosity=0)


# --- 2. templates: real cases through the services ---------------------------------------------------


def templates_make() -> None:
    """Each process's demo cases, filed through its services: what a real case writes."""
    from django.utils.module_loading import import_string

    from zaken.models import Zaak
    from zaken.registry import processes

    if Zaak.objects.exists():
        log("templates: cases exist already, reusing them")
        return
    for definition in processes:
        if definition.demo_cases:
            import_string(definition.demo_cases)(stdout=None)
    templates_finish()


def templates_finish() -> None:
    """Walk some demo cases on, as time would: both driving licences paid and ready at the counter, one
    handed out; the event's melding accepted after its prohibition period. Gives finished templates
    for every process and open ones in every work list."""
    from datetime import timedelta

    import time_machine
    from django.contrib.auth import get_user_model

    from zaken.integrations.payments.services import betaling_verwerken
    from zaken.integrations.payments.views import KEUZES
    from zaken.integrations.registry import get_adapter
    from zaken.processes.evenementenvergunning.models import Evenement
    from zaken.processes.rijbewijs.handover import IdControle, rijbewijs_uitreiken
    from zaken.processes.rijbewijs.models import Rijbewijs
    from zaken.processes.rijbewijs.services import rijbewijs_betaling
    from zaken.timers import sweep

    rijbewijzen = list(Rijbewijs.objects.filter(state=Rijbewijs.State.ONTVANGEN).select_related("zaak"))
    for rijbewijs in rijbewijzen:
        betaling = rijbewijs_betaling(rijbewijs=rijbewijs, site_url="http://localhost", terug_url="/")
        get_adapter("payments").kiezen(betaling.provider_id, KEUZES["betalen"])
        betaling_verwerken(betaling.provider_id)
    for _ in range(3):  # ordered, produced, ready: each at its next check
        moments = [r.volgende_controle for r in Rijbewijs.objects.filter(pk__in=[r.pk for r in rijbewijzen])
                   if r.volgende_controle and r.state != Rijbewijs.State.KLAAR]
        if not moments:
            break
        with time_machine.travel(max(moments) + timedelta(minutes=1), tick=False):
            sweep()
    klaar = list(Rijbewijs.objects.filter(state=Rijbewijs.State.KLAAR).select_related("zaak", "afhaallocatie"))
    if klaar:
        rijbewijs = klaar[0]
        user = get_user_model().objects.filter(lidmaatschappen__gemeente=rijbewijs.zaak.gemeente,
                                                groups__name="behandelaar").first()
        with time_machine.travel(timezone_now() + timedelta(days=5), tick=False):
            rijbewijs_uitreiken(rijbewijs=rijbewijs, user=user, controle=IdControle(
                locatie=rijbewijs.afhaallocatie, documentsoort="paspoort", documentnummer="NX4K8P2L1",
                identiteit_vastgesteld=True, oud_rijbewijs_ingenomen=True, uitkomst="uitgereikt"))
    for evenement in Evenement.objects.filter(state=Evenement.State.MELDING_ONTVANGEN, verbod_uiterlijk__isnull=False):
        with time_machine.travel(datetime_at(evenement.verbod_uiterlijk + timedelta(days=1)), tick=False):
            sweep()
    log("templates: " + ", ".join(f"{r.zaak.identificatie} {r.state}" for r in Rijbewijs.objects.select_related("zaak"))
        + "; " + ", ".join(e.state for e in Evenement.objects.all()))


def timezone_now():
    from django.utils import timezone

    return timezone.now()


def datetime_at(day, hour: int = 10):
    from datetime import datetime, time as clock
    from zoneinfo import ZoneInfo

    return datetime.combine(day, clock(hour), tzinfo=ZoneInfo("Europe/Amsterdam"))


# --- SQL helpers ----------------------------------------------------------------------------------


def run_sql(sql: str, params=None):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else cursor.rowcount


def sql_file(name: str, **values) -> None:
    text = (SQL_DIR / name).read_text()
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    run_sql(text)


def table(model) -> str:
    return model._meta.db_table


# --- 3. municipalities -----------------------------------------------------------------------------


def config_models():
    """Models that belong to a municipality and configure it (copied for every new municipality)."""
    from zaken.models import Gemeente, GemeenteHost, GemeenteProduct
    from zaken.processes.parkeervergunning.models import Vergunningzone
    from zaken.processes.rijbewijs.models import Afhaallocatie

    return Gemeente, [GemeenteProduct, GemeenteHost, Afhaallocatie, Vergunningzone]


def copy_columns(model, overrides: dict[str, str], alias: str = "o") -> tuple[str, str]:
    """(column list, select list) for INSERT ... SELECT copying every concrete column of `model`."""
    columns, values = [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(f'"{field.column}"')
        values.append(overrides.get(field.column, f'{alias}."{field.column}"'))
    return ", ".join(columns), ", ".join(values)


def gemeenten_make(total: int = GEMEENTEN) -> None:
    """New municipalities as copies of Rotterdam (default theme), with all their configuration."""
    Gemeente, configs = config_models()
    existing = run_sql(f"SELECT count(*) FROM {table(Gemeente)}")[0][0]
    if existing >= total:
        return
    cols, vals = copy_columns(Gemeente, {
        "naam": "'Loadgemeente ' || lpad(i::text, 3, '0')",
        "slug": "'loadgemeente-' || lpad(i::text, 3, '0')",
        "gemeentecode": "lpad((1000 + i)::text, 4, '0')",
        "rsin": "seed_elfproef(80000000 + 2 * i)",
        "welkomsttekst": "'Welkom bij het online loket van Loadgemeente ' || lpad(i::text, 3, '0') || '.'",
        "contact_email": "'info@loadgemeente-' || lpad(i::text, 3, '0') || '.example'",
        "bezoekadres": "'Raadhuisplein ' || i || ', Loadgemeente ' || lpad(i::text, 3, '0')"})
    run_sql(f"INSERT INTO {table(Gemeente)} ({cols}) SELECT {vals} FROM generate_series(%s, %s) i, "
            f"{table(Gemeente)} o WHERE o.slug = 'rotterdam' ORDER BY i", [existing + 1, total])
    for model in configs:
        overrides = {"gemeente_id": "g.id"}
        if model._meta.db_table.endswith("gemeentehost"):
            overrides["hostname"] = "g.slug || '.localhost'"
        cols, vals = copy_columns(model, overrides)
        run_sql(f"INSERT INTO {table(model)} ({cols}) SELECT {vals} FROM {table(model)} o "
                f"JOIN {table(Gemeente)} s ON s.id = o.gemeente_id AND s.slug = 'rotterdam' "
                f"JOIN {table(Gemeente)} g ON g.slug LIKE 'loadgemeente-%%' "
                f"AND NOT EXISTS (SELECT 1 FROM {table(model)} x WHERE x.gemeente_id = g.id)")
    log(f"gemeenten: {run_sql(f'SELECT count(*) FROM {table(Gemeente)}')[0][0]}")


def cfgmap_make() -> None:
    """seed_cfgmap: a template's counter or parking zone -> the same-ranked one of each municipality."""
    _, configs = config_models()
    run_sql("TRUNCATE seed_cfgmap")
    for model in configs:
        if model._meta.db_table in ("zaken_gemeenteproduct", "zaken_gemeentehost"):
            continue
        tbl = table(model)
        run_sql(f"""WITH r AS (SELECT id, gemeente_id, row_number() OVER (PARTITION BY gemeente_id ORDER BY id) rn,
                                      count(*) OVER (PARTITION BY gemeente_id) n FROM {tbl})
                    INSERT INTO seed_cfgmap SELECT '{tbl}', o.id, g.gemeente_id, g.id FROM r o
                    JOIN r g ON g.rn = (o.rn - 1) % g.n + 1""")


# --- 4. the clone plan and the clone itself ---------------------------------------------------------


# Timers and sweeps: kept at the template's (future) moment, so a running beat does not fire a million
# clones against the mock registers during a benchmark.
NOT_SHIFTED = {"scheduled", "volgende_controle", "brp_volgende_poging"}
EXCLUDED_TABLES = {"zaken_betaling", "zaken_indiening", "bezwaar_bezwaar"}


def cloned_models() -> list:
    """Every model that hangs off a Zaak (directly or through another such model), parents first."""
    from django.apps import apps
    from viewflow.workflow.models import Process

    from zaken.models import Zaak

    order, owners = [Zaak, Process], {Zaak: None, Process: None}
    candidates = [m for m in apps.get_models(include_auto_created=True)
                  if m not in owners and m._meta.db_table not in EXCLUDED_TABLES
                  and not m._meta.db_table.startswith("integrations_")]
    changed = True
    while changed:
        changed = False
        for model in candidates:
            if model in owners:
                continue
            links = [f for f in model._meta.concrete_fields if f.is_relation and not f.primary_key
                     and f.related_model in owners and (f.related_model is not Zaak or f.name == "zaak")]
            # The case itself when the model points at it, else the first required link.
            link = next((f for f in links if f.name == "zaak"), None) or next((f for f in links if not f.null), None)
            if link is not None:
                owners[model] = link
                order.append(model)
                changed = True
    return [(model, owners[model]) for model in order]


def templates_register(models) -> int:
    """seed_tpl_rows: every template row with the template zaak it belongs to."""
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Process

    from zaken.models import Zaak

    zaak_ct = ContentType.objects.get_for_model(Zaak).pk
    run_sql("TRUNCATE seed_tpl_rows")
    run_sql(f"INSERT INTO seed_tpl_rows SELECT '{table(Zaak)}', z.id, z.id FROM {table(Zaak)} z "
            "JOIN zaken_zaaktype t ON t.id = z.zaaktype_id WHERE t.process_slug <> 'bezwaar'")
    run_sql(f"INSERT INTO seed_tpl_rows SELECT '{table(Process)}', p.id, r.tpl FROM {table(Process)} p "
            f"JOIN seed_tpl_rows r ON r.tbl = '{table(Zaak)}' AND r.old_id = p.seed_object_id "
            f"WHERE p.seed_content_type_id = {zaak_ct}")
    for model, field in models:
        if field is None:
            continue
        parent = table(field.related_model)
        run_sql(f"INSERT INTO seed_tpl_rows SELECT '{table(model)}', o.{model._meta.pk.column}, r.tpl "
                f"FROM {table(model)} o JOIN seed_tpl_rows r ON r.tbl = '{parent}' AND r.old_id = o.\"{field.column}\"")
    # Content types of the cloned models, for viewflow's generic seed/artifact pointers.
    run_sql("TRUNCATE seed_ct")
    for model, _ in models:
        ct = ContentType.objects.get_for_model(model, for_concrete_model=False)
        run_sql("INSERT INTO seed_ct VALUES (%s, %s)", [ct.pk, table(model)])
    return run_sql(f"SELECT count(*) FROM seed_tpl_rows WHERE tbl = '{table(Zaak)}'")[0][0]


def column_expression(model, field, cloned: set[str], configs: set[str]) -> str:
    """What a clone's column gets: new ids, the plan's municipality and person, shifted dates."""
    from django.db import models as m

    col = f'o."{field.column}"'
    tbl = table(model)
    if field.primary_key:
        return "i.new_id"
    if tbl == "zaken_zaak":
        special = {"identificatie": "p.identificatie", "bronorganisatie": "p.rsin",
                   "initiator_bsn": "CASE WHEN o.initiator_bsn <> '' THEN p.bsn ELSE '' END"}
        if field.column in special:
            return special[field.column]
    if tbl == "zaken_besluit" and field.column == "identificatie":
        # Unique per municipality and year like the real ones; after.sql moves the series past them.
        return (f"CASE WHEN {col} = '' THEN '' ELSE 'BESLUIT-' || extract(year FROM o.datum + p.shift_days)::int "
                f"|| '-' || lpad(i.new_id::text, 7, '0') END")
    if field.is_relation:
        related = table(field.related_model)
        if related == "zaken_gemeente":
            return "p.gemeente_id"
        if related in cloned:
            return (f"(SELECT x.new_id FROM seed_idmap x WHERE x.tbl = '{related}' AND x.k = i.k "
                    f"AND x.old_id = {col})")
        if related in configs:
            return (f"(SELECT c.new_id FROM seed_cfgmap c WHERE c.tbl = '{related}' AND c.old_id = {col} "
                    f"AND c.gemeente_id = p.gemeente_id)")
        return col
    if field.column in ("seed_object_id", "artifact_object_id") and tbl.startswith("viewflow_"):
        ct = field.column.replace("object_id", "content_type_id")
        return (f"COALESCE((SELECT x.new_id FROM seed_idmap x JOIN seed_ct c ON c.tbl = x.tbl "
                f"WHERE c.ct_id = o.{ct} AND x.k = i.k AND x.old_id = {col}), {col})")
    if isinstance(field, m.UUIDField) and field.unique:
        return "gen_random_uuid()"
    if field.column in NOT_SHIFTED:
        return col
    if isinstance(field, m.DateTimeField):
        return f"{col} + p.shift_s * interval '1 second'"
    if isinstance(field, m.DateField):
        return f"{col} + p.shift_days"
    if isinstance(field, m.CharField) and "bsn" in field.column:
        return f"CASE WHEN {col} <> '' AND {col} = p.tpl_bsn THEN p.bsn ELSE {col} END"
    return col


def clone_statements(models) -> list[tuple[str, str]]:
    """(table, INSERT ... SELECT) for each cloned model; the ids come from seed_idmap."""
    _, configs = config_models()
    cloned = {table(model) for model, _ in models}
    config_tables = {table(model) for model in configs}
    statements = []
    for model, _ in models:
        fields = model._meta.concrete_fields
        columns = ", ".join(f'"{f.column}"' for f in fields)
        values = ", ".join(column_expression(model, f, cloned, config_tables) for f in fields)
        statements.append((table(model), (
            f"INSERT INTO {table(model)} ({columns}) SELECT {values} FROM seed_idmap i "
            f"JOIN {table(model)} o ON o.{model._meta.pk.column} = i.old_id "
            f"JOIN seed_plan p ON p.k = i.k WHERE i.tbl = '{table(model)}'")))
    return statements


def constraints_drop(tables: list[str]) -> None:
    """Bulk-load order: foreign keys, unique constraints and indexes off (kept in seed_ddl), the primary keys
    stay. The clones are unique by construction; restoring the constraints checks that once."""
    run_sql("CREATE TABLE IF NOT EXISTS seed_ddl (seq serial, tbl text, name text, kind text, def text)")
    run_sql("""INSERT INTO seed_ddl (tbl, name, kind, def)
               SELECT c.conrelid::regclass::text, c.conname, CASE c.contype WHEN 'f' THEN 'fk' ELSE 'unique' END,
                      pg_get_constraintdef(c.oid) FROM pg_constraint c
               WHERE c.contype IN ('f', 'u') AND c.conrelid::regclass::text = ANY(%s) ORDER BY c.contype = 'u'""",
            [tables])
    run_sql("""INSERT INTO seed_ddl (tbl, name, kind, def)
               SELECT tablename, indexname, 'index', indexdef FROM pg_indexes
               WHERE schemaname = 'public' AND tablename = ANY(%s)
                 AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))""", [tables])
    for tbl, name, kind in run_sql("SELECT tbl, name, kind FROM seed_ddl ORDER BY seq"):
        run_sql(f'DROP INDEX "{name}"' if kind == "index" else f'ALTER TABLE {tbl} DROP CONSTRAINT "{name}"')


def constraints_restore() -> None:
    """Unique constraints and indexes first (the foreign keys' checks use them), then the foreign keys, each
    validated in one pass."""
    if "seed_ddl" not in _tables():
        return
    run_sql("SET maintenance_work_mem = '256MB'")
    for seq, tbl, name, kind, definition in run_sql("SELECT seq, tbl, name, kind, def FROM seed_ddl "
                                                     "ORDER BY kind = 'fk', kind = 'index', seq"):
        tick = time.monotonic()
        run_sql(definition if kind == "index" else f'ALTER TABLE {tbl} ADD CONSTRAINT "{name}" {definition}')
        run_sql("DELETE FROM seed_ddl WHERE seq = %s", [seq])
        if PROFILE:
            log(f"  {kind} {name}: {time.monotonic() - tick:.1f} s")
    run_sql("DROP TABLE seed_ddl")


def _tables() -> list[str]:
    from django.db import connection

    return connection.introspection.table_names()


def clone(models, cases: int, chunk: int) -> None:
    from django.db import transaction

    statements = clone_statements(models)
    sequences = {tbl: f"pg_get_serial_sequence('{tbl}', '{model._meta.pk.column}')" for model, _ in models
                 for tbl in [table(model)]}
    started = time.monotonic()
    for low in range(1, cases + 1, chunk):
        high = min(cases, low + chunk - 1)
        with transaction.atomic():
            run_sql("DROP INDEX IF EXISTS seed_idmap_key")
            run_sql("TRUNCATE seed_idmap")
            for tbl, seq in sequences.items():
                source = (f"FROM seed_plan p JOIN seed_tpl_rows r ON r.tpl = p.tpl AND r.tbl = '{tbl}' "
                          f"WHERE p.k BETWEEN {low} AND {high}" + (" AND p.audit" if tbl == "zaken_auditlog" else ""))
                count = run_sql(f"SELECT count(*) {source}")[0][0]
                if count:
                    # One block of ids per table and chunk instead of a nextval() per row.
                    first = run_sql(f"SELECT setval({seq}, nextval({seq}) + {count} - 1) - {count} + 1")[0][0]
                    run_sql(f"INSERT INTO seed_idmap SELECT r.tbl, r.old_id, p.k, {first} + row_number() OVER () - 1 "
                            + source)
            run_sql("CREATE INDEX seed_idmap_key ON seed_idmap (tbl, k, old_id) INCLUDE (new_id)")
            run_sql("ANALYZE seed_idmap")
            if PROFILE:
                log(f"  idmap: {time.monotonic() - started:.2f} s since start")
            for tbl, statement in statements:
                tick = time.monotonic()
                rows = run_sql(statement)
                if PROFILE:
                    log(f"  {tbl}: {rows} rows {time.monotonic() - tick:.2f} s")
        elapsed = time.monotonic() - started
        log(f"cases {high:>9,}/{cases:,}  {elapsed:7.1f} s  ({high / elapsed:,.0f} cases/s)")


def plan_make(cases: int, burgers: list[dict], seed: int, open_share: float) -> None:
    """seed_plan: one row per clone (k): template, municipality, dates, person, case number."""
    from zaken.models import Gemeente

    order = [BIG, "rotterdam"] + [s for (s,) in run_sql(
        f"SELECT slug FROM {table(Gemeente)} WHERE slug NOT IN (%s, %s, %s) ORDER BY id", [BIG, "rotterdam", SMALL])]
    order.insert(min(len(order), 199), SMALL)  # a small municipality, far down the Zipf tail
    run_sql("TRUNCATE seed_gem")
    weights = [1 / rank for rank in range(1, len(order) + 1)]
    total, cumulative = sum(weights), 0.0
    rows = []
    for rank, (slug, weight) in enumerate(zip(order, weights), start=1):
        cumulative += weight / total
        rows.append((rank, slug, 1.0 if rank == len(order) else cumulative))
    for rank, slug, cum in rows:
        run_sql(f"INSERT INTO seed_gem SELECT %s, id, rsin, %s FROM {table(Gemeente)} WHERE slug = %s",
                [rank, cum, slug])
    sql_file("plan.sql", cases=cases, open_share=open_share, audit_share=AUDIT_SHARE, seed=seed / 1000.0)
    # The RvIG persons: cases of templates filed by a citizen, in their municipality.
    ranges, low = [], 1
    for burger in burgers:
        ranges.append((burger["bsn"], burger["gemeente"], low, low + burger["count"] - 1))
        low += burger["count"]
    if ranges:
        values = ", ".join(["(%s, %s, %s, %s)"] * len(ranges))
        run_sql(f"""WITH e AS (SELECT k, row_number() OVER (ORDER BY k) AS rn FROM seed_plan
                               WHERE tpl_bsn <> '' ORDER BY k LIMIT {low - 1})
                    UPDATE seed_plan p SET bsn = b.bsn, gemeente_id = g.id
                    FROM e JOIN (VALUES {values}) b (bsn, slug, lo, hi) ON e.rn BETWEEN b.lo AND b.hi
                    JOIN zaken_gemeente g ON g.slug = b.slug WHERE p.k = e.k""",
                [v for r in ranges for v in r])
    sql_file("numbers.sql")


# --- 5. people, manifest ----------------------------------------------------------------------------


def rvig_burgers(count: int) -> list[dict]:
    """RvIG test persons the BRP mock knows (so the mock DigiD login shows their name)."""
    import csv

    from zaken.integrations.errors import IntegrationError
    from zaken.integrations.registry import get_adapter

    from django.conf import settings

    path = next(Path(settings.RVIG_TESTSET_DIR).glob("*Testset*.csv"))
    with path.open(encoding="utf-8-sig") as handle:
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        column = header.index("01.01.20")
        bsns = sorted({row[column].zfill(9) for row in reader if row[column].strip()})
    rng = random.Random(11)
    rng.shuffle(bsns)
    brp, chosen = get_adapter("brp"), []
    for bsn in bsns:
        try:
            persoon = brp.persoon(bsn)
        except IntegrationError:
            continue
        naam = persoon.get("naam", {}).get("volledigeNaam", "")
        if not naam or len(naam) > 150 or persoon.get("overlijden"):
            continue
        gemeente = BIG if len(chosen) % 2 == 0 else SMALL
        chosen.append({"bsn": bsn, "gemeente": gemeente, "count": rng.randint(1, 30)})
        if len(chosen) == count:
            break
    return chosen


def medewerkers_make() -> list[dict]:
    """The demo accounts keep their municipality; three benchmark civil servants are added."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from zaken.management.commands.demo_data import DEMO_PASSWORD
    from zaken.models import Gemeente, Medewerkerschap

    User = get_user_model()
    last = Gemeente.objects.order_by("-id").first().slug
    specs = {"bench-groot": [BIG], "bench-klein": [SMALL], "bench-twee": ["rotterdam", last]}
    behandelaar = Group.objects.get(name="behandelaar")
    result = []
    for username, slugs in specs.items():
        user, created = User.objects.get_or_create(username=username, defaults={
            "first_name": "Benchmark", "last_name": username, "is_staff": True,
            "email": f"{username}@samenloket.example"})
        if created:
            user.set_password(BENCH_PASSWORD)
            user.save()
        user.groups.add(behandelaar)
        for slug in slugs:
            Medewerkerschap.objects.get_or_create(user=user, gemeente=Gemeente.objects.get(slug=slug))
        result.append({"username": username, "password": BENCH_PASSWORD, "gemeenten": slugs})
    for user in User.objects.filter(username__startswith="behandelaar-").order_by("username"):
        result.append({"username": user.username, "password": DEMO_PASSWORD,
                       "gemeenten": sorted(user.lidmaatschappen.values_list("gemeente__slug", flat=True))})
    return result


def manifest(db: str, cases: int, burgers: list[dict], medewerkers: list[dict], seconds: float,
             var_dir: Path) -> dict:
    last = run_sql("SELECT slug FROM zaken_gemeente ORDER BY id DESC LIMIT 1")[0][0]
    people = []
    for burger in burgers:
        zaken = [z for (z,) in run_sql(
            "SELECT z.identificatie FROM zaken_zaak z JOIN zaken_gemeente g ON g.id = z.gemeente_id "
            "WHERE z.initiator_bsn = %s AND g.slug = %s ORDER BY z.registratiedatum DESC",
            [burger["bsn"], burger["gemeente"]])]
        people.append({"bsn": burger["bsn"], "gemeente": burger["gemeente"], "zaken": zaken})
    bedrijven = []
    for kvk, slug in run_sql(
            "SELECT DISTINCT z.initiator_kvk, g.slug FROM zaken_zaak z JOIN zaken_gemeente g ON g.id = z.gemeente_id "
            "WHERE z.initiator_kvk <> '' AND g.slug IN (%s, %s) ORDER BY 1, 2", [BIG, SMALL]):
        zaken = [z for (z,) in run_sql(
            "SELECT z.identificatie FROM zaken_zaak z JOIN zaken_gemeente g ON g.id = z.gemeente_id "
            "WHERE z.initiator_kvk = %s AND g.slug = %s ORDER BY z.registratiedatum DESC LIMIT 50", [kvk, slug])]
        bedrijven.append({"kvk": kvk, "gemeente": slug, "zaken": zaken})
    return {"database": db, "cases": cases, "gemeenten": GEMEENTEN,
            "gemeente": {"big": BIG, "small": SMALL, "last": last},
            "burgers": people, "medewerkers": medewerkers, "bedrijven": bedrijven,
            "seconds": round(seconds, 1), "var_dir": str(var_dir)}


# --- the whole seed ---------------------------------------------------------------------------------


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

    if _migrated() and Zaak.objects.count() > 100:
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


def _migrated() -> bool:
    from django.db import connection

    return "zaken_zaak" in _tables()


if __name__ == "__main__":
    sys.exit(main())
