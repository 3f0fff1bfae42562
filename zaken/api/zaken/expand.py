"""The `expand` parameter of GET /zaken, /zaken/{uuid} and POST /zaken/_zoek (Zaken API 1.5).

`?expand=zaaktype,status.statustype` puts the linked resources in `_expand` of each zaak (nested:
`_expand.status._expand.statustype`). Each expandable path has a batch function in REGISTRY:

    def expander(request, zaken: list[Zaak]) -> dict[int, dict | list | None]   # zaak.pk -> the data

called once per page, so the query count stays constant whatever the page size. Adding one (rollen,
resultaat, ...) is one line: REGISTRY["rollen"] = my_batch_function.

The rules: a path goes at most three levels deep (deeper is cut there, zrc-026); a name that is not an
attribute of its resource is a 404 (zrc-026/027); a link out of the Zaken and Catalogi APIs (a document,
an external object) is a 400 (zrc-025); an attribute we cannot fetch (no expander) is a 404 (zrc-027).
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound

from zaken.models import Zaak

from ..catalogi import serializers as catalogi_serializers
from ..catalogi.catalogus import catalogus_voor
from ..common.errors import validation_error
from . import refs
from .expand_deel import EXPAND as EXPAND_DEEL
from .zio import zaakinformatieobjecten_voor_zaken

MAX_DEPTH = 3
ELDERS = "elders"  # a resource of another API (Documenten, an object register)

# The URL attributes of each resource that expand may follow, and the resource each one leads to.
ATTRIBUTES: dict[str, dict[str, str]] = {
    "Zaak": {"zaaktype": "ZaakType", "hoofdzaak": "Zaak", "deelzaken": "Zaak", "relevanteAndereZaken": "Zaak",
             "eigenschappen": "ZaakEigenschap", "rollen": "Rol", "status": "Status",
             "zaakinformatieobjecten": "ZaakInformatieObject", "zaakobjecten": "ZaakObject", "resultaat": "Resultaat"},
    "Status": {"zaak": "Zaak", "statustype": "StatusType", "gezetdoor": "Rol",
               "zaakinformatieobjecten": "ZaakInformatieObject"},
    "Rol": {"zaak": "Zaak", "roltype": "RolType", "statussen": "Status"},
    "Resultaat": {"zaak": "Zaak", "resultaattype": "ResultaatType"},
    "ZaakEigenschap": {"zaak": "Zaak", "eigenschap": "Eigenschap"},
    "ZaakInformatieObject": {"zaak": "Zaak", "informatieobject": ELDERS, "status": "Status"},
    "ZaakObject": {"zaak": "Zaak", "object": ELDERS, "zaakobjecttype": "ZaakObjectType"},
    "ZaakType": {"catalogus": "Catalogus", "statustypen": "StatusType", "resultaattypen": "ResultaatType",
                 "roltypen": "RolType", "eigenschappen": "Eigenschap", "informatieobjecttypen": "InformatieObjectType",
                 "besluittypen": "BesluitType"},
    "StatusType": {"zaaktype": "ZaakType", "catalogus": "Catalogus"},
}

Expander = Callable[[object, list[Zaak]], dict]


def _catalogus(request):
    """The municipality's catalogus, read once per request (three queries)."""
    if not hasattr(request, "_zgw_catalogus"):
        request._zgw_catalogus = catalogus_voor(request.user.gemeente, request)
    return request._zgw_catalogus


def _zaaktype(request, zaken):
    cat = _catalogus(request)
    context = {"request": request}
    out = {}
    for zaak in zaken:
        item = cat.get("zaaktype", refs.zaaktype_uuid(request.user.gemeente, zaak.zaaktype.identificatie))
        out[zaak.pk] = catalogi_serializers.ZaakTypeSerializer(item, context=context).data if item else None
    return out


def _status(request, zaken):
    from .serializers_zaak import StatusSerializer  # local: the serializers call apply()

    out = {}
    for zaak in zaken:
        status = zaak.huidige_status
        if status is not None:
            status.zaak = zaak  # loaded with the page
        out[zaak.pk] = StatusSerializer(status, context={"request": request}).data if status else None
    return out


def _status_statustype(request, zaken):
    cat = _catalogus(request)
    context = {"request": request}
    out = {}
    for zaak in zaken:
        status = zaak.huidige_status
        item = cat.get("statustype", refs.statustype_uuid(request.user.gemeente, zaak.zaaktype.identificatie,
                                                           status.statustype.code)) if status else None
        out[zaak.pk] = catalogi_serializers.StatusTypeSerializer(item, context=context).data if item else None
    return out


# path -> batch function.
REGISTRY: dict[str, Expander] = {
    "zaaktype": _zaaktype,
    "status": _status,
    "status.statustype": _status_statustype,
    **EXPAND_DEEL,  # rollen, resultaat, zaakobjecten, eigenschappen
    "zaakinformatieobjecten": zaakinformatieobjecten_voor_zaken,
}


def parse(value: str | None) -> list[str]:
    """The paths asked for, each with its parents, cut at MAX_DEPTH and checked; parents first."""
    if not value:
        return []
    paths: list[str] = []
    for raw in value.split(","):
        parts = [part.strip() for part in raw.strip().split(".") if part.strip()][:MAX_DEPTH]
        resource = "Zaak"
        for depth, name in enumerate(parts, start=1):  # first the attributes and the scope of the whole path
            target = ATTRIBUTES.get(resource, {}).get(name)
            if target is None:  # zrc-026/027: not an attribute of the resource
                raise NotFound(_("'%(naam)s' is geen attribuut van %(resource)s: kies uit %(keuzes)s.") % {
                    "naam": name, "resource": resource,
                    "keuzes": ", ".join(sorted(ATTRIBUTES.get(resource, {}))) or "-"})
            if target == ELDERS:  # zrc-025: only Zaken and Catalogi data
                raise validation_error("expand", _("'%(pad)s' vraagt gegevens uit een andere API: expand geeft alleen "
                                                   "gegevens uit de Zaken API en de Catalogi API.")
                                       % {"pad": ".".join(parts[:depth])}, code="expand-scope")
            resource = target
        for depth in range(1, len(parts) + 1):
            path = ".".join(parts[:depth])
            if path not in REGISTRY:  # zrc-027: an attribute we cannot fetch
                raise NotFound(_("'%(pad)s' kan niet worden uitgeklapt: kies uit %(keuzes)s.")
                               % {"pad": path, "keuzes": ", ".join(REGISTRY)})
            if path not in paths:
                paths.append(path)
    return sorted(paths, key=lambda p: p.count("."))


def apply(request, zaken: list[Zaak], data: list[dict], paths: list[str]) -> None:
    """Add `_expand` to each zaak's representation (in place), one batch call per path."""
    if not paths:
        return
    found = {path: REGISTRY[path](request, zaken) for path in paths}
    for zaak, item in zip(zaken, data):
        item["_expand"] = {}
        for path in paths:  # parents first
            *parents, name = path.split(".")
            node = item
            for parent in parents:
                node = (node.get("_expand") or {}).get(parent)
                if not isinstance(node, dict):
                    break
            else:
                node.setdefault("_expand", {})[name] = found[path].get(zaak.pk)
