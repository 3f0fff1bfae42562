"""A payment of leges on our side; the provider's status is applied only by zaken.integrations.payments.services."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from .zaak import Zaak


class Betaling(FSMModelMixin, models.Model):  # the mixin lets refresh_from_db read a protected status
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        PAID = "paid", _("betaald")
        FAILED = "failed", _("mislukt")
        CANCELED = "canceled", _("geannuleerd")
        EXPIRED = "expired", _("verlopen")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # What is paid for: the same key always means the same thing (e.g. "rijbewijs:<indiening>").
    sleutel = models.CharField(_("idempotentiesleutel"), max_length=100, db_index=True)
    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, null=True, blank=True, related_name="betalingen")
    bedrag_cent = models.PositiveIntegerField(_("bedrag (cent)"))
    omschrijving = models.CharField(_("omschrijving"), max_length=255)
    provider = models.CharField(_("betaalprovider"), max_length=50)
    provider_id = models.CharField(_("id bij de provider"), max_length=100, unique=True, null=True, blank=True)
    checkout_url = models.URLField(_("betaalpagina"), max_length=500, blank=True)
    status = FSMField(_("status"), default=Status.OPEN, choices=Status.choices, protected=True)
    # Where the citizen lands after the provider's page (a path of this site, chosen by the caller).
    terug_url = models.CharField(_("terug naar"), max_length=500)
    # Dotted path of a callable(betaling) run once, in the transaction that marks the payment paid.
    bij_betaald = models.CharField(_("bij betaald"), max_length=200, blank=True)
    created = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    expires_at = models.DateTimeField(_("vervalt op"))
    paid_at = models.DateTimeField(_("betaald op"), null=True, blank=True)
    # A refund of the whole amount (the money was taken but the product cannot be delivered). The
    # provider keeps the payment "paid" and records the refund beside it, as real providers do.
    terugbetaling_reden = models.CharField(_("reden terugbetaling"), max_length=255, blank=True)
    terugbetaling_gevraagd_op = models.DateTimeField(_("terugbetaling gevraagd op"), null=True, blank=True)
    terugbetaling_id = models.CharField(_("id terugbetaling bij de provider"), max_length=100, blank=True)
    terugbetaald_op = models.DateTimeField(_("terugbetaald op"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")
        constraints = [
            # One open payment per thing paid for: a reload or double click never opens a second one.
            models.UniqueConstraint(fields=["sleutel"], condition=Q(status="open"), name="betaling_een_open"),
        ]
        indexes = [
            # The sweep's refunds still to do (few rows match; the condition keeps the index small).
            models.Index(fields=["terugbetaling_gevraagd_op"], name="betaling_terug_open",
                         condition=Q(terugbetaling_gevraagd_op__isnull=False, terugbetaald_op__isnull=True)),
        ]

    def __str__(self):
        return f"{self.get_status_display()} #{self.pk}"

    @property
    def bedrag_euro(self) -> str:
        return f"{self.bedrag_cent // 100},{self.bedrag_cent % 100:02d}"

    # A late payment on an expired one still counts: the money was taken.
    @transition(field=status, source=[Status.OPEN, Status.EXPIRED], target=Status.PAID)
    def betaald(self, moment):
        self.paid_at = moment

    @transition(field=status, source=Status.OPEN, target=Status.FAILED)
    def mislukt(self):
        pass

    @transition(field=status, source=Status.OPEN, target=Status.CANCELED)
    def geannuleerd(self):
        pass

    @transition(field=status, source=Status.OPEN, target=Status.EXPIRED)
    def verlopen(self):
        pass
