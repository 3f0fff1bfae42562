"""The renewal's letters: the payment confirmation, the pickup letter with its QR code, the lapse notice."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from zaken.documents.letters import letter_create
from zaken.models import Betaling, Document
from zaken.termijn_engine import bezwaartermijn_voor
from zaken.termijnen_awb import Beslistermijn

from .afhaalcode import afhaalcode, qr_data_url
from .models import Rijbewijs
from .services import euro, terms_for

LETTERS = {
    "betaalbewijs": ("rijbewijs/pdf/betaalbewijs.html", _("Betaalbewijs %(id)s"), Document.Soort.BRIEF),
    "afhalen": ("rijbewijs/pdf/afhalen.html", _("Uw rijbewijs ligt klaar %(id)s"), Document.Soort.BRIEF),
    "vervallen": ("rijbewijs/pdf/vervallen.html", _("Rijbewijs niet afgehaald %(id)s"), Document.Soort.BRIEF),
    # Refusing the card at the counter is a besluit (definition.besluit_statussen): its letter has the bezwaar clause.
    "geweigerd": ("rijbewijs/pdf/geweigerd.html", _("Besluit uitreiking rijbewijs %(id)s"), Document.Soort.BESLUIT),
}


def categorieen_weergave(categorieen: list[dict]) -> list[dict]:
    """The stored categories with real dates, for templates."""
    return [{"categorie": c["categorie"], "geldig_tot": date.fromisoformat(c["geldigTot"]),
             "nieuw_geldig_tot": date.fromisoformat(c["nieuwGeldigTot"]) if c.get("nieuwGeldigTot") else None}
            for c in categorieen]


def brief_context(rijbewijs: Rijbewijs, soort: str) -> dict:
    zaak = rijbewijs.zaak
    context = {"rijbewijs": rijbewijs, "locatie": rijbewijs.afhaallocatie, "leges": euro(rijbewijs.leges_cent),
               "terms": terms_for(zaak.gemeente), "categorieen": categorieen_weergave(rijbewijs.categorieen)}
    if soort == "betaalbewijs":
        context["betaling"] = zaak.betalingen.filter(status=Betaling.Status.PAID).order_by("paid_at").first()
    if soort == "afhalen":
        context |= {"qr": qr_data_url(zaak.identificatie), "afhaalcode": afhaalcode(zaak.identificatie)}
    if soort == "geweigerd":
        # The besluit the status change recorded; the letter names the same last day to object as the tracker.
        besluit = zaak.besluiten.order_by("-pk").first()
        weken = Beslistermijn.from_terms(context["terms"]).bezwaartermijn_weken
        context |= {"besluit": besluit, "bezwaartermijn_weken": weken,
                    "bezwaar_uiterlijk": bezwaartermijn_voor(besluit, weken=weken) if besluit else None}
    return context


def rijbewijs_brief(*, rijbewijs: Rijbewijs, soort: str) -> Document:
    template, titel, doc_soort = LETTERS[soort]
    zaak = rijbewijs.zaak
    return letter_create(zaak=zaak, kenmerk=f"rijbewijs-{soort}", template=template,
                         titel=titel % {"id": zaak.identificatie}, context=brief_context(rijbewijs, soort),
                         soort=doc_soort)
