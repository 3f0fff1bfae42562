"""System checks: DigiD's session limit; under `check --deploy` no mock adapter and no undelivered e-mail."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def session_inactivity_limit(app_configs, **kwargs):
    if settings.SESSION_INACTIVITY_SECONDS > 15 * 60:
        return [checks.Error("SESSION_INACTIVITY_SECONDS is above 15 minutes (DigiD checklist T14).",
                             id="samenloket.E001")]
    return []


# Backends that print, keep or drop mail instead of delivering it: fine in a demo, never in production.
UNDELIVERED_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@checks.register(checks.Tags.security, deploy=True)
def email_backend_delivers(app_configs, **kwargs):
    staging_mail = (settings.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
                    and getattr(settings, "STAGING", False) and getattr(settings, "ALLOW_MOCK_ADAPTERS", False))
    if staging_mail:  # a staging stack of mock logins writes its mail to files, said out loud
        return [checks.Info("EMAIL_BACKEND writes mail to files, allowed on this staging stack by "
                            "SAMENLOKET_ALLOW_MOCKS.", id="samenloket.I002")]
    if settings.EMAIL_BACKEND in UNDELIVERED_EMAIL_BACKENDS:
        return [checks.Error(f"EMAIL_BACKEND is {settings.EMAIL_BACKEND!r}, which does not deliver mail.",
                             hint="Set DJANGO_EMAIL_BACKEND to an SMTP backend (or another that delivers).",
                             id="samenloket.E002")]
    return []


@checks.register(checks.Tags.security, deploy=True)
def cache_shared_between_processes(app_configs, **kwargs):
    """Rate limits (BRP look-ups per acting subject) count in the cache: a per-process cache multiplies them."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("locmem.LocMemCache", "dummy.DummyCache")):
        return [checks.Warning(f"The default cache is {backend!r}: every web process counts its own rate limits.",
                               hint="Set DJANGO_CACHE_URL to a Redis database that every web process shares.",
                               id="samenloket.W003")]
    return []
