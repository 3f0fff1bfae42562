"""Staging (`make serve`): production settings with the mock adapters, marked as a test.

Everything of production holds (DEBUG off, hashed static files, PostgreSQL, Celery, secure
cookies) with three differences, each explicit:
- every page shows a "testomgeving" banner;
- SAMENLOKET_ALLOW_MOCKS=true lets `check --deploy` pass with mock DigiD, eHerkenning and
  registers (plain production refuses them whatever that variable says);
- SAMENLOKET_STAGING_INSECURE_HTTP=true serves plain http for a stack on this machine only: no
  HTTPS redirect, no HSTS, cookies without Secure. Refused unless every allowed host is loopback.
"""

import copy
import os

from django.core.exceptions import ImproperlyConfigured

# The mock registers of the stack (scripts/serve.sh starts them here).
os.environ.setdefault("SAMENLOKET_MOCK_REGISTERS_URL", "http://127.0.0.1:8001")

from .production import *  # noqa: F403
from .production import ALLOWED_HOSTS, TEMPLATES, VAR_DIR, env_bool

STAGING = True
TEMPLATES = copy.deepcopy(TEMPLATES)
TEMPLATES[0]["OPTIONS"]["context_processors"].append("zaken.context_processors.testomgeving")

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", ".localhost", "::1", "[::1]"}
STAGING_INSECURE_HTTP = env_bool("SAMENLOKET_STAGING_INSECURE_HTTP", False)
if STAGING_INSECURE_HTTP:
    if not set(ALLOWED_HOSTS) <= LOOPBACK_HOSTS:
        raise ImproperlyConfigured("SAMENLOKET_STAGING_INSECURE_HTTP is for loopback only; "
                                   f"DJANGO_ALLOWED_HOSTS may name only {sorted(LOOPBACK_HOSTS)}.")
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = False
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False

# Mail of a test stack stays on disk (var/mail/), never reaching the test persons' addresses.
if "DJANGO_EMAIL_BACKEND" not in os.environ:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
