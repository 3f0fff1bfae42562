from zaken.actors import Actor
from zaken.models import Product, Rol, ZaakType
from zaken.services import zaak_create
from zaken.sync import zaaktypen_sync

ACTOR = Actor.system("test")


def zaak_maken(gemeente, bsn="999993653"):
    """A case of the test process, filed through the core's own service."""
    if not ZaakType.objects.filter(process_slug="testaanvraag").exists():
        Product.objects.get_or_create(slug="testaanvraag", defaults={"upl_naam": "testaanvraag"})
        zaaktypen_sync()
    return zaak_create(gemeente=gemeente, process_slug="testaanvraag", actor=ACTOR, initial_status="ontvangen",
                       initiator={"betrokkene_type": Rol.BetrokkeneType.NATUURLIJK_PERSOON, "inp_bsn": bsn,
                                  "naam": "Test Persoon"}, receipt=False)
