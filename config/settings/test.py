"""pytest: SQLite and eager tasks unless DATABASE_URL is set; integration tests start a real worker."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
# Media, the SQLite file and mock data of a test run never mix with the demo's var/.
os.environ.setdefault("SAMENLOKET_VAR_DIR", tempfile.mkdtemp(prefix="samenloket-test-"))

from .base import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# Unit tests run tasks in-process; tests marked `integration` switch to the real broker.
CELERY_TASK_ALWAYS_EAGER = True
# Each test starts from an empty cache: the version stamp is read again on every request.
GEMEENTEN_VERSIE_SECONDEN = 0
CELERY_TASK_EAGER_PROPAGATES = True
# The HTTP clients of the registers talk to the mock registers in-process (see base.py).
MOCK_REGISTERS_INPROCESS = True

# A throw-away process that proves the core and back office are process-agnostic.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testprocess"]  # noqa: F405

# Static files come from the finders in tests (the live server serves them); no collectstatic.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]  # noqa: F405

# Local subscribers (the demo's, the tests' loopback server) over http: never in production.
ZGW_NOTIFICATIES_CALLBACK = {"HTTPS_ONLY": False, "PRIVATE_ADDRESSES": True}
# `manage.py zgw_demo_applicatie` (the README's curl example): demo API clients with a printed secret.
ZGW_DEMO_APPLICATIES = True
