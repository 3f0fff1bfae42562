"""The page django-axes shows when a civil servant's login is locked (AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else None
    return render(request, "backoffice/geblokkeerd.html",
                  {"failure_limit": settings.AXES_FAILURE_LIMIT, "minuten": minutes},
                  status=settings.AXES_HTTP_RESPONSE_CODE)
