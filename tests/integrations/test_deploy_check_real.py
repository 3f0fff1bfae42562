"""`manage.py check --deploy` under production settings: passes with every adapter real, fails with any mock.

Run in a subprocess, configured only through the environment, as a deployment is.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from zaken.integrations.registry import registries

# The real adapter of each kind, and the environment a deployment gives it.
REAL = {"brp": "brp-haalcentraal", "bag": "bag-kadaster", "kvk": "kvk-basisprofiel", "rdw": "rdw-http",
        "payments": "payments-mollie", "digid": "digid-saml", "eherkenning": "eherkenning-saml"}
REGISTER_URLS = {"brp": "https://brp.example.nl/haalcentraal/api/brp",
                 "bijhouding": "https://brp-systeem.example.nl/gemeente/brp",
                 "bag": "https://api.bag.kadaster.nl/lvbag/individuelebevragingen/v2",
                 "kvk": "https://api.kvk.nl/api/v1", "rdw": "https://rdw.example.nl/api/v1",
                 "payments": "https://api.mollie.com/v2"}
LIVE_KEY = "live_" + "k" * 30
MOCK_URL = "http://127.0.0.1:8001"


def missing_real_adapters() -> list[str]:
    """Real adapters not on this branch yet (built in parallel; the skip goes when they are merged)."""
    return [f"{kind}: {key}" for kind, key in REAL.items() if key not in registries[kind]]


def check_deploy(tmp_path: Path, adapters: dict[str, str], **extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SAMENLOKET_", "DJANGO_")) and k not in ("DATABASE_URL", "CELERY_BROKER_URL")}
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "samenloket.example.nl",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "SAMENLOKET_VAR_DIR": str(tmp_path),
        "SAMENLOKET_PAYMENTS_API_KEY": LIVE_KEY,
    })
    env.update({f"SAMENLOKET_{kind.upper()}_ADAPTER": key for kind, key in adapters.items()})
    env.update({f"SAMENLOKET_{kind.upper()}_URL": url for kind, url in REGISTER_URLS.items()})
    env.update(extra)
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=120)


def mock_errors(result) -> set[str]:
    """The kinds that samenloket.E011 names."""
    output = result.stdout + result.stderr
    return {kind for kind in REAL if f"(samenloket.E011) INTEGRATIONS[{kind!r}]" in output}


needs_every_real_adapter = pytest.mark.skipif(
    bool(missing_real_adapters()),
    reason="real adapters not on this branch yet: " + ", ".join(missing_real_adapters()))


@needs_every_real_adapter
def test_passes_with_every_adapter_real(tmp_path):
    result = check_deploy(tmp_path, REAL)
    assert result.returncode == 0, result.stdout + result.stderr


@needs_every_real_adapter
@pytest.mark.parametrize(("adapters", "extra", "kind"), [
    ({"payments": "payments-mock"}, {}, "payments"),
    ({}, {"SAMENLOKET_MOCK_REGISTERS_URL": MOCK_URL, "SAMENLOKET_BRP_URL": MOCK_URL + "/haalcentraal/api/brp"}, "brp"),
], ids=["payments-mock", "brp-at-the-mock-url"])
def test_one_mock_fails(tmp_path, adapters, extra, kind):
    result = check_deploy(tmp_path, {**REAL, **adapters}, **extra)
    assert result.returncode != 0 and mock_errors(result) == {kind}, result.stdout + result.stderr


# Mollie's part, which runs on every branch: the other kinds may still be mocks here.

@pytest.mark.parametrize(("extra", "is_mock"), [
    ({}, False),
    ({"SAMENLOKET_PAYMENTS_API_KEY": "test_" + "k" * 30}, True),  # Mollie's test mode moves no money
    ({"SAMENLOKET_MOCK_REGISTERS_URL": MOCK_URL, "SAMENLOKET_PAYMENTS_URL": MOCK_URL + "/mollie/v2"}, True),
], ids=["live-key", "test-key", "mock-url"])
def test_payments_mollie_counts_as_real_only_live_and_off_the_mocks(tmp_path, extra, is_mock):
    result = check_deploy(tmp_path, {"payments": "payments-mollie"}, **extra)
    assert result.returncode != 0  # other kinds are mocks on this branch, or E011 for payments
    assert ("payments" in mock_errors(result)) == is_mock, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "samenloket.E010" not in output and "samenloket.E012" not in output
