"""The identifiers of our ZGW catalogue types: deterministic uuid5s of stable keys.

Our ZaakType/StatusType rows have no uuid and are shared by every municipality, so a type's uuid is a uuid5
of the municipality's CBS code, the zaaktype identificatie, the type and its code. The Catalogi API serves
these (zaken.api.catalogi.catalogus) and the notification messages name them (zaken.notificaties), so both
build them here.
"""

import uuid

NAMESPACE = uuid.UUID("6f1c3a52-6b0e-5b8e-9a53-7d0b1c2a4e10")  # ours; never change it (URLs hang on it)


def stable_uuid(*keys: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(keys))


def zaaktype_uuid(gemeentecode: str, identificatie: str) -> uuid.UUID:
    return stable_uuid(gemeentecode, "zaaktype", identificatie)
