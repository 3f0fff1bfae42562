"""Background work of the event application: thin shells around services, idempotent, ids only."""

from celery import shared_task

from .letters import melding_brief
from .models import Evenement


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def brief_maken(self, *, evenement_id: int, soort: str) -> None:
    if soort == "melding":
        melding_brief(Evenement.objects.select_related("zaak__gemeente").get(pk=evenement_id))
