"""The counter's handover: the ID check recorded, then the card handed out, sent back or refused."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.models import AuditLog
from zaken.services import audit_record

from .models import Afhaallocatie, Rijbewijs, Uitreikpoging
from .services import RijbewijsRefused, afhalen_afsluiten, terms_for


@dataclass(frozen=True)
class IdControle:
    locatie: Afhaallocatie
    documentsoort: str
    documentnummer: str
    identiteit_vastgesteld: bool
    oud_rijbewijs_ingenomen: bool
    uitkomst: str  # Uitreikpoging.Uitkomst
    reden: str = ""


@transaction.atomic
def rijbewijs_uitreiken(*, rijbewijs: Rijbewijs, controle: IdControle, user) -> Uitreikpoging:
    """Record the counter's ID check, then hand out, send away or refuse. A check that does not allow
    handing out is recorded as "niet nu" with the reason (the attempt's `reden`); the case stays ready.
    Raises RijbewijsRefused, recording nothing, for a case that is not ready or lies at another counter."""
    rijbewijs = Rijbewijs.objects.select_for_update().select_related("zaak", "afhaallocatie").get(pk=rijbewijs.pk)
    if rijbewijs.state != Rijbewijs.State.KLAAR:
        raise RijbewijsRefused(_("Dit rijbewijs kan niet meer worden uitgereikt: de status is %(s)s.") % {
            "s": rijbewijs.get_state_display()})
    if controle.locatie.pk != rijbewijs.afhaallocatie_id:
        raise RijbewijsRefused(_("Dit rijbewijs ligt bij %(l)s, niet bij deze balie.") % {
            "l": rijbewijs.afhaallocatie.naam}, "locatie")
    terms = terms_for(rijbewijs.zaak.gemeente)
    uitkomst, reden = controle.uitkomst, controle.reden.strip()
    fout = None
    if uitkomst == Uitreikpoging.Uitkomst.UITGEREIKT:
        if not controle.identiteit_vastgesteld:
            fout = _("De identiteit is niet vastgesteld. Het rijbewijs wordt niet uitgereikt.")
        elif terms["oud_rijbewijs_inleveren"] and not controle.oud_rijbewijs_ingenomen:
            fout = _("Het oude rijbewijs is niet ingenomen. Het nieuwe wordt pas uitgereikt als het oude is "
                     "ingeleverd.")
        if fout:
            uitkomst, reden = Uitreikpoging.Uitkomst.NIET_NU, fout
    poging = Uitreikpoging.objects.create(
        rijbewijs=rijbewijs, locatie=controle.locatie, medewerker=user, documentsoort=controle.documentsoort,
        documentnummer_eind=controle.documentnummer.strip()[-4:], identiteit_vastgesteld=controle.identiteit_vastgesteld,
        oud_rijbewijs_ingenomen=controle.oud_rijbewijs_ingenomen, uitkomst=uitkomst, reden=reden)
    actor = Actor.medewerker(user)
    audit_record(actor=actor, name="rijbewijs_uitreikpoging", operation=AuditLog.Operation.WRITE, zaak=rijbewijs.zaak,
                 categories=["identiteitsbewijs"], subject_bsn=rijbewijs.bsn,
                 processing_activity="rijbewijs: uitreiken aan de balie")
    if uitkomst == Uitreikpoging.Uitkomst.UITGEREIKT:
        rijbewijs.uitgereikt_op = timezone.now()
        rijbewijs.volgende_controle = None
        rijbewijs.uitreiken(by=actor, toelichting=_("Uitgereikt bij %(l)s.") % {"l": controle.locatie.naam})
        afhalen_afsluiten(rijbewijs, onderwerp=_("U hebt uw nieuwe rijbewijs opgehaald"), bericht=_(
            "U hebt uw nieuwe rijbewijs opgehaald. Uw oude rijbewijs is ingenomen."))
    elif uitkomst == Uitreikpoging.Uitkomst.GEWEIGERD:
        rijbewijs.reden = reden
        rijbewijs.weigeren(by=actor, toelichting=reden)
        rijbewijs.volgende_controle = timezone.now()  # the sweep reports "not issued" to the RDW
        afhalen_afsluiten(rijbewijs, brief="geweigerd", onderwerp=_("Besluit over uw nieuwe rijbewijs"), bericht=_(
            "Wij hebben uw nieuwe rijbewijs niet uitgereikt. De brief met het besluit staat bij uw documenten op "
            "Mijn zaken; daarin leest u waarom en hoe u bezwaar kunt maken."))
    return poging
