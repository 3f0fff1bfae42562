"""Which cases an API client may reach: its municipality, its zaaktypen, up to its vertrouwelijkheid.

Every Zaken API view starts from zaken_voor(); anything outside it is a 404, never a 403, as on every
other route (the client must not learn that a case exists).
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from urllib.parse import urlparse
from uuid import UUID

from django.db.models import Q, QuerySet
from django.urls import Resolver404, resolve

from zaken.models import Zaak
from zaken.models.zaak import Vertrouwelijkheid

from ..common.urls import resource_url
from ..common.vertrouwelijkheid import levels_up_to

COMPONENT = "zrc"
CASE_LEVELS = set(Vertrouwelijkheid.values)  # the levels our cases can have (a subset of the standard's)


def zaken_voor(client, scope: str = "zaken.lezen") -> QuerySet[Zaak]:
    """The client's cases under one scope: an OR over its Zaken API autorisaties that hold the scope."""
    cases = Zaak.objects.filter(gemeente_id=client.gemeente.pk)
    rules = []
    for autorisatie in client.autorisaties:
        if autorisatie.component != COMPONENT or scope not in autorisatie.scopes:
            continue
        levels = set(levels_up_to(autorisatie.max_vertrouwelijkheidaanduiding))
        # A client that may see every level our cases have needs no condition on it (the count and the
        # list then run on the zaak_lijst index alone).
        rule = Q() if CASE_LEVELS <= levels else Q(vertrouwelijkheidaanduiding__in=sorted(levels))
        if autorisatie.zaaktype_id:
            rule &= Q(zaaktype_id=autorisatie.zaaktype_id)
        if not rule:
            return cases  # every case of the municipality
        rules.append(rule)
    if not rules:
        return Zaak.objects.none()
    return cases.filter(reduce(or_, rules))


def zaak_url(request, zaak: Zaak) -> str:
    """The case's resource URL: its identifier for every API client."""
    return resource_url(request, "api:zaken:zaak-detail", zaak.uuid)


def uuid_uit_url(url: str, url_name: str) -> UUID | None:
    """The uuid in one of our resource URLs of this route name (e.g. "api:zaken:zaak-detail"), else None."""
    try:
        match = resolve(urlparse(url).path)
    except Resolver404:
        return None
    if f"{match.namespace}:{match.url_name}" != url_name or "uuid" not in match.kwargs:
        return None
    try:
        return UUID(str(match.kwargs["uuid"]))
    except ValueError:
        return None


def zaak_uit_url(client, url: str, scope: str = "zaken.lezen") -> Zaak | None:
    """The case behind a zaak URL, if this client may reach it with this scope; None otherwise."""
    key = uuid_uit_url(url, "api:zaken:zaak-detail")
    if key is None:
        return None
    return zaken_voor(client, scope).select_related("zaaktype").filter(uuid=key).first()
