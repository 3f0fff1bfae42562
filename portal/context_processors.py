from django.conf import settings

from .theming import theme_for


def portal(request):
    gemeente = getattr(request, "gemeente", None)
    state = getattr(request, "tenancy", None)
    # The theme follows from the municipality's row: worked out once per process and version.
    theme = (state.memo(("theme", gemeente.pk), lambda: theme_for(gemeente))
             if state is not None and gemeente is not None else theme_for(gemeente))
    return {
        "gemeente": gemeente,
        "auth": getattr(request, "auth_context", None),
        "theme": theme,
        "session_inactivity_minutes": settings.SESSION_INACTIVITY_SECONDS // 60,
    }
