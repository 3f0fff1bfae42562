"""Background work of the resident's permit: thin shells around services, idempotent, ids only."""

from celery import shared_task

from .letters import parkeer_brief
from .models import Parkeervergunning


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def brief_maken(self, *, vergunning_id: int, soort: str) -> None:
    parkeer_brief(vergunning=Parkeervergunning.objects.select_related("zaak__gemeente", "zone").get(pk=vergunning_id),
                  soort=soort)
