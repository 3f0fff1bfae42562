"""Mollie Payments API v2 (https://api.mollie.com/v2), over the project's RegisterClient.

Not Mollie's SDK: payments get the time-outs, retries, circuit breaker, typed errors and log policy
of every register, and each municipality its own Mollie account (API key) via RegisterKoppeling.

- Create: POST /payments with amount, description, redirectUrl, webhookUrl and our payment's uuid
  as metadata; the citizen goes to `_links.checkout.href`. The Payments API has no expiry parameter
  for a checkout payment (only banktransfer's `dueDate`, in days): our own expiry runs on our side
  (services.betalingen_laten_verlopen) and a payment paid after it still counts.
- Status: GET /payments/{id}, mapped by STATUS_MAP. `pending` (the bank has not confirmed yet) and
  `authorized` (money held but not captured; only pay-later methods, as we never ask for manual
  capture) are not money received, so for us the payment stays open; Mollie calls the webhook again
  when it becomes paid, failed, canceled or expired.
- Refund: full amount only. GET /payments/{id}/refunds first, so a refund made before (a time-out
  after Mollie received it, a retry of the sweep) is found and never made twice; the POST carries an
  Idempotency-Key as a second guard.
"""

from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qs, urlsplit

from ..errors import NotFound, Rejected, Unavailable
from ..http.adapter import HttpAdapter
from ..http.verbinding import default_verbinding
from ..registry import registries
from .base import CANCELED, EXPIRED, FAILED, OPEN, PAID, PaymentAdapter, ProviderBetaling

log = logging.getLogger(__name__)

CURRENCY = "EUR"
STATUS_MAP = {"open": OPEN, "pending": OPEN, "authorized": OPEN, "paid": PAID, "canceled": CANCELED,
              "expired": EXPIRED, "failed": FAILED}
# A refund in these states will never move money; any other (queued, pending, processing, refunded) counts.
REFUND_VOID = ("failed", "canceled")
MAX_PAGES = 20


def amount(bedrag_cent: int) -> dict:
    """Mollie's amount object: the value a string with exactly two decimals."""
    return {"currency": CURRENCY, "value": f"{bedrag_cent // 100}.{bedrag_cent % 100:02d}"}


def cents(value) -> int | None:
    """Cents of a Mollie amount object, or None when it is not one in euros."""
    if not isinstance(value, dict) or value.get("currency") != CURRENCY:
        return None
    try:
        return int(Decimal(str(value.get("value"))) * 100)
    except (InvalidOperation, TypeError, ValueError):
        return None


def _rejected(answer, what: str) -> Rejected:
    """Mollie's 422: the request was understood but refused (the field it names, never values)."""
    field = answer.data.get("field", "") if isinstance(answer.data, dict) else ""
    return Rejected(f"payments {what}: 422 {field}", invalid_params=(field,) if field else ())


@registries["payments"]("payments-mollie")
class MolliePayments(HttpAdapter, PaymentAdapter):
    register = "payments"
    verbose_name = "Mollie"

    @property
    def is_mock(self) -> bool:
        # A Mollie test key moves no money: as much a mock to `check --deploy` as our mock registers.
        try:
            return super().is_mock or default_verbinding(self.register).api_key.startswith("test_")
        except KeyError:
            return False

    def betaling_aanmaken(self, *, bedrag_cent, omschrijving, referentie, return_url, webhook_url,
                          expires_at=None):
        body = {"amount": amount(bedrag_cent), "description": omschrijving[:255], "redirectUrl": return_url,
                "webhookUrl": webhook_url, "metadata": {"betaling": referentie}}
        # Mollie answers a repeated key with the first answer: a request our side sent twice makes one payment.
        answer = self.client.post("/payments", json=body, idempotent=False, accept=(201, 422),
                                  headers={"Idempotency-Key": f"betaling-{referentie}"})
        if answer.status == 422:
            raise _rejected(answer, "POST /payments")
        data = answer.data if isinstance(answer.data, dict) else {}
        checkout = ((data.get("_links") or {}).get("checkout") or {}).get("href")
        if not data.get("id") or not checkout:
            raise Unavailable("payments POST /payments: answer without id or checkout link")
        return ProviderBetaling(id=data["id"], checkout_url=checkout, status=self._status(data))

    def betaling_ophalen(self, provider_id):
        return self._status(self._payment(provider_id))

    def terugbetalen(self, provider_id, *, bedrag_cent, omschrijving):
        payment = self._payment(provider_id)
        if payment.get("status") != "paid" or cents(payment.get("amount")) != bedrag_cent:
            raise NotFound("only a paid payment is refunded, in full")
        for refund in self._refunds(provider_id):
            if refund.get("status") not in REFUND_VOID and cents(refund.get("amount")) == bedrag_cent:
                return refund["id"]
        answer = self.client.post(
            f"/payments/{provider_id}/refunds", log_path="/payments/{id}/refunds", idempotent=False,
            json={"amount": amount(bedrag_cent), "description": omschrijving[:255]}, accept=(201, 422),
            headers={"Idempotency-Key": f"terugbetaling-{provider_id}"})
        if answer.status == 422:  # e.g. already refunded elsewhere (the dashboard): nothing left to refund
            raise _rejected(answer, "POST /payments/{id}/refunds")
        refund_id = answer.data.get("id") if isinstance(answer.data, dict) else None
        if not refund_id:
            raise Unavailable("payments POST /payments/{id}/refunds: answer without id")
        return refund_id

    def _payment(self, provider_id: str) -> dict:
        if not provider_id.startswith("tr_"):
            raise NotFound("not a Mollie payment id")
        data = self.client.get(f"/payments/{provider_id}", log_path="/payments/{id}").data
        if not isinstance(data, dict):
            raise Unavailable("payments GET /payments/{id}: answer is not a payment")
        return data

    def _refunds(self, provider_id: str) -> list[dict]:
        """Every refund of the payment: the list is paged (`_links.next` names the page's first id)."""
        refunds, params = [], {"limit": 250}
        for _ in range(MAX_PAGES):
            data = self.client.get(f"/payments/{provider_id}/refunds", log_path="/payments/{id}/refunds",
                                   params=params).data or {}
            refunds += [r for r in (data.get("_embedded") or {}).get("refunds") or [] if isinstance(r, dict)]
            following = ((data.get("_links") or {}).get("next") or {}).get("href")
            start = parse_qs(urlsplit(following).query).get("from") if following else None
            if not start:
                return refunds
            params = {"limit": 250, "from": start[0]}
        raise Unavailable("payments GET /payments/{id}/refunds: more pages than expected")

    @staticmethod
    def _status(data: dict) -> str:
        status = data.get("status")
        if status not in STATUS_MAP:
            # Unknown to us: change nothing (open) and let the next webhook or sweep look again.
            log.error("payments: unknown Mollie status %r, treated as open", status)
        return STATUS_MAP.get(status, OPEN)
