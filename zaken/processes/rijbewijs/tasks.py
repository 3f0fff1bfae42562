"""Background work of the renewal: thin shells around services, idempotent, ids only."""

from celery import shared_task

from .letters import rijbewijs_brief
from .models import Rijbewijs
from .automation import rijbewijs_bijwerken


@shared_task(acks_late=True, ignore_result=True)
def bijwerken(*, rijbewijs_id: int) -> None:
    # A step the RDW could not take now sets the next check; the periodic sweep retries it.
    rijbewijs_bijwerken(rijbewijs_id=rijbewijs_id)


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def brief_maken(self, *, rijbewijs_id: int, soort: str) -> None:
    rijbewijs_brief(rijbewijs=Rijbewijs.objects.select_related("zaak__gemeente", "afhaallocatie").get(pk=rijbewijs_id),
                    soort=soort)
