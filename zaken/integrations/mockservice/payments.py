"""Mock payment provider routes in the shapes of the Mollie Payments API v2 (see app.py for the format).

Backed by the payment mock's ledger (MockProviderBetaling), so the mock's hosted page
(views.mock_checkout) completes a payment that this service then reports as paid. Each well-formed
API key (`test_`/`live_` and 30+ characters) is an account of its own: a payment is found only
with the key that made it, as at Mollie. Left out: payment methods and their details, partial
refunds, idempotency keys, cancelling, and Mollie's refusal of webhook URLs on localhost.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import string
from datetime import timedelta
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ..errors import NotFound
from ..payments.mock import mock_payment, terugboeken
from ..payments.models import MockProviderBetaling
from .base import MockRequest, MockResponse

PREFIX = "/mollie/v2"
HAL = "application/hal+json"
DOCS = "https://docs.mollie.com/reference"
# Mollie lets an unpaid payment expire after about 15 minutes for most methods.
EXPIRES_AFTER = timedelta(minutes=15)
KEY = re.compile(r"Bearer (?P<mode>test|live)_[A-Za-z0-9]{30,}")
VALUE = re.compile(r"\d{1,7}\.\d{2}")
_ID_CHARS = string.ascii_letters + string.digits


def fout(status: int, title: str, detail: str, field: str = "") -> MockResponse:
    """Mollie's error body: status, title, detail, the field at fault (if one), a documentation link."""
    body = {"status": status, "title": title, "detail": detail}
    if field:
        body["field"] = field
    body["_links"] = {"documentation": {"href": "https://docs.mollie.com/overview/handling-errors",
                                        "type": "text/html"}}
    return MockResponse(status, body, content_type=HAL)


def _link(href: str, type_: str = HAL) -> dict:
    return {"href": href, "type": type_}


def _new_id(prefix: str) -> str:
    return prefix + "".join(secrets.choice(_ID_CHARS) for _ in range(10))


def _account(request: MockRequest) -> tuple[str, str] | None:
    """(mode, profileId) of the request's API key, or None when it has no well-formed one."""
    match = KEY.fullmatch(request.headers.get("authorization", ""))
    if not match:
        return None
    key = request.headers["authorization"].split(" ", 1)[1]
    return match["mode"], "pfl_" + hashlib.sha256(key.encode()).hexdigest()[:10]


def _unauthorized() -> MockResponse:
    return fout(401, "Unauthorized Request", "Missing authentication, or failed to authenticate")


def _amount(cents: int) -> dict:
    return {"currency": "EUR", "value": f"{cents // 100}.{cents % 100:02d}"}


def _parse_amount(value) -> tuple[int | None, MockResponse | None]:
    if not isinstance(value, dict):
        return None, fout(422, "Unprocessable Entity", "The amount is required.", "amount")
    if value.get("currency") != "EUR":
        return None, fout(422, "Unprocessable Entity", "The currency is not supported.", "amount.currency")
    if not isinstance(value.get("value"), str) or not VALUE.fullmatch(value["value"]):
        return None, fout(422, "Unprocessable Entity", "The amount contains an invalid value.", "amount.value")
    cents = int(Decimal(value["value"]) * 100)
    if cents < 1:
        return None, fout(422, "Unprocessable Entity", "The amount is lower than the minimum.", "amount.value")
    return cents, None


def _is_url(value) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _payment_url(payment: MockProviderBetaling) -> str:
    return f"{settings.MOCK_REGISTERS_URL}{PREFIX}/payments/{payment.provider_id}"


def _payment_json(payment: MockProviderBetaling, mode: str) -> dict:
    data = {
        "resource": "payment", "id": payment.provider_id, "mode": mode,
        "createdAt": payment.created.isoformat(timespec="seconds"), "amount": _amount(payment.bedrag_cent),
        "description": payment.omschrijving, "method": "ideal" if payment.status == "paid" else None,
        "metadata": json.loads(payment.referentie) if payment.referentie else None, "status": payment.status,
        "isCancelable": False, "profileId": payment.profiel, "sequenceType": "oneoff",
        "redirectUrl": payment.return_url, "webhookUrl": payment.webhook_url or None,
    }
    links = {"self": _link(_payment_url(payment))}
    if payment.status == "open":
        data["expiresAt"] = payment.expires_at.isoformat(timespec="seconds")
        # The hosted page lives on the site that asked (the mock's checkout view), as Mollie's on mollie.com.
        site = urlsplit(payment.return_url)
        links["checkout"] = _link(f"{site.scheme}://{site.netloc}"
                                  + reverse("betalen:mock_checkout", args=[payment.provider_id]), "text/html")
    if payment.status == "paid":
        refunded = payment.bedrag_cent if payment.refund_id else 0
        data["amountRefunded"] = _amount(refunded)
        data["amountRemaining"] = _amount(payment.bedrag_cent - refunded)
        if payment.refund_id:
            links["refunds"] = _link(_payment_url(payment) + "/refunds")
    links["documentation"] = _link(f"{DOCS}/get-payment", "text/html")
    data["_links"] = links
    return data


