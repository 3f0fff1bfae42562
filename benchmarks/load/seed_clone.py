"""The seeder's clone: the plan (one row per clone), the column map derived from the Django models (so new
columns are copied too) and the chunked INSERT ... SELECT, with constraints and indexes off meanwhile."""

import time

from seed_db import AUDIT_SHARE, BIG, PROFILE, SMALL, log, run_sql, sql_file, table, table_names
from seed_gemeenten import config_models


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
    if "seed_ddl" not in table_names():
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
