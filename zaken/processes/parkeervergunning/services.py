"""Writes of the resident's permit: file it, grant (automatically or by a civil servant), refuse,
grant van rechtswege (the term engine's hook), end a permit, and move the waiting lists up.

Reads that the rules need (zone of an address, quota, capacity, waiting-list position) are in
`selectors`; each is one query on the valid permits, so nothing stored can drift.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.documents.besluit import GRONDSLAG_VAN_RECHTSWEGE, besluit_nemen, besluit_van_rechtswege_bekendmaken
from zaken.forms.parkeervergunning.prefill import ParkeerPrefill
from zaken.forms.parkeervergunning.rules import voertuig_beoordelen, voertuig_omschrijving
from zaken.identity import AuthContext
from zaken.integrations.rdw.kenteken import kenteken_weergave
from zaken.models import Besluit, Document, Gemeente, GemeenteProduct, Rol
from zaken.processes.shared import ProcessRefused
from zaken.queueing import send_after_commit
from zaken.services import document_store, product_terms, zaak_create
from zaken.termijnen import maanden_na

from .definition import BESLUIT_GEWEIGERD, BESLUIT_VERLEEND, BESLUIT_WACHTLIJST, DEFAULT_TERMS, SLUG
from .models import Parkeervergunning, Vergunningzone
from .selectors import adres_vol, open_aanvraag_van, wachtlijstpositie, zone_vol, zone_voor

logger = logging.getLogger(__name__)
BESLUIT_TEMPLATE = "parkeervergunning/pdf/besluit.html"


class ParkeerRefused(ProcessRefused):
    """A rule refuses the application; `message` is Dutch, for the person in front of the screen."""


def terms_for(gemeente: Gemeente, gemeente_product: GemeenteProduct | None = None) -> dict:
    return product_terms(gemeente=gemeente, defaults=DEFAULT_TERMS, product_slug=SLUG,
                         gemeente_product=gemeente_product)


def geldigheid(*, gewenst: date, vandaag: date, terms: dict) -> tuple[date, date]:
    """(valid from, valid until and including): the requested day, never before today, for the configured months."""
    ingang = max(gewenst, vandaag)
    return ingang, maanden_na(ingang, terms["geldigheid_maanden"]) - timedelta(days=1)


@dataclass(frozen=True)
class Aanvraag:
    prefill: ParkeerPrefill  # read again from the BRP and the BAG when the form is sent
    voertuig: dict  # read again from the RDW when the form is sent
    ingangsdatum: date
    email: str
    telefoon: str
    bewijs: tuple[str, bytes, str] | None = None  # (file name, content, content type)


@transaction.atomic
def parkeervergunning_indienen(*, aanvraag: Aanvraag, auth: AuthContext, gemeente: Gemeente) -> Parkeervergunning:
    """Register the application and take the first step: grant, waiting list, or a civil servant."""
    from .flows import ParkeervergunningFlow

    prefill, voertuig = aanvraag.prefill, aanvraag.voertuig
    if not prefill.kan_aanvragen:
        raise ParkeerRefused(prefill.blokkade.uitleg)
    terms = terms_for(gemeente)
    vandaag = timezone.localdate()
    zone = zone_voor(gemeente=gemeente, postcode=prefill.postcode, aoid=prefill.adresseerbaar_object)
    if zone is None:
        raise ParkeerRefused(_("Uw adres ligt niet in een vergunningzone."))
    Vergunningzone.objects.select_for_update().get(pk=zone.pk)  # one filing per zone at a time: capacity holds
    if open_aanvraag_van(auth.bsn) is not None:
        raise ParkeerRefused(_("U hebt al een aanvraag voor een parkeervergunning die nog loopt."))
    if adres_vol(zone=zone, aoid=prefill.adresseerbaar_object, vandaag=vandaag):
        raise ParkeerRefused(_("Op uw adres zijn al %(n)s geldige parkeervergunningen; meer kunnen er niet worden "
                               "verleend.") % {"n": zone.quotum_per_adres})
    oordeel = voertuig_beoordelen(voertuig, bsn=auth.bsn, terms=terms)
    if oordeel.weigering:
        raise ParkeerRefused(oordeel.weigering, "kenteken")
    if not oordeel.eigen and aanvraag.bewijs is None:
        raise ParkeerRefused(_("Upload het leasecontract of een verklaring van de houder."), "bewijs")
    kenteken = kenteken_weergave(voertuig["kenteken"])
    gegevens = {"Adres": prefill.adres, "Vergunningzone": zone.naam, "Kenteken": kenteken,
                "Voertuig": voertuig_omschrijving(voertuig),
                "Op naam van": _("de aanvrager") if oordeel.eigen else _("een ander (lease- of bedrijfsauto)"),
                "Gewenste ingangsdatum": aanvraag.ingangsdatum.strftime("%d-%m-%Y"),
                "E-mailadres": aanvraag.email, "Telefoonnummer": aanvraag.telefoon}
    actor = Actor.from_auth(auth)
    zaak = zaak_create(
        gemeente=gemeente, process_slug=SLUG, actor=actor, initial_status=Parkeervergunning.State.ONTVANGEN,
        gegevens=gegevens,
        initiator={"betrokkene_type": Rol.BetrokkeneType.NATUURLIJK_PERSOON, "inp_bsn": auth.bsn,
                   "naam": prefill.naam or auth.display_name,
                   "email": aanvraag.email, "telefoon": aanvraag.telefoon})
    vergunning = Parkeervergunning.objects.create(
        zaak=zaak, zone=zone, bsn=auth.bsn, naam=prefill.naam, adres=prefill.adres,
        postcode=prefill.postcode, adresseerbaar_object=prefill.adresseerbaar_object, kenteken=voertuig["kenteken"],
        voertuig=voertuig_omschrijving(voertuig)[:100], eigen_voertuig=oordeel.eigen,
        gewenste_ingangsdatum=aanvraag.ingangsdatum, email=aanvraag.email, telefoon=aanvraag.telefoon)
    if aanvraag.bewijs is not None:
        naam, content, content_type = aanvraag.bewijs
        document_store(zaak=zaak, soort=Document.Soort.BIJLAGE, titel=_("Leasecontract of verklaring van de houder"),
                       content=content, bestandsnaam=naam, formaat=content_type, kenmerk="parkeer-bewijs")
    system = Actor.system("parkeervergunning")
    # A besluit at once: its letter is rendered by the worker after the commit (besluit_brief_maken).
    if zone_vol(zone=zone, vandaag=vandaag):
        _op_wachtlijst(vergunning, by=system, brief_later=True)
    elif oordeel.eigen:
        _verlenen(vergunning, by=system, brief_later=True, motivering=_(
            "U woont op een adres in vergunningzone %(z)s, de auto staat op uw naam, het voertuig is niet te lang of "
            "te hoog, en op uw adres is nog ruimte voor een vergunning.") % {"z": zone.naam})
    else:
        vergunning.naar_behandeling(by=system, toelichting=_(
            "De auto staat niet op naam van de aanvrager: een medewerker beoordeelt het bewijs."))
    vergunning.save()
    ParkeervergunningFlow.start.run(case=vergunning)
    return vergunning


def _vergunningnummer(vergunning: Parkeervergunning) -> str:
    return "PV-" + vergunning.zaak.identificatie.split("-", 1)[-1]


def _grondslag(vergunning: Parkeervergunning) -> str:
    """The legal basis the besluit names (Awb 3:47): the zone's article of the Parkeerverordening."""
    return _("%(grond)s van de gemeente %(gemeente)s") % {"grond": vergunning.zone.rechtsgrond,
                                                           "gemeente": vergunning.zaak.gemeente.naam}


