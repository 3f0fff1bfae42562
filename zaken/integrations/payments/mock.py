"""Payment provider mock: a provider-side ledger and a hosted payment page (views.mock_checkout)
where the tester chooses betalen, mislukt or annuleren."""

from __future__ import annotations

import secrets

from django.urls import reverse
from django.utils import timezone

from ..brp.mockdata import check_available
from ..errors import NotFound
from ..registry import registries
from .base import CANCELED, FAILED, OPEN, PAID, PaymentAdapter, ProviderBetaling
from .models import MockProviderBetaling

# The hosted page's choices, each a transition of the provider's own ledger.
OUTCOMES = {PAID: "betalen", FAILED: "mislukken", CANCELED: "annuleren"}

CHECKOUT_ROUTE = "betalen:mock_checkout"


@registries["payments"]("payments-mock")
class PaymentsMock(PaymentAdapter):
    is_mock = True
    verbose_name = "Betaalprovider (testomgeving)"

    def betaling_aanmaken(self, *, bedrag_cent, omschrijving, referentie, return_url, webhook_url,
                          expires_at=None):
        check_available("payments")
        payment = MockProviderBetaling.objects.create(
            provider_id=f"tr_{secrets.token_urlsafe(12)}", bedrag_cent=bedrag_cent,
            omschrijving=omschrijving, referentie=referentie, return_url=return_url,
            webhook_url=webhook_url, expires_at=expires_at)
        # Relative: the hosted page is served by this same site.
        return ProviderBetaling(id=payment.provider_id, status=payment.status,
                                checkout_url=reverse(CHECKOUT_ROUTE, args=[payment.provider_id]))

    def betaling_ophalen(self, provider_id):
        check_available("payments")
        payment = mock_payment(provider_id)
        return payment.status

    def terugbetalen(self, provider_id, *, bedrag_cent, omschrijving):
        check_available("payments")
        payment = mock_payment(provider_id)
        if payment.status != PAID or bedrag_cent != payment.bedrag_cent:
            raise NotFound("only a paid payment is refunded, in full")
        return terugboeken(payment).refund_id

    def kiezen(self, provider_id: str, status: str) -> MockProviderBetaling:
        return kiezen(provider_id, status)


def kiezen(provider_id: str, status: str) -> MockProviderBetaling:
    """The choice on the hosted page; a payment that is no longer open keeps its outcome.

    The ledger is shared with the Mollie-shaped mock service (mockservice/payments.py), so the
    same page completes a payment made through either adapter."""
    payment = mock_payment(provider_id)
    if payment.status == OPEN:
        getattr(payment, OUTCOMES[status])()
        payment.save(update_fields=["status"])
    return payment


def terugboeken(payment: MockProviderBetaling, refund_id: str = "") -> MockProviderBetaling:
    """Record the one full refund of a paid payment in the ledger (a second call keeps the first)."""
    MockProviderBetaling.objects.filter(pk=payment.pk, refund_id="").update(
        refund_id=refund_id or f"re_{secrets.token_urlsafe(12)}", refunded_at=timezone.now())
    payment.refresh_from_db()
    return payment


def mock_payment(provider_id: str) -> MockProviderBetaling:
    try:
        payment = MockProviderBetaling.objects.get(provider_id=provider_id)
    except MockProviderBetaling.DoesNotExist:
        raise NotFound("no such payment at the provider") from None
    if payment.status == OPEN and payment.expires_at and payment.expires_at <= timezone.now():
        payment.verlopen()
        payment.save(update_fields=["status"])
    return payment
