"""A request to the applicant for more information (Awb 4:5), answered in the status tracker."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .zaak import Zaak


class Verzoek(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="verzoeken")
    vraag = models.TextField(_("vraag aan de aanvrager"))
    termijn = models.DateField(_("uiterlijk beantwoorden op"))
    gesteld_op = models.DateTimeField(_("gesteld op"))
    gesteld_door = models.CharField(_("gesteld door"), max_length=200)
    antwoord = models.TextField(_("antwoord"), blank=True)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    herinnerd_op = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)
    vervallen_op = models.DateTimeField(_("termijn verstreken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("verzoek om aanvulling")
        verbose_name_plural = _("verzoeken om aanvulling")
        ordering = ["gesteld_op", "pk"]

    @property
    def is_open(self) -> bool:
        return self.beantwoord_op is None and self.vervallen_op is None