def _besluit(vergunning: Parkeervergunning, *, besluittype: str, beslissing: str, motivering: str, by: Actor,
             ingangsdatum: date | None = None, vervaldatum: date | None = None, brief_later: bool = False) -> Besluit:
    """Every decision on the application is a generic besluit (number, basis, motivation, dates, bezwaar clause)
    with the permit's own facts in its letter; `brief_later`: the worker renders the letter after the commit."""
    vergunning.motivering = motivering
    besluit = besluit_nemen(zaak=vergunning.zaak, besluittype=besluittype, motivering=motivering,
                            grondslag=_grondslag(vergunning), actor=by, ingangsdatum=ingangsdatum,
                            vervaldatum=vervaldatum, template=BESLUIT_TEMPLATE, document=not brief_later,
                            context=None if brief_later else brief_context(vergunning, beslissing=beslissing))
    if brief_later:
        from .tasks import besluit_brief

        send_after_commit(besluit_brief, besluit_id=besluit.pk, beslissing=beslissing)
    return besluit


def brief_context(vergunning: Parkeervergunning, *, beslissing: str = "") -> dict:
    return {"vergunning": vergunning, "kenteken": kenteken_weergave(vergunning.kenteken), "zone": vergunning.zone,
            "beslissing": beslissing, "positie": wachtlijstpositie(vergunning)}


