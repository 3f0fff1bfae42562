"""The payment mock's own provider-side ledger, in the database so web and worker see the same."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition


class MockProviderBetaling(FSMModelMixin, models.Model):
    STATUSES = [("open", "open"), ("paid", "paid"), ("failed", "failed"), ("canceled", "canceled"),
                ("expired", "expired")]

    provider_id = models.CharField(max_length=40, unique=True)
    bedrag_cent = models.PositiveIntegerField()
    omschrijving = models.CharField(max_length=255)
    referentie = models.CharField(max_length=100)  # the merchant's metadata, opaque to the provider
    return_url = models.URLField(max_length=500)
    webhook_url = models.URLField(max_length=500)
    # A provider's payment leaves "open" once, for one outcome; the mock keeps that rule too.
    status = FSMField(max_length=10, choices=STATUSES, default="open", protected=True)
    created = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # The Mollie-shaped mock's account (profileId) that created the payment; another account's key
    # does not see it, as at Mollie. Empty for the in-process mock.
    profiel = models.CharField(max_length=20, blank=True)
    refund_id = models.CharField(max_length=40, blank=True)
    refunded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "integrations"
        verbose_name = _("betaling bij de betaalprovider (testomgeving)")
        verbose_name_plural = _("betalingen bij de betaalprovider (testomgeving)")

    def __str__(self):
        return self.provider_id

    @transition(field=status, source="open", target="paid")
    def betalen(self):
        pass

    @transition(field=status, source="open", target="failed")
    def mislukken(self):
        pass

    @transition(field=status, source="open", target="canceled")
    def annuleren(self):
        pass

    @transition(field=status, source="open", target="expired")
    def verlopen(self):
        pass
