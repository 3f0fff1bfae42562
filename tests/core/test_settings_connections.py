"""Persistent database connections: on in production and staging, overridable, off for dev and tests."""

import importlib
import sys

from django.conf import settings


def production_module(monkeypatch, **env):
    # setenv first, so that the test's undo also removes what production.py's setdefault adds.
    for name in ("DJANGO_DEBUG", "DATABASE_CONN_MAX_AGE", "DJANGO_CACHE_URL", "DJANGO_SESSION_ENGINE"):
        monkeypatch.setenv(name, "")
        monkeypatch.delenv(name)
    monkeypatch.setenv("DATABASE_URL", "postgres://u:p@127.0.0.1:5432/x")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import config.settings.production as production

    # production.py sets its defaults before it imports base: import base anew, as a fresh process does.
    monkeypatch.delitem(sys.modules, "config.settings.base")
    return importlib.reload(production)


def test_production_keeps_connections_for_a_minute_with_health_checks(monkeypatch):
    db = production_module(monkeypatch).DATABASES["default"]
    assert db["CONN_MAX_AGE"] == 60 and db["CONN_HEALTH_CHECKS"] is True


def test_the_environment_overrides_the_production_default(monkeypatch):
    assert production_module(monkeypatch, DATABASE_CONN_MAX_AGE="0").DATABASES["default"]["CONN_MAX_AGE"] == 0


def test_tests_open_a_connection_per_request():
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 0


def test_sessions_are_read_from_a_shared_cache_when_there_is_one(monkeypatch):
    assert production_module(monkeypatch).SESSION_ENGINE == "django.contrib.sessions.backends.db"
    module = production_module(monkeypatch, DJANGO_CACHE_URL="redis://127.0.0.1:6379/9")
    assert module.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
