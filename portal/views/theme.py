"""The generated stylesheet of a municipality whose theme is token values in the database."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from zaken.models import Gemeente

from ..theming import tokens_stylesheet


@require_safe
@cache_control(public=True, max_age=300)
def theme_css(request, slug: str):
    gemeente = get_object_or_404(Gemeente, slug=slug, actief=True, theme_kind=Gemeente.ThemeKind.DATABASE)
    return HttpResponse(tokens_stylesheet(gemeente), content_type="text/css; charset=utf-8")
