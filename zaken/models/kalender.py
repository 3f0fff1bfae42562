"""Days a Royal Decree puts on a par with the holidays (Algemene termijnenwet art. 3 lid 3).

A decree usually covers three years; a functional administrator adds the next ones in the admin.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AtwBesluitdag(models.Model):
    datum = models.DateField(_("datum"), unique=True)
    besluit = models.CharField(_("besluit"), max_length=200,
                               help_text=_("Het Koninklijk besluit dat deze dag gelijkstelt, met vindplaats."))
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)

    class Meta:
        ordering = ["datum"]
        verbose_name = _("door Koninklijk besluit gelijkgestelde dag")
        verbose_name_plural = _("door Koninklijk besluit gelijkgestelde dagen (art. 3 lid 3 Atw)")

    def __str__(self):
        return self.datum.isoformat()
