"""Which besluiten an API client may reach: those of its municipality's cases, and only of the zaaktype an
autorisatie names when it names one (besluiten carry no vertrouwelijkheidaanduiding).

Everything outside is a 404, never a 403, as on every other route.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from zaken.models import Besluit

from ..catalogi.catalogus import stable_uuid

COMPONENT = "brc"
DETAIL = "api:besluiten:besluit-detail"


def besluiten_voor(client, scope: str = "besluiten.lezen") -> QuerySet[Besluit]:
    """The client's besluiten under one scope: an OR over its Besluiten API autorisaties with the scope."""
    autorisaties = [a for a in client.autorisaties if a.component == COMPONENT and scope in a.scopes]
    if not autorisaties:
        return Besluit.objects.none()
    besluiten = Besluit.objects.filter(zaak__gemeente_id=client.gemeente.pk)
    if all(a.zaaktype_id for a in autorisaties):  # one without a zaaktype opens them all
        besluiten = besluiten.filter(zaak__zaaktype_id__in={a.zaaktype_id for a in autorisaties})
    return besluiten


def besluit_url(request, besluit: Besluit) -> str:
    return request.build_absolute_uri(reverse(DETAIL, kwargs={"uuid": besluit.uuid}))


def besluittype_uuid(gemeentecode: str, besluittype: str):
    """Our besluittype is its name; the Catalogi API names it by this uuid5 (the catalogus's scheme)."""
    return stable_uuid(gemeentecode, "besluittype", besluittype)


def besluittype_url(request, gemeentecode: str, besluittype: str) -> str:
    key = besluittype_uuid(gemeentecode, besluittype)
    return request.build_absolute_uri(reverse("api:catalogi:besluittype-detail", kwargs={"uuid": key}))
