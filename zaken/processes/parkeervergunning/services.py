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
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.forms.parkeervergunning.prefill import ParkeerPrefill
from zaken.forms.parkeervergunning.rules import voertuig_beoordelen, voertuig_omschrijving
from zaken.identity import AuthContext
from zaken.integrations.rdw.kenteken import kenteken_weergave
from zaken.models import Besluit, Document, Gemeente, GemeenteProduct, Rol
from zaken.notifications import notify_initiator
from zaken.services import document_store, product_terms, zaak_create
from zaken.termijn_engine import besluit_bekendmaken, besluit_vastleggen
from zaken.termijnen import maanden_na

from .definition import DEFAULT_TERMS, SLUG
from .models import Parkeervergunning, Vergunningzone
from .selectors import adres_vol, open_aanvraag_van, zone_vol, zone_voor

logger = logging.getLogger(__name__)


class ParkeerRefused(Exception):
    """A rule refuses the application; `message` is Dutch, for the person in front of the screen."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


def terms_for(gemeente: Gemeente, gemeente_product: GemeenteProduct | None = None) -> dict:
    if gemeente_product is not None:
        return {**DEFAULT_TERMS, **gemeente_product.termijnen}
    return product_terms(gemeente=gemeente, defaults=DEFAULT_TERMS, product_slug=SLUG)


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
                   "naam": (prefill.naam or auth.display_name)[:Rol._meta.get_field("naam").max_length],
                   "email": aanvraag.email, "telefoon": aanvraag.telefoon})
    vergunning = Parkeervergunning.objects.create(
        zaak=zaak, zone=zone, bsn=auth.bsn, naam=prefill.naam[:255], adres=prefill.adres[:255],
        postcode=prefill.postcode, adresseerbaar_object=prefill.adresseerbaar_object, kenteken=voertuig["kenteken"],
        voertuig=voertuig_omschrijving(voertuig)[:100], eigen_voertuig=oordeel.eigen,
        gewenste_ingangsdatum=aanvraag.ingangsdatum, email=aanvraag.email, telefoon=aanvraag.telefoon)
    if aanvraag.bewijs is not None:
        naam, content, content_type = aanvraag.bewijs
        document_store(zaak=zaak, soort=Document.Soort.BIJLAGE, titel=_("Leasecontract of verklaring van de houder"),
                       content=content, bestandsnaam=naam, formaat=content_type, kenmerk="parkeer-bewijs")
    system = Actor.system("parkeervergunning")
    if zone_vol(zone=zone, vandaag=vandaag):
        vergunning.wachtlijst_sinds = timezone.now()
        vergunning.op_wachtlijst(by=system, toelichting=_("Vergunningzone %(z)s is vol.") % {"z": zone.naam})
    elif oordeel.eigen:
        _verlenen(vergunning, by=system, motivering=_(
            "U woont op een adres in vergunningzone %(z)s, de auto staat op uw naam, het voertuig is niet te lang of "
            "te hoog, en op uw adres is nog ruimte voor een vergunning.") % {"z": zone.naam})
    else:
        vergunning.naar_behandeling(by=system, toelichting=_(
            "De auto staat niet op naam van de aanvrager: een medewerker beoordeelt het bewijs."))
    vergunning.save()
    ParkeervergunningFlow.start.run(case=vergunning)
    return vergunning


def _brief(vergunning: Parkeervergunning, soort: str) -> None:
    from .tasks import brief_maken

    pk = vergunning.pk
    transaction.on_commit(lambda: brief_maken.delay(vergunning_id=pk, soort=soort))


def _vergunningnummer(vergunning: Parkeervergunning) -> str:
    return "PV-" + vergunning.zaak.identificatie.split("-", 1)[-1]


def _verlenen(vergunning: Parkeervergunning, *, by: Actor, motivering: str) -> Besluit:
    """Grant now (the caller saves): the besluit with its dates, the letter on commit, a message."""
    terms = terms_for(vergunning.zaak.gemeente)
    vandaag = timezone.localdate()
    ingang, verval = geldigheid(gewenst=vergunning.gewenste_ingangsdatum, vandaag=vandaag, terms=terms)
    vergunning.ingangsdatum, vergunning.vervaldatum = ingang, verval
    vergunning.vergunningnummer = _vergunningnummer(vergunning)
    vergunning.motivering = motivering
    besluit = besluit_vastleggen(zaak=vergunning.zaak, besluittype=_("Parkeervergunning verleend"), datum=vandaag,
                                 ingangsdatum=ingang, verzenddatum=vandaag, toelichting=motivering, actor=by)
    besluit.vervaldatum = verval
    besluit.save(update_fields=["vervaldatum"])
    vergunning.verlenen(by=by, toelichting=_("Geldig van %(van)s tot en met %(tot)s.") % {
        "van": ingang.strftime("%d-%m-%Y"), "tot": verval.strftime("%d-%m-%Y")})
    _brief(vergunning, "verleend")
    notify_initiator(zaak=vergunning.zaak, subject=_("Uw parkeervergunning is verleend"), body=_(
        "Uw parkeervergunning voor kenteken %(k)s is geldig vanaf %(d)s. Het besluit staat bij uw documenten op Mijn "
        "zaken.") % {"k": kenteken_weergave(vergunning.kenteken), "d": ingang.strftime("%d-%m-%Y")})
    return besluit


@transaction.atomic
def parkeervergunning_beoordelen(*, vergunning: Parkeervergunning, by: Actor, besluit: str, motivering: str) -> None:
    """The civil servant's decision: grant, or refuse with a motivation (a besluit with bezwaar)."""
    vergunning = Parkeervergunning.objects.select_for_update().select_related("zaak__gemeente").get(pk=vergunning.pk)
    if besluit == "verlenen":
        _verlenen(vergunning, by=by, motivering=motivering)
    else:
        vergunning.motivering = motivering
        besluit_vastleggen(zaak=vergunning.zaak, besluittype=_("Parkeervergunning geweigerd"),
                           datum=timezone.localdate(), verzenddatum=timezone.localdate(), toelichting=motivering,
                           actor=by)
        vergunning.weigeren(by=by, toelichting=motivering)
        _brief(vergunning, "geweigerd")
        notify_initiator(zaak=vergunning.zaak, subject=_("Uw aanvraag voor een parkeervergunning is geweigerd"),
                         body=_("Het besluit met de reden en hoe u bezwaar kunt maken staat bij uw documenten op Mijn "
                                "zaken."))
    vergunning.save()


