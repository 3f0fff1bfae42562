"""Writes of the renewal: file, pay, order at the RDW, report ready, hand out, lapse.

Every step is idempotent under a row lock, so a webhook, a return, a retry and the sweep may race.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.forms.rijbewijs.prefill import RijbewijsPrefill
from zaken.identity import AuthContext
from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.payments.services import betaling_starten, terugbetaling_aanvragen
from zaken.integrations.registry import get_adapter
from zaken.models import AuditLog, Betaling, Gemeente, GemeenteProduct, Rol
from zaken.notifications import notify_initiator
from zaken.services import audit_record, product_terms, receipt_queue, zaak_create
from zaken.termijn_engine import zaak_termijn_herberekenen
from zaken.termijnen import NL_TIME, atw_verlengd, lokale_dag, maanden_na, werkdagen_na

from .definition import DEFAULT_TERMS, SLUG
from .models import Afhaallocatie, Rijbewijs, Uitreikpoging

logger = logging.getLogger(__name__)

BIJ_BETAALD = "zaken.processes.rijbewijs.services.rijbewijs_betaald"
POLL_INTERVAL = timedelta(hours=1)  # how often an order still in production is asked about again


class RijbewijsRefused(Exception):
    """A rule refuses the step; `message` is for the person in front of the screen, in Dutch."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


def terms_for(gemeente: Gemeente, gemeente_product: GemeenteProduct | None = None) -> dict:
    """The municipality's terms; a caller that holds its GemeenteProduct of this product passes it (no query)."""
    if gemeente_product is not None:
        return {**DEFAULT_TERMS, **gemeente_product.termijnen}
    return product_terms(gemeente=gemeente, defaults=DEFAULT_TERMS, product_slug=SLUG)


def leges_cent(gemeente: Gemeente, gemeente_product: GemeenteProduct | None = None) -> int:
    gp = gemeente_product or GemeenteProduct.objects.filter(gemeente=gemeente, product__slug=SLUG).only("leges").first()
    return int(round((gp.leges if gp else 0) * 100))


def euro(cent: int) -> str:
    return f"€ {cent // 100},{cent % 100:02d}"


def _start_of(day) -> datetime:
    return datetime.combine(day, time(0, 5), tzinfo=NL_TIME)


@dataclass(frozen=True)
class Aanvraag:
    prefill: RijbewijsPrefill  # read again from the RDW when the form is sent
    categorieen: list[str]  # chosen by the citizen among prefill.te_verlengen
    afhaallocatie: Afhaallocatie
    email: str
    telefoon: str


@transaction.atomic
def rijbewijs_indienen(*, aanvraag: Aanvraag, auth: AuthContext, gemeente: Gemeente) -> Rijbewijs:
    """Register the application (it waits for its payment); the receipt follows the payment."""
    prefill = aanvraag.prefill
    if not prefill.kan_online:
        raise RijbewijsRefused(prefill.blokkade.uitleg)
    te_verlengen = {c.categorie: c for c in prefill.te_verlengen}
    if not aanvraag.categorieen or set(aanvraag.categorieen) - set(te_verlengen):
        raise RijbewijsRefused(_("Kies opnieuw welke categorieën u wilt verlengen."), "categorieen")
    if aanvraag.afhaallocatie.gemeente_id != gemeente.pk or not aanvraag.afhaallocatie.actief:
        raise RijbewijsRefused(_("Kies een afhaallocatie uit de lijst."), "afhaallocatie")
    terms = terms_for(gemeente)
    # One open renewal per person: lock their rows so that two submissions cannot both pass.
    if Rijbewijs.objects.select_for_update().filter(bsn=auth.bsn, state__in=Rijbewijs.OPEN_STATES).exists():
        raise RijbewijsRefused(_("U hebt al een aanvraag voor een nieuw rijbewijs die nog loopt. U vindt haar bij "
                                 "Mijn zaken."))
    gekozen = [te_verlengen[c] for c in sorted(aanvraag.categorieen, key=list(te_verlengen).index)]
    cent = leges_cent(gemeente)
    gegevens = {
        "Rijbewijsnummer": prefill.rijbewijs.get("rijbewijsnummer", ""),
        "Te verlengen categorieën": [f"{c.categorie}: geldig tot {c.nieuw_geldig_tot:%d-%m-%Y}" for c in gekozen],
        "Afhaallocatie": f"{aanvraag.afhaallocatie.naam}, {aanvraag.afhaallocatie.adres}",
        "Leges": euro(cent),
        "E-mailadres": aanvraag.email,
        "Telefoonnummer": aanvraag.telefoon,
    }
    actor = Actor.from_auth(auth)
    zaak = zaak_create(
        gemeente=gemeente, process_slug=SLUG, actor=actor, initial_status=Rijbewijs.State.ONTVANGEN,
        gegevens=gegevens, receipt=False,
        # Ready this many working days after the payment: paid today, this is the day (moved on payment).
        einddatum_gepland=werkdagen_na(timezone.localdate(), terms["productie_werkdagen"]),
        initiator={"betrokkene_type": Rol.BetrokkeneType.NATUURLIJK_PERSOON, "inp_bsn": auth.bsn,
                   "naam": (prefill.naam or auth.display_name)[:Rol._meta.get_field("naam").max_length],
                   "email": aanvraag.email, "telefoon": aanvraag.telefoon})
    rijbewijs = Rijbewijs.objects.create(
        zaak=zaak, bsn=auth.bsn, naam=prefill.naam[:255], rijbewijsnummer=prefill.rijbewijs.get("rijbewijsnummer", ""),
        categorieen=[c.as_json() for c in gekozen], afhaallocatie=aanvraag.afhaallocatie, email=aanvraag.email,
        telefoon=aanvraag.telefoon, leges_cent=cent,
        volgende_controle=timezone.now() + timedelta(days=terms["betaaltermijn_dagen"]))
    from .flows import RijbewijsFlow

    RijbewijsFlow.start.run(case=rijbewijs)
    if cent == 0:  # a municipality without leges: nothing to pay
        _betaald(rijbewijs, moment=timezone.now(), betaling=None)
    return rijbewijs


