import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings


def test_deploy_check_refuses_mock_adapters():
    with pytest.raises(SystemCheckError) as exc:
        call_command("check", deploy=True, fail_level="ERROR")
    for kind in ("digid", "eherkenning", "brp", "bag", "kvk"):
        assert f"INTEGRATIONS['{kind}'] uses mock adapter" in str(exc.value)


@override_settings(INTEGRATIONS={"digid": "digid-onbekend", "eherkenning": "eherkenning-mock", "brp": "brp-haalcentraal",
                                 "bag": "bag-kadaster", "kvk": "kvk-basisprofiel"})
def test_deploy_check_names_unknown_adapters():
    with pytest.raises(SystemCheckError) as exc:
        call_command("check", deploy=True, fail_level="ERROR")
    assert "names unknown adapter 'digid-onbekend'" in str(exc.value)


def test_plain_check_passes_with_mocks():
    call_command("check")


@override_settings(SESSION_INACTIVITY_SECONDS=16 * 60)
def test_session_longer_than_digid_allows_is_refused():
    with pytest.raises(SystemCheckError) as exc:
        call_command("check")
    assert "15 minutes" in str(exc.value)


MOCKS_FLAGGED = "uses mock adapter"


@override_settings(STAGING=True, ALLOW_MOCK_ADAPTERS=True,
                   EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend")
def test_deploy_check_lets_a_staging_stack_allow_the_mocks(monkeypatch):
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)  # set by the browser tests, never deployed
    call_command("check", deploy=True, fail_level="ERROR")


@override_settings(STAGING=False, ALLOW_MOCK_ADAPTERS=True)
def test_allowing_mocks_outside_staging_still_fails_the_deploy_check():
    with pytest.raises(SystemCheckError) as exc:
        call_command("check", deploy=True, fail_level="ERROR")
    assert MOCKS_FLAGGED in str(exc.value)
    assert "config.settings.staging" in str(exc.value)


@override_settings(STAGING=True, ALLOW_MOCK_ADAPTERS=False)
def test_staging_without_the_explicit_allowance_fails_the_deploy_check():
    with pytest.raises(SystemCheckError) as exc:
        call_command("check", deploy=True, fail_level="ERROR")
    assert MOCKS_FLAGGED in str(exc.value)


# The real settings modules, each in a process of its own, as CI and `make serve` run them.

def manage(tmp_path, settings_module, *args, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, "SAMENLOKET_VAR_DIR": str(tmp_path),
                   "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), **env}
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a deployment never has it. Tests that
    # reload production.py leave its setdefault of SAMENLOKET_MOCK_REGISTERS_URL ("") in this process's
    # environment, which would take the staging stack's mock registers away.
    for name in ("DJANGO_DEBUG", "SAMENLOKET_ALLOW_MOCKS", "SAMENLOKET_STAGING_INSECURE_HTTP",
                 "DJANGO_ALLOW_ASYNC_UNSAFE", "SAMENLOKET_MOCK_REGISTERS_URL"):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=environment,
                          capture_output=True, text=True, timeout=900)


def test_production_refuses_mocks_even_when_allowed(tmp_path):
    result = manage(tmp_path, "config.settings.production", "check", "--deploy", SAMENLOKET_ALLOW_MOCKS="true")
    assert result.returncode != 0
    assert MOCKS_FLAGGED in result.stderr


def test_staging_profile_passes_the_deploy_check(tmp_path):
    result = manage(tmp_path, "config.settings.staging", "check", "--deploy", SAMENLOKET_ALLOW_MOCKS="true")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "samenloket.I011" in output  # the allowance is said out loud
    for insecure in ("W004", "W008", "W012", "W016"):  # HSTS, https redirect, Secure cookies all hold
        assert f"security.{insecure}" not in output


def test_staging_profile_refuses_plain_http_beyond_loopback(tmp_path):
    result = manage(tmp_path, "config.settings.staging", "check", SAMENLOKET_ALLOW_MOCKS="true",
                    SAMENLOKET_STAGING_INSECURE_HTTP="true", DJANGO_ALLOWED_HOSTS="samenloket.example")
    assert result.returncode != 0
    assert "loopback only" in result.stderr


def test_collectstatic_succeeds_with_the_production_storage(tmp_path):
    """Hashed and compressed as in production: every reference in every collected CSS resolves."""
    result = manage(tmp_path, "config.settings.production", "collectstatic", "--noinput", "-v", "0")
    assert result.returncode == 0, result.stderr[-3000:]
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    for linked in ("viewflow/fonts/roboto/roboto-fontface.css", "viewflow/css/viewflow.min.css",
                   "backoffice/backoffice.css", "portal/portal.css", "zaken/testomgeving.css"):
        assert linked in manifest
    roboto = (tmp_path / "static" / manifest["viewflow/fonts/roboto/roboto-fontface.css"]).read_text()
    assert manifest["viewflow/fonts/roboto/Roboto-Thin.woff2"].rsplit("/", 1)[-1] in roboto
    assert (tmp_path / "static" / (manifest["portal/portal.css"] + ".gz")).is_file()


@pytest.mark.parametrize("backend", ["console", "locmem", "dummy", "filebased"])
def test_deploy_check_refuses_an_email_backend_that_does_not_deliver(backend):
    with override_settings(EMAIL_BACKEND=f"django.core.mail.backends.{backend}.EmailBackend"):
        with pytest.raises(SystemCheckError) as exc:
            call_command("check", deploy=True, fail_level="ERROR")
    assert "samenloket.E002" in str(exc.value)


@pytest.mark.parametrize("staging,allow", [(False, True), (True, False)])
def test_file_mail_is_refused_unless_staging_allows_the_mocks(staging, allow):
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend", STAGING=staging,
                           ALLOW_MOCK_ADAPTERS=allow):
        with pytest.raises(SystemCheckError) as exc:
            call_command("check", deploy=True, fail_level="ERROR")
    assert "samenloket.E002" in str(exc.value)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend")
def test_deploy_check_accepts_smtp():
    from zaken.checks import email_backend_delivers

    assert email_backend_delivers(None) == []


def test_deploy_check_warns_about_a_cache_of_one_process():
    from zaken.checks import cache_shared_between_processes

    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}):
        assert [w.id for w in cache_shared_between_processes(None)] == ["samenloket.W003"]
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                               "LOCATION": "redis://127.0.0.1:6379/1"}}):
        assert cache_shared_between_processes(None) == []
