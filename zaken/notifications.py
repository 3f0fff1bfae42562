"""Messages to the applicant by e-mail (console or file backend in the demo), queued on commit.

The message says what changed and where to look; it carries no personal data beyond the case
number, because e-mail is not a secure channel.
"""

from celery import shared_task
from django.core.mail import send_mail

from .models import Rol, Zaak
from .queueing import send_after_commit


def notify_initiator(*, zaak: Zaak, subject: str, body: str) -> None:
    send_after_commit(notification_send, zaak_id=zaak.pk, subject=subject, body=body)


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=8)
def notification_send(self, *, zaak_id: int, subject: str, body: str) -> None:
    rol = Rol.objects.filter(zaak_id=zaak_id, roltype=Rol.RolType.INITIATOR).exclude(email="").first()
    if rol is None:
        return
    zaak = Zaak.objects.select_related("gemeente").get(pk=zaak_id)
    send_mail(subject=f"{subject} ({zaak.identificatie})", message=body,
              from_email=None, recipient_list=[rol.email])
