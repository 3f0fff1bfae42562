"""Production: PostgreSQL, Celery over Redis, real adapters. `check --deploy` refuses mocks."""

import os

os.environ.setdefault("DJANGO_DEBUG", "false")
# Persistent database connections (seconds); DATABASE_CONN_MAX_AGE=0 turns them off.
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")
# No mock registers in production: every register's URL comes from SAMENLOKET_<REGISTER>_URL or a
# municipality's registerkoppeling (staging sets this before importing these settings).
os.environ.setdefault("SAMENLOKET_MOCK_REGISTERS_URL", "")

from .base import *  # noqa: E402,F403

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# Hashed, compressed static files served by whitenoise; a template naming a file that was not
# collected fails loudly (manifest_strict) instead of linking to nothing.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}  # noqa: F405
# collectstatic leaves out the unused, broken npm sources in viewflow's wheel (see the class).
INSTALLED_APPS = [  # noqa: F405
    "config.staticfiles.SamenloketStaticFilesConfig" if app == "django.contrib.staticfiles" else app
    for app in INSTALLED_APPS  # noqa: F405
]
