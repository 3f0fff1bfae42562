"""`make run`: the embedded defaults (SQLite, in-process tasks, mock registers)."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")
os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-not-secret")

from .base import *  # noqa: E402,F403

# Demo municipalities also answer on their own host names: den-haag.localhost and so on.
ALLOWED_HOSTS = ["127.0.0.1", "localhost", ".localhost"]  # noqa: F405
# runserver serves static files from the finders; whitenoise is for collected files in production.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]  # noqa: F405

# Local subscribers (the demo's, the tests' loopback server) over http: never in production.
ZGW_NOTIFICATIES_CALLBACK = {"HTTPS_ONLY": False, "PRIVATE_ADDRESSES": True}
# `manage.py zgw_demo_applicatie` (the README's curl example): demo API clients with a printed secret.
ZGW_DEMO_APPLICATIES = True
