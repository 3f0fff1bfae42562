"""One filed e-form draft: its key is unique, so a double submit of the same draft files one case."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .zaak import Zaak


class Indiening(models.Model):
    sleutel = models.UUIDField(_("indieningssleutel"), unique=True, editable=False)
    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, null=True, related_name="indiening")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("indiening")
        verbose_name_plural = _("indieningen")
