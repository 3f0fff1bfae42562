"""The besluit letters of the resident's permit: granted, granted van rechtswege, refused; each with
the legal basis (3:47), the motivation (3:46) and the shared rechtsmiddelenclausule (3:45)."""

from django.utils.translation import gettext_lazy as _

from zaken.documents.letters import letter_create
from zaken.integrations.rdw.kenteken import kenteken_weergave
from zaken.models import Document
from zaken.termijn_engine import bezwaartermijn_voor, termijn_config

from .models import Parkeervergunning

TITELS = {
    "verleend": _("Besluit parkeervergunning %(id)s"),
    "van_rechtswege": _("Besluit parkeervergunning van rechtswege %(id)s"),
    "geweigerd": _("Besluit weigering parkeervergunning %(id)s"),
}


def parkeer_brief(*, vergunning: Parkeervergunning, soort: str) -> Document:
    zaak = vergunning.zaak
    besluit = zaak.besluiten.filter(verzenddatum__isnull=False).order_by("-pk").first()
    weken = termijn_config(zaak).bezwaartermijn_weken
    document = letter_create(
        zaak=zaak, kenmerk=f"parkeer-{soort}", template="parkeervergunning/pdf/besluit.html",
        titel=TITELS[soort] % {"id": zaak.identificatie}, soort=Document.Soort.BESLUIT,
        context={"vergunning": vergunning, "soort": soort, "besluit": besluit, "zone": vergunning.zone,
                 "kenteken": kenteken_weergave(vergunning.kenteken), "bezwaartermijn_weken": weken,
                 "bezwaar_uiterlijk": bezwaartermijn_voor(besluit, weken=weken) if besluit else None})
    if besluit is not None and besluit.document_id is None:
        besluit.document = document
        besluit.save(update_fields=["document"])
    return document
