"""Background work of the move process: thin shells around services, idempotent, ids only."""

from celery import shared_task

from .letters import verhuizing_brief
from .models import Verhuizing
from .services import backoff_seconds, verhuizing_brp_verwerken


@shared_task(bind=True, acks_late=True, max_retries=None)
def brp_verwerken(self, *, verhuizing_id: int) -> None:
    if verhuizing_brp_verwerken(verhuizing_id=verhuizing_id):
        return
    waiting = Verhuizing.objects.filter(pk=verhuizing_id, state=Verhuizing.State.VERWERKING_VERTRAAGD).exists()
    # In-process (eager) mode a retry would run at once, in a loop: the periodic sweep retries instead.
    if waiting and not self.request.is_eager:
        raise self.retry(countdown=backoff_seconds(self.request.retries + 1))


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def brief_maken(self, *, verhuizing_id: int, soort: str) -> None:
    verhuizing_brief(verhuizing=Verhuizing.objects.select_related("zaak__gemeente").get(pk=verhuizing_id), soort=soort)
