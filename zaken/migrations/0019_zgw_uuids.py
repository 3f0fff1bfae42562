"""A uuid on Status, Rol, Resultaat and Besluit: the ZGW APIs name every resource by its uuid.

Safe for tables with millions of rows: the column is added nullable without a default (no table rewrite
on PostgreSQL), filled with distinct values (one UPDATE with gen_random_uuid() on PostgreSQL, row by row
elsewhere), and only then made unique and not null with the default for new rows.
"""

import uuid

from django.db import migrations, models

TABLES = ("status", "rol", "resultaat", "besluit")


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            for name in TABLES:
                table = apps.get_model("zaken", name)._meta.db_table
                cursor.execute(f"UPDATE {table} SET uuid = gen_random_uuid() WHERE uuid IS NULL")
        return
    for name in TABLES:
        model = apps.get_model("zaken", name)
        for pk in model.objects.filter(uuid__isnull=True).values_list("pk", flat=True).iterator():
            model.objects.filter(pk=pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):

    dependencies = [("zaken", "0018_auditlog_zaak_nieuwste")]

    operations = [
        *[migrations.AddField(model_name=name, name="uuid", field=models.UUIDField(null=True, editable=False))
          for name in TABLES],
        migrations.RunPython(fill, migrations.RunPython.noop),
        *[migrations.AlterField(model_name=name, name="uuid",
                                field=models.UUIDField(default=uuid.uuid4, unique=True, editable=False))
          for name in TABLES],
    ]
