"""A throw-away catalogue product that no process serves, offered by every demo municipality.

Tests of "a product without a process" and of the level check in front of every e-form use it (the
latter registers a throw-away process under its slug), so they do not depend on which real
products still lack a process.
"""

SLUG = "wegwerpvergunning"


def wegwerp_product(slug: str = SLUG) -> str:
    from zaken.models import Gemeente, GemeenteProduct, Product

    product, _ = Product.objects.get_or_create(slug=slug, defaults={"upl_naam": "wegwerpvergunning",
                                                                    "omschrijving": "Alleen voor tests.",
                                                                    "volgorde": 99})
    for gemeente in Gemeente.objects.all():
        GemeenteProduct.objects.get_or_create(gemeente=gemeente, product=product, defaults={"actief": True})
    return slug
