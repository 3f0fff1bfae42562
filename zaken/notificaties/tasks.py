"""Celery: distribute and deliver a message once its change is committed; the sweep does the rest."""

from celery import shared_task

from .models import Notificatie
from .services import leveringen_uitvoeren, notificatie_verdelen as verdelen, notificaties_bijwerken


@shared_task(ignore_result=True, acks_late=True)
def notificatie_verdelen(*, notificatie_id: int) -> dict:
    """Deliveries for the matching abonnementen, each tried once; a failure waits for the sweep's backoff."""
    notificatie = Notificatie.objects.filter(pk=notificatie_id).first()
    if notificatie is None:
        return {}
    return leveringen_uitvoeren(verdelen(notificatie=notificatie))


@shared_task(ignore_result=True)
def notificaties_versturen() -> dict:
    """Queued by the minute's sweep (zaken.timers): everything due, whatever the broker lost."""
    return notificaties_bijwerken()
