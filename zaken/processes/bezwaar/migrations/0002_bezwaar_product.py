"""The bezwaarschrift product (zaken.catalogus), so a database migrated before it gets the Bezwaar zaaktype
(synced from the definition after migrate) without running demo_data."""

from django.db import migrations

from zaken.catalogus import upl_products_ensure


def forwards(apps, schema_editor):
    upl_products_ensure(apps.get_model("zaken", "Product"))


class Migration(migrations.Migration):
    dependencies = [("bezwaar", "0001_initial"), ("zaken", "0011_besluit_grondslag")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
