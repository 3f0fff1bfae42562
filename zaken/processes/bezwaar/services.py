"""Writes of the bezwaar case: file it (from the tracker, via zaken.bezwaren), take it up, decide on it."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.documents.besluit import besluit_nemen
from zaken.models import Besluit, Document, Rol, Zaak
from zaken.services import document_store, zaak_create
from zaken.termijn_engine import bezwaartermijn_voor, termijn_config

from .definition import BESLUITTYPEN, SLUG
from .models import Bezwaar

INITIATOR_FIELDS = ("betrokkene_type", "naam", "inp_bsn", "nnp_kvk_nummer", "nnp_rsin", "vestigingsnummer",
                    "acting_subject", "email", "telefoon")
TRANSITIE = {
    Bezwaar.State.GEGROND: "gegrond_verklaren",
    Bezwaar.State.ONGEGROND: "ongegrond_verklaren",
    Bezwaar.State.NIET_ONTVANKELIJK: "niet_ontvankelijk_verklaren",
}


@transaction.atomic
def bezwaar_indienen(*, besluit: Besluit, gronden: str, bijlagen: list[tuple[str, bytes, str]], indiener: str,
                     actor: Actor) -> tuple[Zaak, bool]:
    """A case of its own, linked to the besluit and its case; once per person per besluit (a double submit too)."""
    from .flows import BezwaarFlow  # local: the flow imports the views, which import these services

    besluit = Besluit.objects.select_for_update().select_related("zaak__gemeente", "zaak__zaaktype").get(pk=besluit.pk)
    bestaand = Bezwaar.objects.filter(besluit=besluit, indiener=indiener).select_related("zaak").first()
    if bestaand is not None:
        return bestaand.zaak, False
    origineel = besluit.zaak
    rol = origineel.rollen.filter(roltype=Rol.RolType.INITIATOR).first()
    initiator = {name: getattr(rol, name) for name in INITIATOR_FIELDS} if rol else {}
    einde = bezwaartermijn_voor(besluit, weken=termijn_config(origineel).bezwaartermijn_weken)
    zaak = zaak_create(
        gemeente=origineel.gemeente, process_slug=SLUG, initiator=initiator, actor=actor, initial_status="ontvangen",
        omschrijving=(_("Bezwaar tegen besluit %(besluit)s in zaak %(zaak)s")
                      % {"besluit": besluit.identificatie or besluit.besluittype, "zaak": origineel.identificatie}),
        gegevens={"besluit": besluit.identificatie, "besluittype": besluit.besluittype,
                  "zaak": origineel.identificatie, "gronden": gronden},
        termijn_vanaf=einde, termijn_reden=_("Einde van de bezwaartermijn (artikel 7:10 Awb)"))
    bezwaar = Bezwaar.objects.create(zaak=zaak, besluit=besluit, oorspronkelijke_zaak=origineel, indiener=indiener,
                                     gronden=gronden)
    for nr, (naam, content, formaat) in enumerate(bijlagen, start=1):
        document_store(zaak=zaak, soort=Document.Soort.BIJLAGE, titel=f"Bijlage {nr}: {naam}"[:200], content=content,
                       bestandsnaam=naam, formaat=formaat)
    BezwaarFlow.start.run(case=bezwaar)
    return zaak, True


@transaction.atomic
def bezwaar_in_behandeling_nemen(*, bezwaar: Bezwaar, by: Actor) -> Bezwaar:
    bezwaar = Bezwaar.objects.select_for_update().get(pk=bezwaar.pk)
    bezwaar.in_behandeling_nemen(by=by)
    bezwaar.save()
    return bezwaar


@transaction.atomic
def bezwaar_beslissen(*, bezwaar: Bezwaar, uitkomst: str, motivering: str, grondslag: str, by: Actor) -> Bezwaar:
    """Record the outcome (FSM) and send the beslissing op bezwaar through the generic besluit PDF."""
    bezwaar = Bezwaar.objects.select_for_update().select_related("zaak", "besluit__zaak").get(pk=bezwaar.pk)
    getattr(bezwaar, TRANSITIE[uitkomst])(by=by, toelichting=motivering[:500])
    bezwaar.motivering = motivering
    bezwaar.save()
    besluit_nemen(zaak=bezwaar.zaak, besluittype=_(BESLUITTYPEN[uitkomst]), motivering=motivering,
                  grondslag=grondslag, actor=by, bestuursorgaan=bezwaar.besluit.bestuursorgaan,
                  template="bezwaar/pdf/beslissing.html", context={"bezwaar": bezwaar, "uitkomst": uitkomst})
    return bezwaar
