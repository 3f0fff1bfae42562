"""Background work of the death registration: thin shells around services, idempotent, ids only."""

from celery import shared_task

from .letters import verlof_pdf
from .models import Overlijden
from .services import backoff_seconds, overlijden_brp_verwerken


@shared_task(bind=True, acks_late=True, max_retries=None)
def brp_verwerken(self, *, overlijden_id: int) -> None:
    if overlijden_brp_verwerken(overlijden_id=overlijden_id):
        return
    waiting = Overlijden.objects.filter(pk=overlijden_id, state=Overlijden.State.VERLOF_VERSTREKT).exists()
    # In-process (eager) mode a retry would run at once, in a loop: the periodic sweep retries instead.
    if waiting and not self.request.is_eager:
        raise self.retry(countdown=backoff_seconds(self.request.retries + 1))


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def verlof_maken(self, *, overlijden_id: int) -> None:
    verlof_pdf(overlijden=Overlijden.objects.select_related("zaak__gemeente").get(pk=overlijden_id))
