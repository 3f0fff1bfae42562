"""The three kanalen our resources publish on, with the kenmerken the VNG APIs define for them."""

from django.db import migrations

KANALEN = {
    "zaken": ("https://vng-realisatie.github.io/gemma-zaken/standaard/zaken/",
              ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"]),
    "besluiten": ("https://vng-realisatie.github.io/gemma-zaken/standaard/besluiten/",
                  ["verantwoordelijkeOrganisatie", "besluittype"]),
    "documenten": ("https://vng-realisatie.github.io/gemma-zaken/standaard/documenten/",
                   ["bronorganisatie", "informatieobjecttype", "vertrouwelijkheidaanduiding"]),
}


def create(apps, schema_editor):
    Kanaal = apps.get_model("notificaties", "Kanaal")
    for naam, (link, filters) in KANALEN.items():
        Kanaal.objects.update_or_create(naam=naam, defaults={"documentatie_link": link, "filters": filters})


class Migration(migrations.Migration):

    dependencies = [("notificaties", "0001_outbox")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