def _aangevraagd(vergunning: Parkeervergunning) -> str:
    return _("Op %(d)s vroeg u een parkeervergunning voor bewoners aan.") % {
        "d": date_format(timezone.localtime(vergunning.zaak.registratiedatum), "j F Y")}


def beslissing_wachtlijst(vergunning: Parkeervergunning) -> str:
    return _("%(aangevraagd)s Wij verlenen u nu geen vergunning, omdat vergunningzone %(z)s vol is. Wij plaatsen uw "
             "aanvraag op de wachtlijst.") % {"aangevraagd": _aangevraagd(vergunning), "z": vergunning.zone.naam}


def beslissing_verleend(vergunning: Parkeervergunning) -> str:
    return _("%(aangevraagd)s Wij verlenen u deze vergunning.") % {"aangevraagd": _aangevraagd(vergunning)}


def _op_wachtlijst(vergunning: Parkeervergunning, *, by: Actor, brief_later: bool = False) -> Besluit:
    """The zone is full: a besluit on the application (no permit now, a place on the waiting list). It ends the
    decision term, so lex silencio cannot grant what the zone has no room for; the applicant may object to it."""
    zone = vergunning.zone
    vergunning.wachtlijst_sinds = timezone.now()
    vergunning.op_wachtlijst(by=by, toelichting=_("Vergunningzone %(z)s is vol.") % {"z": zone.naam})
    return _besluit(vergunning, by=by, besluittype=_(BESLUIT_WACHTLIJST), brief_later=brief_later,
                    beslissing=beslissing_wachtlijst(vergunning), motivering=_(
        "Vergunningzone %(z)s heeft ruimte voor %(n)s vergunningen en die zijn allemaal verleend. Komt er een plaats "
        "vrij, dan krijgt de eerste op de wachtlijst die plaats. Uw plaats op de wachtlijst ziet u op Mijn zaken.")
        % {"z": zone.naam, "n": zone.capaciteit})


def _verlenen(vergunning: Parkeervergunning, *, by: Actor, motivering: str, brief_later: bool = False) -> Besluit:
    """Grant now (the caller saves): the besluit with its dates and letter, then the transition."""
    terms = terms_for(vergunning.zaak.gemeente)
    ingang, verval = geldigheid(gewenst=vergunning.gewenste_ingangsdatum, vandaag=timezone.localdate(), terms=terms)
    vergunning.ingangsdatum, vergunning.vervaldatum = ingang, verval
    vergunning.vergunningnummer = _vergunningnummer(vergunning)
    besluit = _besluit(vergunning, by=by, besluittype=_(BESLUIT_VERLEEND), motivering=motivering,
                       ingangsdatum=ingang, vervaldatum=verval, beslissing=beslissing_verleend(vergunning),
                       brief_later=brief_later)
    vergunning.verlenen(by=by, toelichting=_("Geldig van %(van)s tot en met %(tot)s.") % {
        "van": ingang.strftime("%d-%m-%Y"), "tot": verval.strftime("%d-%m-%Y")})
    return besluit


@transaction.atomic
def parkeervergunning_beoordelen(*, vergunning: Parkeervergunning, by: Actor, besluit: str, motivering: str) -> None:
    """The civil servant's decision: grant, or refuse with a motivation (a besluit with bezwaar)."""
    vergunning = Parkeervergunning.objects.select_for_update().select_related("zaak__gemeente", "zone").get(
        pk=vergunning.pk)
    if besluit == "verlenen":
        _verlenen(vergunning, by=by, motivering=motivering)
    else:
        _besluit(vergunning, by=by, besluittype=_(BESLUIT_GEWEIGERD), motivering=motivering,
                 beslissing=_("%(aangevraagd)s Wij weigeren deze vergunning.") % {
                     "aangevraagd": _aangevraagd(vergunning)})
        vergunning.weigeren(by=by, toelichting=motivering)
    vergunning.save()