def rijbewijs_betaling(*, rijbewijs: Rijbewijs, site_url: str, terug_url: str) -> Betaling:
    """The payment of this application: the open or paid one, else a new one (a reload never pays twice)."""
    if rijbewijs.state != Rijbewijs.State.ONTVANGEN:
        raise RijbewijsRefused(_("Deze aanvraag hoeft niet (meer) betaald te worden."))
    return betaling_starten(
        sleutel=f"rijbewijs:{rijbewijs.zaak_id}", bedrag_cent=rijbewijs.leges_cent, zaak=rijbewijs.zaak,
        omschrijving=_("Leges rijbewijs %(id)s") % {"id": rijbewijs.zaak.identificatie}, terug_url=terug_url,
        site_url=site_url, bij_betaald=BIJ_BETAALD)


def rijbewijs_betaald(betaling: Betaling) -> None:
    """The payment hook: runs once, in the transaction that marks the payment paid."""
    rijbewijs = Rijbewijs.objects.select_for_update().select_related("zaak").get(zaak_id=betaling.zaak_id)
    if rijbewijs.state != Rijbewijs.State.ONTVANGEN:
        # Paid after the application lapsed unpaid (or a second payment): nothing to deliver, so refund it.
        logger.warning("rijbewijs %s: payment %s arrived in state %s", rijbewijs.pk, betaling.pk, rijbewijs.state)
        terugbetaling_aanvragen(betaling, reden=_("Betaald nadat de aanvraag was vervallen."))
        return
    _betaald(rijbewijs, moment=betaling.paid_at, betaling=betaling)


