from django.conf import settings

from .theming import theme_for


def portal(request):
    gemeente = getattr(request, "gemeente", None)
    return {
        "gemeente": gemeente,
        "auth": getattr(request, "auth_context", None),
        "theme": theme_for(gemeente),
        "session_inactivity_minutes": settings.SESSION_INACTIVITY_SECONDS // 60,
    }