def van_rechtswege_verleend(*, zaak, besluit: Besluit) -> None:
    """The term engine's hook (Awb 4:20b): the besluit van rechtswege is recorded; make it the permit,
    publish it (3:41, 4:20c) with a letter that says so, and stop the civil servant's task."""
    from .flows import ParkeervergunningFlow

    vergunning = Parkeervergunning.objects.select_for_update().get(zaak=zaak)
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
    besluit_bekendmaken(besluit=besluit, datum=timezone.localdate(), actor=system)
    vergunning.van_rechtswege_verlenen(by=system, toelichting=_(
        "Niet op tijd beslist: van rechtswege verleend, geldig vanaf %(d)s.") % {"d": ingang.strftime("%d-%m-%Y")})
    vergunning.save()
    process = ParkeervergunningFlow.process_class.objects.filter(
        flow_class=ParkeervergunningFlow, artifact_object_id=vergunning.pk).first()
    if process is not None and process.status == "NEW":
        ParkeervergunningFlow.instance.cancel(process)  # the decision is taken: the task has nothing left to decide
    _brief(vergunning, "van_rechtswege")
    notify_initiator(zaak=zaak, subject=_("Uw parkeervergunning is van rechtswege verleend"), body=_(
        "Wij hebben niet op tijd beslist op uw aanvraag. Daarom is uw parkeervergunning van rechtswege verleend, geldig "
        "vanaf %(d)s. Het besluit staat bij uw documenten op Mijn zaken.") % {"d": ingang.strftime("%d-%m-%Y")})


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
    """The periodic sweep: permits that expired free their places too."""
    zones = Vergunningzone.objects.filter(vergunningen__state=Parkeervergunning.State.WACHTLIJST).distinct()
    return sum(wachtlijst_doorschuiven(zone=zone) for zone in zones)
