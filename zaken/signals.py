"""Hooks: Status rows for every state-machine transition; zaaktypen synced after migrate; the Atw calendar
forgets its decree days when one is saved or deleted; the municipalities' cached copies are renewed."""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from django_fsm.signals import post_transition

from .actors import Actor
from .machine import CaseMachine
from .gemeente_cache import gemeenten_gewijzigd
from .models import AtwBesluitdag, Gemeente, GemeenteHost, GemeenteProduct, Product
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

# Every process keeps the municipalities, their host names, themes and catalogues in memory
# (portal.tenancy); a change in the admin shows on the next request everywhere.
for _model in (Gemeente, GemeenteHost, GemeenteProduct, Product):
    post_save.connect(gemeenten_gewijzigd, sender=_model, dispatch_uid=f"gemeenten_{_model.__name__}_saved")
    post_delete.connect(gemeenten_gewijzigd, sender=_model, dispatch_uid=f"gemeenten_{_model.__name__}_deleted")
