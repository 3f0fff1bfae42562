"""Resource URLs, the identifiers of the ZGW APIs, built without a route lookup per object.

A list page holds hundreds of URLs; reverse() per URL was a third of the zaken list's time. Each route's
absolute URL is reversed once per request with a placeholder uuid, then filled in per object.
"""

from django.urls import reverse

PLACEHOLDER = "00000000-0000-0000-0000-000000000000"


def resource_url(request, name: str, key) -> str:
    """request.build_absolute_uri(reverse(name, kwargs={"uuid": key})), cached per request and route."""
    templates = request.__dict__.setdefault("_zgw_url_templates", {})
    parts = templates.get(name)
    if parts is None:
        head, _, tail = request.build_absolute_uri(reverse(name, kwargs={"uuid": PLACEHOLDER})).partition(PLACEHOLDER)
        parts = templates[name] = (head, tail)
    return f"{parts[0]}{key}{parts[1]}"
