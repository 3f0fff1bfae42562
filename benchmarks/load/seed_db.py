"""The seeder's database: its fixed choices, the environment and database it runs on, and the SQL helpers
every step uses. Django is imported inside the functions: seed.py imports this before django.setup()."""

import os
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


# --- database and Django ----------------------------------------------------------------------------


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


def migrated() -> bool:
    return "zaken_zaak" in table_names()


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


def table_names() -> list[str]:
    from django.db import connection

    return connection.introspection.table_names()
