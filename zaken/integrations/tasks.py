"""Background work of the integrations: reconciling a payment with its provider."""

from celery import shared_task

from zaken.models import Betaling

from .errors import Unavailable
from .payments.services import betaling_verwerken as verwerken


@shared_task(bind=True, max_retries=8, acks_late=True, ignore_result=True)
def betaling_verwerken(self, *, provider_id: str) -> None:
    """Reconcile a payment with its provider (queued by a webhook); retried while the provider is down."""

    try:
        verwerken(provider_id)
    except Betaling.DoesNotExist:
        return
    except Unavailable as exc:
        raise self.retry(exc=exc, countdown=min(600, 30 * 2 ** self.request.retries))
