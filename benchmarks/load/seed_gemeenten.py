"""The seeder's municipalities: copies of Rotterdam with all their configuration, set-based, up to 342."""

from seed_db import GEMEENTEN, log, run_sql, table


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
