from django import template
from django.templatetags.static import static

from ..tenancy import tenant_reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def turl(context, name, **kwargs):
    """{% turl 'zaak_detail' identificatie=zaak.identificatie %}: a route in this municipality."""
    return tenant_reverse(context["request"], name, kwargs)


@register.filter
def asset(path: str) -> str:
    """A theme stylesheet entry: a static path, or an absolute URL as is."""
    return path if path.startswith("/") else static(path)
