"""Background work of the resident's permit: thin shells around services, idempotent, ids only."""

from celery import shared_task

from .letters import besluit_brief_maken


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def besluit_brief(self, *, besluit_id: int, beslissing: str) -> None:
    besluit_brief_maken(besluit_id=besluit_id, beslissing=beslissing)
