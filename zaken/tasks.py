"""Background work of the core. Tasks take ids, are idempotent and delegate to services."""

from celery import shared_task

from .documents.receipt import receipt_create
from .models import Zaak
from .services import receipt_stored


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8, acks_late=True)
def receipt_render(self, *, zaak_id: int) -> None:
    """Render and store the ontvangstbevestiging (Awb 4:3a); a second run finds the first."""
    receipt_create(zaak=Zaak.objects.select_related("gemeente", "zaaktype").get(pk=zaak_id))
    receipt_stored(zaak_id=zaak_id)


@shared_task(ignore_result=True)
def fire_due_timers() -> dict:
    """Beat runs this every minute: viewflow timers, request deadlines, waiting process work."""
    from .timers import sweep

    return sweep()


# Registered here so that a worker, which imports each app's tasks module, knows it.
from .notifications import notification_send  # noqa: E402,F401