def van_rechtswege_verleend(*, zaak, besluit: Besluit) -> None:
    """The term engine's hook (Awb 4:20b): the besluit van rechtswege is recorded; make it the permit,
    publish it (3:41, 4:20c) with the generic letter that says so, and stop the civil servant's task."""
    from .flows import ParkeervergunningFlow

    vergunning = Parkeervergunning.objects.select_for_update().select_related("zone").get(zaak=zaak)
    if vergunning.state not in (Parkeervergunning.State.ONTVANGEN, Parkeervergunning.State.IN_BEHANDELING):
        logger.warning("parkeervergunning %s: van rechtswege in state %s", vergunning.pk, vergunning.state)
        return
    terms = terms_for(zaak.gemeente)
    # In force from the 3rd day after the term (the engine's ingangsdatum), or the later day asked for.
    ingang = max(besluit.ingangsdatum, vergunning.gewenste_ingangsdatum)
    vergunning.ingangsdatum = ingang
    vergunning.vervaldatum = maanden_na(ingang, terms["geldigheid_maanden"]) - timedelta(days=1)
    vergunning.vergunningnummer = _vergunningnummer(vergunning)
    vergunning.motivering = besluit.toelichting
    besluit.vervaldatum = vergunning.vervaldatum
    besluit.save(update_fields=["vervaldatum"])
    system = Actor.system("lex silencio")
    vergunning.van_rechtswege_verlenen(by=system, toelichting=_(
        "Niet op tijd beslist: van rechtswege verleend, geldig vanaf %(d)s.") % {"d": ingang.strftime("%d-%m-%Y")})
    vergunning.save()
    besluit_van_rechtswege_bekendmaken(
        zaak=zaak, besluit=besluit, grondslag=f"{_grondslag(vergunning)} en {GRONDSLAG_VAN_RECHTSWEGE}",
        template=BESLUIT_TEMPLATE, context=brief_context(vergunning, beslissing=_(
            "Uw parkeervergunning voor bewoners is daarmee verleend.")))
    process = ParkeervergunningFlow.process_class.objects.filter(
        flow_class=ParkeervergunningFlow, artifact_object_id=vergunning.pk).first()
    if process is not None and process.status == "NEW":
        ParkeervergunningFlow.instance.cancel(process)  # the decision is taken: the task has nothing left to decide


@transaction.atomic
def parkeervergunning_beeindigen(*, vergunning: Parkeervergunning, by: Actor, reden: str) -> None:
    """A permit ends (the resident moved, sold the car, asked for it): its place goes to the waiting list."""
    vergunning = Parkeervergunning.objects.select_for_update().get(pk=vergunning.pk)
    vergunning.beeindigen(by=by, toelichting=reden)
    vergunning.save()
    wachtlijst_doorschuiven(zone=vergunning.zone)


@transaction.atomic
def wachtlijst_doorschuiven(*, zone: Vergunningzone) -> int:
    """Give free places of a zone to the waiting list, first come first served; returns how many moved."""
    from .flows import ParkeervergunningFlow

    zone = Vergunningzone.objects.select_for_update().get(pk=zone.pk)
    vandaag = timezone.localdate()
    moved = 0
    system = Actor.system("wachtlijst")
    while not zone_vol(zone=zone, vandaag=vandaag):
        eerste = (Parkeervergunning.objects.select_for_update().select_related("zaak__gemeente")
                  .filter(zone=zone, state=Parkeervergunning.State.WACHTLIJST)
                  .order_by("wachtlijst_sinds", "pk").first())
        if eerste is None:
            break
        if eerste.eigen_voertuig and not adres_vol(zone=zone, aoid=eerste.adresseerbaar_object, vandaag=vandaag):
            _verlenen(eerste, by=system, motivering=_(
                "Er is een plaats vrijgekomen in vergunningzone %(z)s. U was de eerste op de wachtlijst, de auto staat "
                "op uw naam en op uw adres is nog ruimte voor een vergunning.") % {"z": zone.naam})
        else:
            # A civil servant looks at it (a lease car, or the address filled up meanwhile); a case in
            # treatment holds its place (selectors.zone_bezetting).
            eerste.naar_behandeling(by=system, toelichting=_("Er is een plaats vrijgekomen in de vergunningzone."))
        eerste.save()
        ParkeervergunningFlow.complete_waiting(case=eerste, node_name="wachtlijst")
        moved += 1
    return moved


def wachtlijsten_bijwerken() -> int:
    """The periodic sweep: permits that expired free their places too; lost letters are sent again."""
    zones = Vergunningzone.objects.filter(vergunningen__state=Parkeervergunning.State.WACHTLIJST).distinct()
    from .letters import besluitbrieven_inhalen

    return sum(wachtlijst_doorschuiven(zone=zone) for zone in zones) + besluitbrieven_inhalen()
