"""Payment providers (Mollie/Ogone style): we create a payment, the citizen pays on the provider's
hosted page and comes back; the provider calls our webhook with the payment id only, and we fetch
the status ourselves (a webhook body is never trusted)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..registry import BaseAdapter

OPEN = "open"
PAID = "paid"
FAILED = "failed"
CANCELED = "canceled"
EXPIRED = "expired"
STATUSES = (OPEN, PAID, FAILED, CANCELED, EXPIRED)


@dataclass(frozen=True)
class ProviderBetaling:
    id: str
    checkout_url: str
    status: str


class PaymentAdapter(BaseAdapter):
    """Raises zaken.integrations.errors (Unavailable when the provider is down, NotFound for an unknown id)."""

    def betaling_aanmaken(self, *, bedrag_cent: int, omschrijving: str, referentie: str, return_url: str,
                          webhook_url: str, expires_at: datetime | None = None) -> ProviderBetaling:
        raise NotImplementedError

    def betaling_ophalen(self, provider_id: str) -> str:
        """One of STATUSES."""
        raise NotImplementedError

    def terugbetalen(self, provider_id: str, *, bedrag_cent: int, omschrijving: str) -> str:
        """Refund a paid payment in full; returns the provider's refund id. Idempotent: a payment
        refunded before returns that refund's id. Raises NotFound for a payment that is not paid."""
        raise NotImplementedError
