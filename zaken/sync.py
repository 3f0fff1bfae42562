"""Keep ZaakType/StatusType rows in line with the registered process definitions."""

from django.db import transaction

from .models import Product, StatusType, ZaakType
from .registry import processes


@transaction.atomic
def zaaktypen_sync() -> None:
    for definition in processes:
        product = Product.objects.filter(slug=definition.slug).first()
        if product is None:
            continue
        zaaktype, _ = ZaakType.objects.update_or_create(
            process_slug=definition.slug,
            defaults={"identificatie": definition.zaaktype_identificatie,
                      "omschrijving": definition.zaaktype_omschrijving, "product": product,
                      "doorlooptijd_dagen": definition.doorlooptijd_dagen})
        for nr, status in enumerate(definition.public_statuses, start=1):
            StatusType.objects.update_or_create(
                zaaktype=zaaktype, code=status.code,
                defaults={"volgnummer": nr, "omschrijving": status.omschrijving,
                          "statustekst": status.statustekst, "volgende_stap": status.volgende_stap,
                          "is_eindstatus": status.is_eindstatus})
