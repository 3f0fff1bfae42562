"""Which municipality a request is for: the path prefix, or the host name (its own domain)."""

from django.http import Http404
from django.urls import reverse as django_reverse

from zaken.models import Gemeente


def gemeente_for_host(host: str) -> Gemeente | None:
    hostname = host.split(":")[0].lower()
    return Gemeente.objects.filter(hosts__hostname=hostname, actief=True).first()


def gemeente_for_slug(slug: str) -> Gemeente:
    try:
        return Gemeente.objects.get(slug=slug, actief=True)
    except Gemeente.DoesNotExist:
        raise Http404("onbekende gemeente") from None


def tenant_reverse(request, name: str, kwargs: dict | None = None) -> str:
    """Reverse a portal route for the request's municipality, with or without the slug prefix."""
    kwargs = dict(kwargs or {})
    if not getattr(request, "gemeente_from_host", False):
        kwargs["gemeente"] = request.gemeente.slug
    return django_reverse(f"portal:{name}", kwargs=kwargs)
