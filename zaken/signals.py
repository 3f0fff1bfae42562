"""Hooks: Status rows for every state-machine transition; zaaktypen synced after migrate; the Atw calendar
forgets its decree days when one is saved or deleted."""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from django_fsm.signals import post_transition

from .actors import Actor
from .machine import CaseMachine
from .models import AtwBesluitdag
from .services import status_record
from .sync import zaaktypen_sync
from .termijnen import besluitdagen_vergeten


@receiver(post_transition)
def record_transition(sender, instance, name, source, target, method_kwargs=None, **kwargs):
    if not isinstance(instance, CaseMachine):
        return
    kwargs_ = method_kwargs or {}
    code = instance.public_status_for(target)
    if code is None:  # an internal step the applicant does not see as a new status
        return
    status_record(zaak=instance.zaak, code=code, actor=kwargs_.get("by") or Actor.system(name),
                  toelichting=kwargs_.get("toelichting", ""), from_state=source, to_state=target,
                  transition=name)


@receiver(post_migrate)
def sync_after_migrate(sender, **kwargs):
    if sender.name == "zaken":
        zaaktypen_sync()


post_save.connect(besluitdagen_vergeten, sender=AtwBesluitdag, dispatch_uid="atw_besluitdag_saved")
post_delete.connect(besluitdagen_vergeten, sender=AtwBesluitdag, dispatch_uid="atw_besluitdag_deleted")
