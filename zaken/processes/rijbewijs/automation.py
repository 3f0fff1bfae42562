"""The renewal's automatic steps, run by the sweep and the worker: the unpaid lapse, the RDW order
(retried while the RDW is down), asking whether the card is ready, the lapse after the pickup term,
and reporting a card that was not issued. Each runs under the case's row lock."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.payments.services import terugbetaling_aanvragen
from zaken.integrations.registry import get_adapter
from zaken.models import AuditLog, Betaling
from zaken.notifications import notify_initiator
from zaken.services import audit_record
from zaken.termijnen import atw_verlengd, maanden_na, werkdagen_na

from .models import Rijbewijs
from .services import afhalen_afsluiten, begin_van_dag, brief_inplannen, terms_for

logger = logging.getLogger(__name__)

POLL_INTERVAL = timedelta(hours=1)  # how often an order still in production is asked about again


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
        order_id = get_adapter("rdw", rijbewijs.zaak.gemeente).bestelling_plaatsen(
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
    rijbewijs.volgende_controle = begin_van_dag(rijbewijs.verwacht_gereed or timezone.localdate())
    rijbewijs.bestellen(by=system, toelichting=_("Besteld bij de RDW."))
    rijbewijs.save()
    RijbewijsFlow.complete_waiting(case=rijbewijs, node_name="rdw_bestelling")


def _gereed_vragen(rijbewijs: Rijbewijs) -> None:
    from .flows import RijbewijsFlow

    try:
        status = get_adapter("rdw", rijbewijs.zaak.gemeente).bestelling_status(rijbewijs.rdw_order_id)
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
    rijbewijs.volgende_controle = begin_van_dag(rijbewijs.afhalen_uiterlijk + timedelta(days=1))
    rijbewijs.rdw_pogingen = 0
    rijbewijs.gereed(by=Actor.system("RDW-bestelling"), toelichting=_("Af te halen bij %(l)s, uiterlijk op %(d)s.") % {
        "l": rijbewijs.afhaallocatie.naam, "d": rijbewijs.afhalen_uiterlijk.strftime("%d-%m-%Y")})
    rijbewijs.save()
    RijbewijsFlow.complete_waiting(case=rijbewijs, node_name="productie")
    pk = rijbewijs.pk
    transaction.on_commit(lambda: brief_inplannen(pk, "afhalen"))
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
    afhalen_afsluiten(rijbewijs, brief="vervallen", onderwerp=_("Uw nieuwe rijbewijs is vervallen"), bericht=_(
        "U hebt uw nieuwe rijbewijs niet binnen de afhaaltermijn afgehaald. Het is vervallen en wordt vernietigd. "
        "De brief staat bij uw documenten op Mijn zaken."))
    _niet_uitgereikt_melden(rijbewijs)


def _niet_uitgereikt_melden(rijbewijs: Rijbewijs) -> None:
    """Tell the RDW the card was not issued; retried by the sweep while the RDW is down."""
    if rijbewijs.rdw_niet_uitgereikt_gemeld:
        return
    try:
        get_adapter("rdw", rijbewijs.zaak.gemeente).niet_uitgereikt_melden(rijbewijs.rdw_order_id)
    except Unavailable:
        _uitgesteld(rijbewijs)
        return
    except NotFound:
        logger.error("rijbewijs %s: the RDW does not know order %s", rijbewijs.pk, rijbewijs.rdw_order_id)
    rijbewijs.rdw_niet_uitgereikt_gemeld = True
    rijbewijs.volgende_controle = None
    rijbewijs.save(update_fields=["rdw_niet_uitgereikt_gemeld", "volgende_controle"])


def rijbewijzen_bewaken() -> int:
    """The periodic sweep: every case whose next check is due gets its step (in a worker)."""
    from .tasks import bijwerken

    due = list(Rijbewijs.objects.filter(state__in=[*Rijbewijs.OPEN_STATES, Rijbewijs.State.VERVALLEN,
                                                   Rijbewijs.State.AFGEWEZEN],
                                        volgende_controle__lte=timezone.now()).values_list("pk", flat=True)[:1000])
    for pk in due:
        bijwerken.delay(rijbewijs_id=pk)
    return len(due)