def _betaald(rijbewijs: Rijbewijs, *, moment: datetime, betaling: Betaling | None) -> None:
    from .flows import RijbewijsFlow

    terms = terms_for(rijbewijs.zaak.gemeente)
    rijbewijs.betaald_op = moment
    rijbewijs.verwacht_gereed = werkdagen_na(lokale_dag(moment), terms["productie_werkdagen"])
    # Due now: the order step queued by the flow takes it at once; if that task is lost, the sweep does.
    rijbewijs.volgende_controle = timezone.now()
    rijbewijs.betalen(by=Actor.system("betaling"), toelichting=_("Betaald: %(b)s.") % {"b": euro(rijbewijs.leges_cent)})
    rijbewijs.save()
    zaak = rijbewijs.zaak
    zaak.gegevens = {**zaak.gegevens, "Betaald": _("%(b)s op %(d)s") % {
        "b": euro(rijbewijs.leges_cent), "d": timezone.localtime(moment).strftime("%d-%m-%Y %H:%M")}}
    if betaling is not None:
        zaak.gegevens["Betalingskenmerk"] = str(betaling.uuid)
    zaak.einddatum_gepland = rijbewijs.verwacht_gereed
    zaak.save(update_fields=["gegevens", "einddatum_gepland"])
    zaak_termijn_herberekenen(zaak=zaak)  # the tracker's streefdatum follows the day it is expected
    receipt_queue(zaak)  # the application is complete now that it is paid
    if betaling is not None:  # a municipality without leges: no payment to confirm
        pk = rijbewijs.pk
        transaction.on_commit(lambda: _queue_letter(pk, "betaalbewijs"))
        notify_initiator(zaak=zaak, subject=_("Wij hebben uw betaling ontvangen"), body=_(
            "Uw aanvraag voor een nieuw rijbewijs is betaald. Wij verwachten dat het op %(d)s klaar is om af te "
            "halen. U ziet de voortgang op Mijn zaken.") % {"d": rijbewijs.verwacht_gereed.strftime("%d-%m-%Y")})
    RijbewijsFlow.complete_waiting(case=rijbewijs, node_name="betaling")


def backoff(attempt: int) -> timedelta:
    """1, 2, 4 … minutes, at most an hour between tries while the RDW is down."""
    return timedelta(seconds=min(60 * 2 ** max(attempt - 1, 0), 3600))


def rijbewijs_bijwerken(*, rijbewijs_id: int) -> str:
    """The one automatic step for a case that is due: order, ask whether ready, lapse. Returns the state."""
    with transaction.atomic():
        rijbewijs = Rijbewijs.objects.select_for_update().select_related("zaak__gemeente", "afhaallocatie").get(
            pk=rijbewijs_id)
        if rijbewijs.volgende_controle and rijbewijs.volgende_controle > timezone.now():
            return rijbewijs.state  # a second or early task (sweep and queued task raced): the plan stands
        step = {Rijbewijs.State.ONTVANGEN: _niet_betaald, Rijbewijs.State.BETAALD: _bestellen,
                Rijbewijs.State.IN_PRODUCTIE: _gereed_vragen, Rijbewijs.State.KLAAR: _laten_vervallen,
                Rijbewijs.State.VERVALLEN: _niet_uitgereikt_melden,
                Rijbewijs.State.AFGEWEZEN: _niet_uitgereikt_melden}.get(rijbewijs.state)
        if step is not None:
            step(rijbewijs)
        return rijbewijs.state


def _uitgesteld(rijbewijs: Rijbewijs) -> None:
    rijbewijs.rdw_pogingen += 1
    rijbewijs.volgende_controle = timezone.now() + backoff(rijbewijs.rdw_pogingen)
    rijbewijs.save(update_fields=["rdw_pogingen", "volgende_controle"])


def _niet_betaald(rijbewijs: Rijbewijs) -> None:
    from .flows import RijbewijsFlow

    if rijbewijs.volgende_controle and rijbewijs.volgende_controle > timezone.now():
        return
    if Betaling.objects.filter(zaak=rijbewijs.zaak, status=Betaling.Status.OPEN).exists():
        rijbewijs.volgende_controle = timezone.now() + timedelta(hours=1)  # let an open payment finish first
        rijbewijs.save(update_fields=["volgende_controle"])
        return
    rijbewijs.volgende_controle = None
    rijbewijs.niet_betaald(by=Actor.system("betaaltermijn"), toelichting=_(
        "De leges zijn niet op tijd betaald. Wilt u toch een nieuw rijbewijs, vraag het dan opnieuw aan."))
    rijbewijs.save()
    RijbewijsFlow.complete_waiting(case=rijbewijs, node_name="betaling")


