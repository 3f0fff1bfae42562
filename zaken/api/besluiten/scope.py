"""Which besluiten an API client may reach: those of its municipality's cases, and only of the zaaktype an
autorisatie names when it names one (besluiten carry no vertrouwelijkheidaanduiding).

Everything outside is a 404, never a 403, as on every other route.
"""

from __future__ import annotations

from django.db.models import QuerySet

from zaken.models import Besluit, Zaak
from zaken.registry import processes
from zaken.termijn_engine import VAN_RECHTSWEGE

from ..catalogi.catalogus import stable_uuid
from ..common.urls import resource_url
from ..zaken.scope import uuid_uit_url

COMPONENT = "brc"
DETAIL = "api:besluiten:besluit-detail"


def _zaaktypen(client, scope: str) -> set[int] | None:
    """The zaaktypen the client's autorisaties with this scope allow: None for none, an empty set for all."""
    autorisaties = [a for a in client.autorisaties if a.component == COMPONENT and scope in a.scopes]
    if not autorisaties:
        return None
    if not all(a.zaaktype_id for a in autorisaties):  # one without a zaaktype opens them all
        return set()
    return {a.zaaktype_id for a in autorisaties}


def besluiten_voor(client, scope: str = "besluiten.lezen") -> QuerySet[Besluit]:
    """The client's besluiten under one scope: an OR over its Besluiten API autorisaties with the scope."""
    zaaktypen = _zaaktypen(client, scope)
    if zaaktypen is None:
        return Besluit.objects.none()
    besluiten = Besluit.objects.filter(zaak__gemeente_id=client.gemeente.pk)
    return besluiten.filter(zaak__zaaktype_id__in=zaaktypen) if zaaktypen else besluiten


def zaak_voor_besluit(client, url: str, scope: str = "besluiten.aanmaken") -> Zaak | None:
    """The case a new besluit belongs to (its zaak URL), if the client may record besluiten of its zaaktype."""
    zaaktypen, key = _zaaktypen(client, scope), uuid_uit_url(url, "api:zaken:zaak-detail")
    if zaaktypen is None or key is None:
        return None
    zaken = Zaak.objects.filter(gemeente_id=client.gemeente.pk, uuid=key).select_related("zaaktype", "gemeente")
    return (zaken.filter(zaaktype_id__in=zaaktypen) if zaaktypen else zaken).first()


def besluit_url(request, besluit: Besluit) -> str:
    return resource_url(request, DETAIL, besluit.uuid)


def besluittype_uuid(gemeentecode: str, besluittype: str):
    """Our besluittype is its name; the Catalogi API names it by this uuid5 (the catalogus's scheme)."""
    return stable_uuid(gemeentecode, "besluittype", besluittype)


def besluittype_url(request, gemeentecode: str, besluittype: str) -> str:
    key = besluittype_uuid(gemeentecode, besluittype)
    return resource_url(request, "api:catalogi:besluittype-detail", key)


def besluittype_namen(gemeentecode: str, key) -> list[str]:
    """The besluittype names whose uuid5 is `key`, from what the processes declare (the names the Catalogi API
    serves; ProcessDefinition.besluittypen): no scan of the municipality's besluiten for their names."""
    namen = {VAN_RECHTSWEGE, *(naam for definition in processes for naam in definition.alle_besluittypen())}
    return [naam for naam in namen if besluittype_uuid(gemeentecode, naam) == key]
