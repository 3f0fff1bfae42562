"""The products on the route table (national data, see zaken.catalogus)."""

from django.db import migrations

from zaken.catalogus import upl_products_ensure


def forwards(apps, schema_editor):
    upl_products_ensure(apps.get_model("zaken", "Product"))


class Migration(migrations.Migration):
    dependencies = [("zaken", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
