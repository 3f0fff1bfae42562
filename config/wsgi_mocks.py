"""WSGI entry of the mock registers (and the local SAML IdPs) for the staging stack's gunicorn."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.staging")
django.setup()

from zaken.integrations.mockservice.app import served_application as application  # noqa: E402