def _bestellen(rijbewijs: Rijbewijs) -> None:
    from .flows import RijbewijsFlow

    system = Actor.system("RDW-bestelling")
    vandaag = timezone.localdate()  # the RDW produces from the day it gets the order, not the day of payment
    try:
        order_id = get_adapter("rdw").bestelling_plaatsen(
            order_key=f"samenloket:{rijbewijs.zaak.identificatie}", bsn=rijbewijs.bsn,
            categorieen=[c["categorie"] for c in rijbewijs.categorieen],
            afhaallocatie=f"{rijbewijs.zaak.gemeente.gemeentecode}:{rijbewijs.afhaallocatie_id}",
            datum=vandaag)
    except Unavailable:
        _uitgesteld(rijbewijs)
        return
    except NotFound:
        rijbewijs.reden = _("De RDW neemt de bestelling niet aan: het rijbewijs kan niet online worden verlengd.")
        rijbewijs.volgende_controle = None
        rijbewijs.naar_balie(by=system, toelichting=rijbewijs.reden)
        rijbewijs.save()
        RijbewijsFlow.complete_waiting(case=rijbewijs, node_name="rdw_bestelling")
        for betaling in rijbewijs.zaak.betalingen.filter(status=Betaling.Status.PAID):
            terugbetaling_aanvragen(betaling, reden=_("De RDW nam de online aanvraag niet aan."))
        notify_initiator(zaak=rijbewijs.zaak, subject=_("Uw rijbewijs kan niet online worden verlengd"), body=_(
            "De RDW kan uw nieuwe rijbewijs niet maken op uw online aanvraag. Maak een afspraak bij de gemeente om "
            "het aan de balie aan te vragen. U krijgt de betaalde leges terug op de rekening waarmee u betaalde."))
        return
    audit_record(actor=system, name="rdw_bestelling", operation=AuditLog.Operation.WRITE, zaak=rijbewijs.zaak,
                 categories=["rijbewijs"], subject_bsn=rijbewijs.bsn, processing_activity="rijbewijs: bestellen")
    rijbewijs.rdw_order_id = order_id
    rijbewijs.rdw_pogingen = 0
    verwacht = werkdagen_na(vandaag, terms_for(rijbewijs.zaak.gemeente)["productie_werkdagen"])
    if rijbewijs.verwacht_gereed is None or verwacht > rijbewijs.verwacht_gereed:
        # Ordered days after the payment (the RDW was down): the expected date moves with it.
        rijbewijs.verwacht_gereed = rijbewijs.zaak.einddatum_gepland = verwacht
        rijbewijs.zaak.save(update_fields=["einddatum_gepland"])
    rijbewijs.volgende_controle = _start_of(rijbewijs.verwacht_gereed or timezone.localdate())
    rijbewijs.bestellen(by=system, toelichting=_("Besteld bij de RDW."))
    rijbewijs.save()
    RijbewijsFlow.complete_waiting(case=rijbewijs, node_name="rdw_bestelling")


def _gereed_vragen(rijbewijs: Rijbewijs) -> None:
    from datetime import date

    from .flows import RijbewijsFlow

    try:
        status = get_adapter("rdw").bestelling_status(rijbewijs.rdw_order_id)
    except Unavailable:
        _uitgesteld(rijbewijs)
        return
    if status["status"] != "gereed":
        rijbewijs.volgende_controle = timezone.now() + POLL_INTERVAL
        rijbewijs.save(update_fields=["volgende_controle"])
        return
    terms = terms_for(rijbewijs.zaak.gemeente)
    rijbewijs.gereed_op = date.fromisoformat(status["gereedOp"])
    # The last pickup day: months as the law counts them; a closed counter day moves it on (Atw art. 1).
    rijbewijs.afhalen_uiterlijk = atw_verlengd(maanden_na(rijbewijs.gereed_op, terms["afhaaltermijn_maanden"]))
    rijbewijs.volgende_controle = _start_of(rijbewijs.afhalen_uiterlijk + timedelta(days=1))
    rijbewijs.rdw_pogingen = 0
    rijbewijs.gereed(by=Actor.system("RDW-bestelling"), toelichting=_("Af te halen bij %(l)s, uiterlijk op %(d)s.") % {
        "l": rijbewijs.afhaallocatie.naam, "d": rijbewijs.afhalen_uiterlijk.strftime("%d-%m-%Y")})
    rijbewijs.save()
    RijbewijsFlow.complete_waiting(case=rijbewijs, node_name="productie")
    pk = rijbewijs.pk
    transaction.on_commit(lambda: _queue_letter(pk, "afhalen"))
    notify_initiator(zaak=rijbewijs.zaak, subject=_("Uw rijbewijs is klaar"), body=_(
        "Uw nieuwe rijbewijs ligt klaar bij %(l)s (%(a)s). Haal het uiterlijk op %(d)s zelf af, met een geldig "
        "identiteitsbewijs en uw oude rijbewijs. De afhaalbrief staat bij uw documenten op Mijn zaken.") % {
        "l": rijbewijs.afhaallocatie.naam, "a": rijbewijs.afhaallocatie.adres,
        "d": rijbewijs.afhalen_uiterlijk.strftime("%d-%m-%Y")})


