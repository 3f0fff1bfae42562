from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.templatetags.static import static

from ..tenancy import tenant_reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def turl(context, name, **kwargs):
    """{% turl 'zaak_detail' identificatie=zaak.identificatie %}: a route in this municipality."""
    return tenant_reverse(context["request"], name, kwargs)


@lru_cache(maxsize=256)
def _static(path: str) -> str:
    # The hashed name of a collected file does not change while the process runs; looking it up in the
    # manifest on every page was a tenth of a light page's time.
    return static(path)


def _static_forget(setting, **kwargs):
    if setting in {"STATIC_URL", "STORAGES", "STATIC_ROOT"}:
        _static.cache_clear()


setting_changed.connect(_static_forget, dispatch_uid="portal_static_forget")


@register.filter
def asset(path: str) -> str:
    """A static path (its URL, looked up once per process), or an absolute URL as is."""
    return path if path.startswith("/") else _static(path)
