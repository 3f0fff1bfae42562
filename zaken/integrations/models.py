"""Models of the integrations app: only the BRP mock's own register changes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .payments.models import MockProviderBetaling  # noqa: F401  (the payment mock's ledger)


class BrpMockMutatie(models.Model):
    """A change registered in the BRP mock (a move, a death), applied over its fixture on every read.

    Kept in the database, not in memory, so that every web process and Celery worker sees the
    same register. `data` holds ready-made Haal Centraal fragments that replace the person's
    fields of the same name.
    """

    ADRES = "adres"
    OVERLIJDEN = "overlijden"
    SOORTEN = [(ADRES, _("Adreswijziging")), (OVERLIJDEN, _("Overlijden"))]

    bsn = models.CharField(_("BSN"), max_length=9, db_index=True)
    soort = models.CharField(_("soort"), max_length=20, choices=SOORTEN)
    data = models.JSONField(_("gegevens"))
    created = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("BRP-mutatie (testomgeving)")
        verbose_name_plural = _("BRP-mutaties (testomgeving)")

    def __str__(self):
        # Never the BSN: this string can end up in logs and the admin's history.
        return f"{self.get_soort_display()} #{self.pk}"
