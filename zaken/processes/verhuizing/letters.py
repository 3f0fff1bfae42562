"""The move's letters: the confirmation after the BRP change and the rejection with bezwaar clause."""

from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.documents.letters import letter_create
from zaken.models import Document
from zaken.termijnen_awb import bezwaartermijn_einde

from .models import Verhuizing, VerhuizingPersoon
from .services import terms_for

LETTERS = {
    "bevestiging": ("verhuizing/pdf/bevestiging.html", _("Bevestiging verhuizing %(id)s"), Document.Soort.BRIEF),
    "afwijzing": ("verhuizing/pdf/afwijzing.html", _("Besluit verhuizing %(id)s"), Document.Soort.BESLUIT),
}


def verhuizing_brief(*, verhuizing: Verhuizing, soort: str) -> Document:
    template, titel, doc_soort = LETTERS[soort]
    zaak = verhuizing.zaak
    weeks = terms_for(zaak.gemeente)["bezwaartermijn_weken"]
    context = {
        "verhuizing": verhuizing,
        "personen": list(verhuizing.personen.order_by("rol", "naam")),
        "meeverhuizers": list(verhuizing.personen.filter(rol=VerhuizingPersoon.Rol.MEEVERHUIZER).order_by("naam")),
        "aanvrager": zaak.rollen.filter(roltype="initiator").first(),
        "bezwaartermijn_weken": weeks,
        # The letter is dated and sent today: 6:7/6:8 Awb with the Atw art. 1 extension, as the tracker shows it.
        "bezwaar_uiterlijk": bezwaartermijn_einde(verzonden=timezone.localdate(), weken=weeks),
    }
    return letter_create(zaak=zaak, kenmerk=f"verhuizing-{soort}", template=template,
                         titel=titel % {"id": zaak.identificatie}, context=context, soort=doc_soort)
