"""The national product list on the route table, named after the Uniforme Productnamenlijst."""

UPL_PRODUCTS = [
    # (route slug, UPL name, order, description)
    ("verhuizing", "verhuismelding", 10, "Een verhuizing doorgeven aan de gemeente (Wet BRP)."),
    ("aangifte-overlijden", "overlijdensaangifte", 20, "Aangifte van overlijden door de uitvaartondernemer."),
    ("rijbewijs", "rijbewijs verlengen", 30, "Uw rijbewijs online vernieuwen en afhalen."),
    ("evenementenvergunning", "evenementenvergunning", 40, "Vergunning voor een evenement (APV)."),
    ("parkeervergunning", "parkeervergunning", 50, "Parkeervergunning voor bewoners."),
    # Filed on a besluit in Mijn zaken, not from the catalogue (ProcessDefinition.in_catalogus).
    ("bezwaar", "bezwaarschrift", 90, "Bezwaar maken tegen een besluit van de gemeente."),
]


def upl_products_ensure(product_model) -> None:
    """Create or update the products; takes the model so the data migration can pass its historic one."""
    for slug, naam, volgorde, omschrijving in UPL_PRODUCTS:
        product_model.objects.update_or_create(
            slug=slug, defaults={"upl_naam": naam, "volgorde": volgorde, "omschrijving": omschrijving})
