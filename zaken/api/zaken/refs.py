"""The Catalogi URLs of our zaaktypen and statustypen, both ways, exactly as the Catalogi API serves them
(zaken.api.catalogi.catalogus: a uuid5 of the municipality's code, the zaaktype identificatie and the code)."""

from __future__ import annotations

from uuid import UUID


from zaken.models import GemeenteProduct, StatusType, ZaakType

from ..catalogi.catalogus import stable_uuid
from ..common.urls import resource_url
from .scope import uuid_uit_url


def zaaktype_uuid(gemeente, identificatie: str) -> UUID:
    return stable_uuid(gemeente.gemeentecode, "zaaktype", identificatie)


def statustype_uuid(gemeente, zaaktype_identificatie: str, code: str) -> UUID:
    return stable_uuid(gemeente.gemeentecode, zaaktype_identificatie, "statustype", code)


def _url(request, name: str, key: UUID) -> str:
    return resource_url(request, f"api:catalogi:{name}-detail", key)


def zaaktype_url(request, gemeente, zaaktype: ZaakType) -> str:
    return _url(request, "zaaktype", zaaktype_uuid(gemeente, zaaktype.identificatie))


def statustype_url(request, gemeente, zaaktype: ZaakType, statustype: StatusType) -> str:
    return _url(request, "statustype", statustype_uuid(gemeente, zaaktype.identificatie, statustype.code))


def zaaktypen_uit_urls(gemeente, urls: list[str], *, offered_only: bool = False) -> dict[str, ZaakType | None]:
    """Each zaaktype URL -> our ZaakType (None for a URL that is not one of the municipality's zaaktypen).

    One query: the zaaktypen are a handful. `offered_only`: only those the municipality offers, as its
    catalogus lists them (a case can only be created for those).
    """
    zaaktypen = ZaakType.objects.all()
    if offered_only:
        zaaktypen = zaaktypen.filter(product_id__in=GemeenteProduct.objects.filter(gemeente=gemeente, actief=True)
                                     .values("product_id"))
    by_uuid = {zaaktype_uuid(gemeente, zt.identificatie): zt for zt in zaaktypen}
    return {url: by_uuid.get(uuid_uit_url(url, "api:catalogi:zaaktype-detail")) for url in urls}


def statustype_uit_url(gemeente, zaaktype: ZaakType, url: str) -> StatusType | None:
    """The statustype of this zaaktype behind a statustype URL; None when it is not one of its statustypen."""
    key = uuid_uit_url(url, "api:catalogi:statustype-detail")
    if key is None:
        return None
    return next((st for st in zaaktype.statustypen.all()
                 if statustype_uuid(gemeente, zaaktype.identificatie, st.code) == key), None)