def _refund_json(payment: MockProviderBetaling, mode: str) -> dict:
    return {
        "resource": "refund", "id": payment.refund_id, "mode": mode, "description": payment.omschrijving,
        "amount": _amount(payment.bedrag_cent), "status": "pending", "paymentId": payment.provider_id,
        "createdAt": payment.refunded_at.isoformat(timespec="seconds"), "metadata": None,
        "_links": {"self": _link(f"{_payment_url(payment)}/refunds/{payment.refund_id}"),
                   "payment": _link(_payment_url(payment)),
                   "documentation": _link(f"{DOCS}/get-refund", "text/html")},
    }


def _own_payment(payment_id: str, profile: str) -> MockProviderBetaling | None:
    """The account's payment (expired first if its time has passed), or None."""
    try:
        payment = mock_payment(payment_id)
    except NotFound:
        return None
    return payment if payment.profiel == profile else None


def _no_payment(payment_id: str) -> MockResponse:
    return fout(404, "Not Found", f"No payment exists with token {payment_id}.")


def create_payment(request: MockRequest) -> MockResponse:
    account = _account(request)
    if account is None:
        return _unauthorized()
    body = request.json()
    if not isinstance(body, dict):
        return fout(400, "Bad Request", "The request body is not a JSON object.")
    cents, error = _parse_amount(body.get("amount"))
    if error:
        return error
    description = body.get("description")
    if not isinstance(description, str) or not description.strip():
        return fout(422, "Unprocessable Entity", "The description is invalid.", "description")
    if not _is_url(body.get("redirectUrl")):
        return fout(422, "Unprocessable Entity", "The redirect URL is invalid.", "redirectUrl")
    webhook = body.get("webhookUrl")
    if webhook is not None and not _is_url(webhook):
        return fout(422, "Unprocessable Entity", "The webhook URL is invalid.", "webhookUrl")
    metadata = json.dumps(body["metadata"]) if body.get("metadata") is not None else ""
    if len(metadata) > MockProviderBetaling._meta.get_field("referentie").max_length:
        return fout(422, "Unprocessable Entity", "The metadata is too large for this mock.", "metadata")
    payment = MockProviderBetaling.objects.create(
        provider_id=_new_id("tr_"), bedrag_cent=cents, omschrijving=description[:255], referentie=metadata,
        return_url=body["redirectUrl"], webhook_url=webhook or "", profiel=account[1],
        expires_at=timezone.now() + EXPIRES_AFTER)
    payment.refresh_from_db()  # `created` as stored
    return MockResponse(201, _payment_json(payment, account[0]), content_type=HAL)


def _payment_of_caller(request: MockRequest, payment_id: str):
    """(account, payment) when the API key's account owns the payment, else the error answer (401/404)."""
    account = _account(request)
    if account is None:
        return _unauthorized()
    payment = _own_payment(payment_id, account[1])
    if payment is None:
        return _no_payment(payment_id)
    return account, payment


def get_payment(request: MockRequest, payment_id: str) -> MockResponse:
    found = _payment_of_caller(request, payment_id)
    if isinstance(found, MockResponse):
        return found
    account, payment = found
    return MockResponse(200, _payment_json(payment, account[0]), content_type=HAL)


def list_refunds(request: MockRequest, payment_id: str) -> MockResponse:
    found = _payment_of_caller(request, payment_id)
    if isinstance(found, MockResponse):
        return found
    account, payment = found
    refunds = [_refund_json(payment, account[0])] if payment.refund_id else []
    return MockResponse(200, {
        "count": len(refunds), "_embedded": {"refunds": refunds},
        "_links": {"self": _link(_payment_url(payment) + "/refunds"), "previous": None, "next": None,
                   "documentation": _link(f"{DOCS}/list-refunds", "text/html")},
    }, content_type=HAL)


def create_refund(request: MockRequest, payment_id: str) -> MockResponse:
    found = _payment_of_caller(request, payment_id)
    if isinstance(found, MockResponse):
        return found
    account, payment = found
    body = request.json()
    if not isinstance(body, dict):
        return fout(400, "Bad Request", "The request body is not a JSON object.")
    cents, error = _parse_amount(body.get("amount"))
    if error:
        return error
    if payment.status != "paid":
        return fout(422, "Unprocessable Entity", "The payment cannot be refunded: it is not paid.")
    if payment.refund_id:
        return fout(422, "Unprocessable Entity", "The amount is higher than the amount remaining.", "amount")
    if cents != payment.bedrag_cent:
        return fout(422, "Unprocessable Entity", "This mock refunds the whole amount only.", "amount")
    payment = terugboeken(payment, _new_id("re_"))
    return MockResponse(201, _refund_json(payment, account[0]), content_type=HAL)


_PAYMENT = rf"{PREFIX}/payments/(?P<payment_id>[^/]+)"
ROUTES: list = [
    ("POST", re.compile(rf"{PREFIX}/payments"), create_payment),
    ("GET", re.compile(_PAYMENT), get_payment),
    ("GET", re.compile(_PAYMENT + "/refunds"), list_refunds),
    ("POST", re.compile(_PAYMENT + "/refunds"), create_refund),
]
