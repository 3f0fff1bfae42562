"""The ZGW API URL of a resource: its identifier in messages and (later) in the API itself."""

from django.conf import settings

PATHS = {
    "zaak": "/zaken/v1/zaken/{uuid}",
    "status": "/zaken/v1/statussen/{uuid}",
    "rol": "/zaken/v1/rollen/{uuid}",
    "resultaat": "/zaken/v1/resultaten/{uuid}",
    "besluit": "/besluiten/v1/besluiten/{uuid}",
    "enkelvoudiginformatieobject": "/documenten/v1/enkelvoudiginformatieobjecten/{uuid}",
    # Catalogi: the uuid5 of zaken.catalogus_ids, as the Catalogi API serves it.
    "zaaktype": "/catalogi/v1/zaaktypen/{uuid}",
}


def resource_url(resource: str, uuid) -> str:
    return settings.ZGW_API_BASE_URL.rstrip("/") + PATHS[resource].format(uuid=uuid)
