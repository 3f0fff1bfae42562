"""Writing messages (in the transaction of the change) and delivering them (in the worker).

Guarantee: at least once. A message is committed with its change or not at all; the worker delivers it to
each matching abonnement until one answer is a 2xx, retrying with exponential backoff; the sweep finds
whatever a lost broker message or a crashed worker left behind. A subscriber may therefore see a message
twice (a 2xx that never reached us): it recognises it by the message id (`X-Notificatie-Id`).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from .delivery import post_message
from .models import Abonnement, AbonnementKanaal, Kanaal, Levering, Notificatie

logger = logging.getLogger(__name__)

BACKOFF_START = timedelta(seconds=5)
BACKOFF_CAP = timedelta(hours=1)
# A delivery claimed by a worker is not due again for this long (a worker that died gives it back).
CLAIM = timedelta(minutes=2)
# Messages the after-commit task should have distributed; older ones are the sweep's.
VERDEEL_GRACE = timedelta(seconds=30)
PER_SWEEP = 500


def _written_here() -> set | None:
    """The resource URLs this transaction already reported (None outside a transaction).

    One message per resource per transaction: a case created and then updated by the same service (the
    term engine saves it again) is one `create`. The set lives as long as its on-commit callback: when a
    commit ran it or a rollback (of the transaction or of the savepoint that registered it) dropped it,
    a fresh set starts, so a rolled-back change never silences a later one.
    """
    if not connection.in_atomic_block:
        return None
    state = getattr(connection, "_notificaties_written", None)
    if state is None or not any(func is state[0] for _sids, func, _robust in connection.run_on_commit):
        urls: set = set()

        def forget():
            urls.clear()

        state = (forget, urls)
        connection._notificaties_written = state
        transaction.on_commit(forget)
    return state[1]


def notificatie_schrijven(*, kanaal: str, hoofd_object: str, resource: str, resource_url: str, actie: str,
                          kenmerken: dict, gemeente_id: int, aanmaakdatum=None) -> Notificatie | None:
    """Write one message into the outbox, in the caller's transaction; the worker is asked after commit."""
    written = _written_here()
    if written is not None:
        if resource_url in written and actie != Notificatie.Actie.DESTROY:
            return None
        written.add(resource_url)
    notificatie = Notificatie.objects.create(
        kanaal=kanaal, hoofd_object=hoofd_object, resource=resource, resource_url=resource_url, actie=actie,
        aanmaakdatum=aanmaakdatum or timezone.now(), kenmerken={k: str(v) for k, v in kenmerken.items()}, gemeente_id=gemeente_id)
    _queue(notificatie.pk)
    return notificatie


def _queue(notificatie_id: int) -> None:
    from zaken.queueing import send_after_commit

    from .tasks import notificatie_verdelen  # local: tasks import this module

    send_after_commit(notificatie_verdelen, notificatie_id=notificatie_id)


def _abonnementen_voor(notificatie: Notificatie) -> list[int]:
    """The active abonnementen of the message's municipality on its kanaal whose filters all match."""
    kanalen = AbonnementKanaal.objects.filter(
        kanaal_id=notificatie.kanaal, abonnement__actief=True, abonnement__gemeente_id=notificatie.gemeente_id)
    return [k.abonnement_id for k in kanalen if k.matches(notificatie.kenmerken)]


def notificatie_verdelen(*, notificatie: Notificatie) -> list[Levering]:
    """One delivery row per matching abonnement (twice is harmless: the pair is unique)."""
    now = timezone.now()
    with transaction.atomic():
        Levering.objects.bulk_create(
            [Levering(notificatie=notificatie, abonnement_id=pk, volgende_poging=now)
             for pk in _abonnementen_voor(notificatie)], ignore_conflicts=True)
        Notificatie.objects.filter(pk=notificatie.pk, verdeeld_op__isnull=True).update(verdeeld_op=now)
    return list(Levering.objects.filter(notificatie=notificatie, afgeleverd_op__isnull=True, volgende_poging__lte=now)
                .select_related("notificatie", "abonnement"))


def backoff(pogingen: int) -> timedelta:
    """5 s, 10 s, 20 s, ... after each failed attempt, never more than an hour."""
    return min(BACKOFF_START * (2 ** max(pogingen - 1, 0)), BACKOFF_CAP)


