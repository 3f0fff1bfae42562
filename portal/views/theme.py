"""The generated stylesheet of a municipality whose theme is token values in the database."""

from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from zaken.models import Gemeente

from ..tenancy import gemeente_for_slug, request_tenancy
from ..theming import tokens_stylesheet


@require_safe
@cache_control(public=True, max_age=300)
def theme_css(request, slug: str):
    state = request_tenancy(request)
    gemeente = gemeente_for_slug(slug, state)
    if gemeente.theme_kind != Gemeente.ThemeKind.DATABASE:
        raise Http404
    # Checking every token against its grammar is the costly part: once per process and version.
    css = state.memo(("theme_css", gemeente.pk), lambda: tokens_stylesheet(gemeente))
    return HttpResponse(css, content_type="text/css; charset=utf-8")
