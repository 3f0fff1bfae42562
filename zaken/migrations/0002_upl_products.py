"""The products on the route table, named after the Uniforme Productnamenlijst (national data)."""

from django.db import migrations

PRODUCTS = [
    ("verhuizing", "verhuismelding", 10, "Een verhuizing doorgeven aan de gemeente (Wet BRP)."),
    ("aangifte-overlijden", "overlijdensaangifte", 20, "Aangifte van overlijden door de uitvaartondernemer."),
    ("rijbewijs", "rijbewijs verlengen", 30, "Uw rijbewijs online vernieuwen en afhalen."),
    ("evenementenvergunning", "evenementenvergunning", 40, "Vergunning voor een evenement (APV)."),
    ("parkeervergunning", "parkeervergunning", 50, "Parkeervergunning voor bewoners."),
]


def forwards(apps, schema_editor):
    Product = apps.get_model("zaken", "Product")
    for slug, naam, volgorde, omschrijving in PRODUCTS:
        Product.objects.update_or_create(slug=slug, defaults={"upl_naam": naam, "volgorde": volgorde,
                                                              "omschrijving": omschrijving})


class Migration(migrations.Migration):
    dependencies = [("zaken", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
