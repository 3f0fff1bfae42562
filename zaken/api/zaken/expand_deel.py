"""Batch functions for `expand` on zaken (zrc-025..027): name -> (request, zaken) -> {zaak id: data}.

Each reads a whole page of cases in one or two queries, and gives exactly what the resource's own
endpoint gives (the same builders); reads of personal data are logged as those endpoints log them.
The cases must be the client's (the zaken list's queryset); their zaaktype and gemeente are loaded here
when the caller did not (one query at most).
"""

from __future__ import annotations

from zaken.actors import Actor
from zaken.models import Resultaat, Rol, Zaak, ZaakType

from . import objecten_deel as obj
from . import serializers_deel as ser
from . import services_deel as services


def _prime(request, zaken: list[Zaak]) -> None:
    """zaak.zaaktype and zaak.gemeente without a query per case."""
    gemeente = request.user.gemeente
    missing = {z.zaaktype_id for z in zaken if not Zaak.zaaktype.is_cached(z)}
    types = ZaakType.objects.in_bulk(missing) if missing else {}
    for zaak in zaken:
        if not Zaak.zaaktype.is_cached(zaak):
            zaak.zaaktype = types[zaak.zaaktype_id]
        if not Zaak.gemeente.is_cached(zaak) and zaak.gemeente_id == gemeente.pk:
            zaak.gemeente = gemeente


def rollen(request, zaken: list[Zaak]) -> dict[int, list[dict]]:
    _prime(request, zaken)
    by_id = {z.pk: z for z in zaken}
    found = list(Rol.objects.filter(zaak_id__in=by_id).select_related("medewerker").order_by("pk"))
    for rol in found:
        rol.zaak = by_id[rol.zaak_id]
    services.rollen_read_record(actor=Actor.api(request.user), rollen=found)
    out: dict[int, list[dict]] = {pk: [] for pk in by_id}
    for rol in found:
        out[rol.zaak_id].append(ser.rol_data(request, rol))
    return out


def resultaat(request, zaken: list[Zaak]) -> dict[int, dict | None]:
    _prime(request, zaken)
    by_id = {z.pk: z for z in zaken}
    out: dict[int, dict | None] = dict.fromkeys(by_id)
    for found in Resultaat.objects.filter(zaak_id__in=by_id):
        found.zaak = by_id[found.zaak_id]
        out[found.zaak_id] = ser.resultaat_data(request, found)
    return out


def zaakobjecten(request, zaken: list[Zaak]) -> dict[int, list[dict]]:
    _prime(request, zaken)
    found = obj.zaakobjecten_voor(zaken)
    services.reads_record(actor=Actor.api(request.user), name="zaakobject_inzien", rows=[
        (z, [f"zaakobject: {i['soort']}" for i in found[z.pk]], z.initiator_bsn) for z in zaken if found.get(z.pk)])
    return {z.pk: [obj.zaakobject_data(request, z, item) for item in found.get(z.pk, [])] for z in zaken}


def eigenschappen(request, zaken: list[Zaak]) -> dict[int, list[dict]]:
    """Our zaaktypen define no eigenschappen: every case has none (no query)."""
    return {z.pk: [] for z in zaken}


EXPAND = {"rollen": rollen, "resultaat": resultaat, "zaakobjecten": zaakobjecten, "eigenschappen": eigenschappen}
