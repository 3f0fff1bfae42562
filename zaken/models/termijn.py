"""The dated term events of a case (Awb 4:13-4:15, 4:20a, 3:41): the history its end date is derived from."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .zaak import Besluit, Document, Zaak


class TermijnGebeurtenis(models.Model):
    """One event in a case's decision term. Written only by zaken.termijn_engine; never edited."""

    class Soort(models.TextChoices):
        ONTVANGEN = "ontvangen", _("aanvraag ontvangen")
        OPGESCHORT = "opgeschort", _("termijn opgeschort")
        HERVAT = "hervat", _("termijn loopt weer")
        VERLENGD = "verlengd", _("termijn verlengd")
        BESLOTEN = "besloten", _("besluit genomen")
        BEKENDGEMAAKT = "bekendgemaakt", _("besluit bekendgemaakt")

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="termijn_gebeurtenissen")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    # The legal day of the event: receipt, first suspended day, first running day again, notice, decision.
    datum = models.DateField(_("datum"))
    # Opgeschort: the first day the term runs again at the latest (day after the 4:5 deadline).
    # Verlengd: the new end date given in the notice (4:14).
    tot = models.DateField(_("tot"), null=True, blank=True)
    reden = models.CharField(_("reden"), max_length=200, blank=True)
    verzoek = models.ForeignKey("zaken.Verzoek", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    document = models.ForeignKey(Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    besluit = models.ForeignKey(Besluit, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"))
    vastgelegd_door = models.TextField(_("vastgelegd door"))  # may be an applicant's full name (see Rol.naam)

    class Meta:
        verbose_name = _("termijngebeurtenis")
        verbose_name_plural = _("termijngebeurtenissen")
        ordering = ["datum", "vastgelegd_op", "pk"]
        indexes = [models.Index(fields=["zaak", "soort"])]

    def __str__(self):
        return f"{self.zaak_id}: {self.soort} {self.datum}"
