"""Zaakobjecten and the audittrail of a case, derived from what we store (no tables of their own).

Zaakobjecten come from the processes (ProcessDefinition.zaakobjecten: the address of a move, the address
and kenteken of a parking permit), one query per process on a page. Neither they nor our audit lines have
a uuid, so their uuids are reversible: the zaak's uuid XOR a constant per kind (zaakobject) or XOR the
audit line's primary key (audittrail, whose path names the zaak). The version and variant bits are kept,
so each looks like the zaak's uuid4; the same object always has the same URL.
"""

from __future__ import annotations

import uuid
from functools import cache

from django.utils.module_loading import import_string

from zaken.models import AuditLog, Zaak
from zaken.registry import processes

from ..catalogi.catalogus import stable_uuid
from ..common.urls import resource_url
from .scope import zaak_url

_KEEP_VERSION = ((1 << 128) - 1) ^ ((0xF << 76) | (0x3 << 62))
_PK_BITS = 48


def _key(*parts: str) -> int:
    return stable_uuid(*parts).int & _KEEP_VERSION


@cache
def hooks() -> dict[str, object]:
    """process slug -> its zaakobjecten callable (with `.soorten` {soort: objectType})."""
    return {d.slug: import_string(d.zaakobjecten) for d in processes if d.zaakobjecten}


def soorten() -> dict[str, str]:
    return {soort: object_type for hook in hooks().values() for soort, object_type in hook.soorten.items()}


def zaakobject_uuid(zaak_uuid: uuid.UUID, soort: str) -> uuid.UUID:
    return uuid.UUID(int=zaak_uuid.int ^ _key("zaakobject", soort))


def zaak_uuids_of_zaakobject(key: uuid.UUID) -> dict[uuid.UUID, str]:
    """The zaak uuid this zaakobject uuid would come from, per soort."""
    return {uuid.UUID(int=key.int ^ _key("zaakobject", soort)): soort for soort in soorten()}


def zaakobjecten_voor(zaken: list[Zaak]) -> dict[int, list[dict]]:
    """{zaak id: its objects} for a page of cases (zaaktype loaded): one query per process present."""
    per_slug: dict[str, list[Zaak]] = {}
    for zaak in zaken:
        if zaak.zaaktype.process_slug in hooks():
            per_slug.setdefault(zaak.zaaktype.process_slug, []).append(zaak)
    found: dict[int, list[dict]] = {}
    for slug, group in per_slug.items():
        found.update(hooks()[slug](group))
    return found


def zaakobject_data(request, zaak: Zaak, obj: dict) -> dict:
    key = zaakobject_uuid(zaak.uuid, obj["soort"])
    return {"url": resource_url(request, "api:zaken:zaakobject-detail", key), "uuid": key,
            "zaak": zaak_url(request, zaak), "object": "", "zaakobjecttype": "", "objectType": obj["objectType"],
            "objectTypeOverige": obj["objectTypeOverige"], "objectTypeOverigeDefinitie": None,
            "relatieomschrijving": str(obj["relatieomschrijving"]), "objectIdentificatie": obj["objectIdentificatie"]}


def audit_uuid(zaak: Zaak, pk: int) -> uuid.UUID:
    return uuid.UUID(int=zaak.uuid.int ^ _key("audittrail") ^ pk)


def audit_pk(zaak: Zaak, key: uuid.UUID) -> int | None:
    pk = key.int ^ zaak.uuid.int ^ _key("audittrail")
    return pk if pk < (1 << _PK_BITS) else None


def _actie(line: AuditLog) -> str:
    if line.operation == AuditLog.Operation.READ:
        return "retrieve"
    if line.name.endswith(("_create", "_toevoegen", "_vastleggen")):
        return "create"
    return "destroy" if line.name.endswith("_verwijderen") else "update"


RESULTAAT = {"create": 201, "destroy": 204}


def audittrail_data(request, zaak: Zaak, line: AuditLog) -> dict:
    """One audit line as the spec's AuditTrail. We keep what was done to which data, not the before/after
    bodies, so `wijzigingen` is empty and the data categories are in `toelichting`."""
    actie = _actie(line)
    url = zaak_url(request, zaak)
    applicatie = line.actor_type == AuditLog.Actor.APPLICATIE
    resource = next((r for r in ("rol", "resultaat", "status", "document", "besluit") if line.name.startswith(r)), "zaak")
    toelichting = "; ".join(part for part in (line.reason, ", ".join(map(str, line.categories))) if part)
    return {
        "uuid": audit_uuid(zaak, line.pk), "bron": "zrc",
        "applicatieId": line.actor_label if applicatie else "samenloket",
        "applicatieWeergave": line.actor_label if applicatie else "Samenloket",
        "gebruikersId": line.actor_user.get_username() if line.actor_user_id else "",
        "gebruikersWeergave": line.actor_label if not applicatie else "",
        "actie": actie, "actieWeergave": line.processing_activity or line.name,
        "resultaat": RESULTAAT.get(actie, 200) if line.status_code != 2 else 500,
        "hoofdObject": url, "resource": resource, "resourceUrl": url, "resourceWeergave": zaak.identificatie,
        "toelichting": toelichting, "aanmaakdatum": line.start_time, "wijzigingen": {"oud": None, "nieuw": None},
    }