def _laten_vervallen(rijbewijs: Rijbewijs) -> None:
    if rijbewijs.afhalen_uiterlijk is None or rijbewijs.afhalen_uiterlijk >= timezone.localdate():
        return
    rijbewijs.laten_vervallen(by=Actor.system("afhaaltermijn"), toelichting=_(
        "Het rijbewijs is niet binnen de afhaaltermijn (tot en met %(d)s) afgehaald.") % {
        "d": rijbewijs.afhalen_uiterlijk.strftime("%d-%m-%Y")})
    rijbewijs.volgende_controle = timezone.now()
    rijbewijs.save()
    _afhalen_klaar(rijbewijs)
    pk = rijbewijs.pk
    transaction.on_commit(lambda: _queue_letter(pk, "vervallen"))
    notify_initiator(zaak=rijbewijs.zaak, subject=_("Uw nieuwe rijbewijs is vervallen"), body=_(
        "U hebt uw nieuwe rijbewijs niet binnen de afhaaltermijn afgehaald. Het is vervallen en wordt vernietigd. "
        "De brief staat bij uw documenten op Mijn zaken."))
    _niet_uitgereikt_melden(rijbewijs)


def _afhalen_klaar(rijbewijs: Rijbewijs) -> None:
    from .flows import RijbewijsFlow

    RijbewijsFlow.complete_waiting(case=rijbewijs, node_name="afhalen")


def _niet_uitgereikt_melden(rijbewijs: Rijbewijs) -> None:
    """Tell the RDW the card was not issued; retried by the sweep while the RDW is down."""
    if rijbewijs.rdw_niet_uitgereikt_gemeld:
        return
    try:
        get_adapter("rdw").niet_uitgereikt_melden(rijbewijs.rdw_order_id)
    except Unavailable:
        _uitgesteld(rijbewijs)
        return
    except NotFound:
        logger.error("rijbewijs %s: the RDW does not know order %s", rijbewijs.pk, rijbewijs.rdw_order_id)
    rijbewijs.rdw_niet_uitgereikt_gemeld = True
    rijbewijs.volgende_controle = None
    rijbewijs.save(update_fields=["rdw_niet_uitgereikt_gemeld", "volgende_controle"])


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
        rijbewijs.save()
        _afhalen_klaar(rijbewijs)
        notify_initiator(zaak=rijbewijs.zaak, subject=_("U hebt uw nieuwe rijbewijs opgehaald"), body=_(
            "U hebt uw nieuwe rijbewijs opgehaald. Uw oude rijbewijs is ingenomen."))
    elif uitkomst == Uitreikpoging.Uitkomst.GEWEIGERD:
        rijbewijs.reden = reden
        rijbewijs.weigeren(by=actor, toelichting=reden)
        rijbewijs.volgende_controle = timezone.now()  # the sweep reports "not issued" to the RDW
        rijbewijs.save()
        _afhalen_klaar(rijbewijs)
        pk = rijbewijs.pk
        transaction.on_commit(lambda: _queue_letter(pk, "geweigerd"))
        notify_initiator(zaak=rijbewijs.zaak, subject=_("Besluit over uw nieuwe rijbewijs"), body=_(
            "Wij hebben uw nieuwe rijbewijs niet uitgereikt. De brief met het besluit staat bij uw documenten op "
            "Mijn zaken; daarin leest u waarom en hoe u bezwaar kunt maken."))
    return poging


def _queue_letter(rijbewijs_id: int, soort: str) -> None:
    from .tasks import brief_maken

    brief_maken.delay(rijbewijs_id=rijbewijs_id, soort=soort)


def rijbewijzen_bewaken() -> int:
    """The periodic sweep: every case whose next check is due gets its step (in a worker)."""
    from .tasks import bijwerken

    due = list(Rijbewijs.objects.filter(state__in=[*Rijbewijs.OPEN_STATES, Rijbewijs.State.VERVALLEN,
                                                   Rijbewijs.State.AFGEWEZEN],
                                        volgende_controle__lte=timezone.now()).values_list("pk", flat=True)[:1000])
    for pk in due:
        bijwerken.delay(rijbewijs_id=pk)
    return len(due)