def _claim(levering: Levering) -> bool:
    """Take the delivery for this worker: a second worker (or sweep) that read it too gets 0 rows."""
    claimed = Levering.objects.filter(pk=levering.pk, afgeleverd_op__isnull=True,
                                      volgende_poging=levering.volgende_poging).update(
        volgende_poging=timezone.now() + CLAIM)
    return claimed == 1


def levering_uitvoeren(*, levering: Levering) -> bool:
    """POST the message to the subscriber once; True when it answered 2xx."""
    if not _claim(levering):
        return False
    notificatie = levering.notificatie
    abonnement = levering.abonnement
    status, fout = post_message(url=abonnement.callback_url, auth=abonnement.auth, body=notificatie.bericht(),
                                message_id=str(notificatie.uuid))
    now = timezone.now()
    pogingen = levering.pogingen + 1
    if status is not None and 200 <= status < 300:
        Levering.objects.filter(pk=levering.pk).update(pogingen=pogingen, laatste_status=status, laatste_fout="",
                                                       afgeleverd_op=now)
        logger.info("Notificatie %s (%s %s %s) afgeleverd bij abonnement %s: %s", notificatie.uuid,
                    notificatie.kanaal, notificatie.resource, notificatie.actie, abonnement.uuid, status)
        return True
    Levering.objects.filter(pk=levering.pk).update(pogingen=pogingen, laatste_status=status,
                                                   laatste_fout=fout[:200], volgende_poging=now + backoff(pogingen))
    logger.warning("Notificatie %s (%s %s %s) niet afgeleverd bij abonnement %s (poging %s): %s", notificatie.uuid,
                   notificatie.kanaal, notificatie.resource, notificatie.actie, abonnement.uuid, pogingen,
                   status or fout)
    return False


def leveringen_uitvoeren(leveringen) -> dict:
    """Deliver in message order; a subscriber that fails is left alone for the rest of this run."""
    result = {"afgeleverd": 0, "mislukt": 0}
    down: set[int] = set()
    for levering in leveringen:
        if levering.abonnement_id in down:
            continue
        if levering_uitvoeren(levering=levering):
            result["afgeleverd"] += 1
        else:
            result["mislukt"] += 1
            down.add(levering.abonnement_id)
    return result


def notificaties_bijwerken() -> dict:
    """The sweep: distribute what the after-commit task missed, then deliver every delivery that is due."""
    now = timezone.now()
    onverdeeld = Notificatie.objects.filter(verdeeld_op__isnull=True, aanmaakdatum__lt=now - VERDEEL_GRACE)
    for notificatie in onverdeeld.order_by("pk")[:PER_SWEEP]:
        notificatie_verdelen(notificatie=notificatie)
    due = (Levering.objects.filter(afgeleverd_op__isnull=True, volgende_poging__lte=timezone.now(),
                                   abonnement__actief=True)
           .select_related("notificatie", "abonnement").order_by("notificatie_id")[:PER_SWEEP])
    return leveringen_uitvoeren(list(due))


# SECTION kanalen and abonnementen, as the Notificaties API and the admin write them


def kanaal_aanmaken(*, naam: str, documentatie_link: str = "", filters=()) -> Kanaal:
    return Kanaal.objects.create(naam=naam, documentatie_link=documentatie_link, filters=list(filters))


@transaction.atomic
def abonnement_opslaan(*, gemeente, callback_url: str, kanalen: list[dict], auth: str | None = None,
                       abonnement: Abonnement | None = None) -> Abonnement:
    """Create or replace an abonnement with its kanalen [{naam, filters}]; auth None keeps the old value.

    Deliveries already made keep going to the abonnement (its callback may have changed meanwhile)."""
    abonnement = abonnement or Abonnement(gemeente=gemeente)
    abonnement.callback_url = callback_url
    if auth is not None:
        abonnement.auth = auth
    abonnement.save()
    abonnement.kanalen.all().delete()
    AbonnementKanaal.objects.bulk_create([AbonnementKanaal(abonnement=abonnement, kanaal_id=k["naam"],
                                                           filters=k.get("filters") or {}) for k in kanalen])
    logger.info("Abonnement %s opgeslagen (kanalen: %s)", abonnement.uuid, ", ".join(k["naam"] for k in kanalen))
    return abonnement


def abonnement_verwijderen(*, abonnement: Abonnement) -> None:
    """Gone with its pending deliveries: the subscriber asked for no more messages."""
    logger.info("Abonnement %s verwijderd", abonnement.uuid)
    abonnement.delete()
