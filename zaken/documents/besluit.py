"""The generic besluit: record it through the term engine, render one PDF with the rechtsmiddelenclausule.

Every Awb decision of a process goes through `besluit_nemen`: it records the Besluit (sent today,
through Mijn zaken, so the bezwaar term starts tomorrow, Awb 6:8), renders the letter in the
municipality's style (motivation 3:46, legal basis 3:47, bezwaar clause 3:45) and links it. A process
adds its own text by extending `zaken/pdf/besluit.html` (block `proces`) or passing `context`.

Lex silencio positivo: the engine writes the besluit van rechtswege and calls the process's
`on_van_rechtswege(*, zaak, besluit)`; that hook calls `besluit_van_rechtswege_bekendmaken` here.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..actors import Actor
from ..models import Besluit, Document, Rol, Zaak
from ..notifications import notify_initiator
from ..termijn_engine import (besluit_bekendmaken, besluit_vastleggen, bestuursorgaan_voor, bezwaartermijn_voor,
                              termijn_config)
from .letters import letter_create

TEMPLATE = "zaken/pdf/besluit.html"
# Awb 4:20b lid 1; a process adds its own basis (the ordinance that declares 4:20a) in `grondslag`.
GRONDSLAG_VAN_RECHTSWEGE = "artikel 4:20b van de Algemene wet bestuursrecht"


def besluit_context(besluit: Besluit) -> dict:
    """What every besluit letter shows: the besluit, the applicant, and the last day to object."""
    zaak = besluit.zaak
    weken = termijn_config(zaak).bezwaartermijn_weken
    return {"besluit": besluit, "bestuursorgaan": besluit.bestuursorgaan,
            "aanvrager": zaak.rollen.filter(roltype=Rol.RolType.INITIATOR).first(),
            "bezwaartermijn_weken": weken, "bezwaar_uiterlijk": bezwaartermijn_voor(besluit, weken=weken)}


def besluit_document_maken(*, besluit: Besluit, template: str = TEMPLATE, context: dict | None = None) -> Document:
    """Render and store the letter of a recorded besluit and link it; stored once per besluit (a retry finds it)."""
    zaak = besluit.zaak
    document = letter_create(
        zaak=zaak, kenmerk=f"besluit-{besluit.identificatie or besluit.pk}", template=template,
        titel=_("Besluit %(type)s %(id)s") % {"type": besluit.besluittype, "id": besluit.identificatie},
        context={**besluit_context(besluit), **(context or {})}, soort=Document.Soort.BESLUIT)
    if besluit.document_id != document.pk:
        besluit.document = document
        besluit.save(update_fields=["document"])
    return document


@transaction.atomic
def besluit_nemen(*, zaak: Zaak, besluittype: str, motivering: str, grondslag: str, actor: Actor,
                  ingangsdatum: date | None = None, vervaldatum: date | None = None, bestuursorgaan: str | None = None,
                  template: str = TEMPLATE, context: dict | None = None, document: bool = True) -> Besluit:
    """Decide: record the besluit (dated and sent today, through Mijn zaken), its PDF, and tell the applicant.

    `document=False`: the caller renders the PDF later with `besluit_document_maken` (in the worker, so that
    a person who files is not kept waiting for it).

    `bestuursorgaan`: who decided, as the bezwaar clause names it ("de burgemeester van Rotterdam");
    blank: the product's (ProcessDefinition.bestuursorgaan), else the college of burgemeester en wethouders.
    """
    vandaag = timezone.localdate()
    bestuursorgaan = bestuursorgaan or bestuursorgaan_voor(zaak)
    besluit = besluit_vastleggen(zaak=zaak, besluittype=besluittype, datum=vandaag, verzenddatum=vandaag,
                                 toelichting=motivering, grondslag=grondslag, ingangsdatum=ingangsdatum,
                                 vervaldatum=vervaldatum, bestuursorgaan=bestuursorgaan, actor=actor)
    if document:
        besluit_document_maken(besluit=besluit, template=template, context=context)
    _melden(besluit)
    return besluit


@transaction.atomic
def besluit_van_rechtswege_bekendmaken(*, zaak: Zaak, besluit: Besluit, grondslag: str = "",
                                       bestuursorgaan: str | None = None, template: str = TEMPLATE,
                                       context: dict | None = None) -> Besluit:
    """For a process's on_van_rechtswege hook: send the besluit van rechtswege (4:20b, 4:20c) with its PDF."""
    besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
    fields = {"grondslag": grondslag or GRONDSLAG_VAN_RECHTSWEGE,
              "bestuursorgaan": bestuursorgaan or bestuursorgaan_voor(zaak)}
    changed = [name for name, value in fields.items() if value and not getattr(besluit, name)]
    for name in changed:
        setattr(besluit, name, fields[name])
    if changed:
        besluit.save(update_fields=changed)
    if besluit.verzenddatum is None:
        besluit_bekendmaken(besluit=besluit, datum=timezone.localdate(), actor=Actor.system("lex silencio"))
    besluit_document_maken(besluit=besluit, template=template, context={"van_rechtswege": True, **(context or {})})
    _melden(besluit)
    return besluit


def _melden(besluit: Besluit) -> None:
    notify_initiator(zaak=besluit.zaak, subject=_("Er is een besluit over uw aanvraag"),
                     body=_("Het besluit staat bij uw documenten op Mijn zaken. Daar leest u ook hoe u bezwaar "
                            "kunt maken als u het er niet mee eens bent."))
