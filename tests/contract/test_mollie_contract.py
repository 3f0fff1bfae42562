"""The Mollie-shaped mock service answers, and our adapter asks, as the Mollie Payments API v2 documents.

The schemas (schemas/mollie.json) are our own reading of docs.mollie.com: payment, refund, the refund
list, the error body, and the two request bodies we send.
"""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator

from zaken.integrations.http.client import RegisterClient
from zaken.integrations.http.verbinding import Verbinding, verbinding
from zaken.integrations.mockservice import payments as service
from zaken.integrations.payments import mock as ledger
from zaken.integrations.payments.models import MockProviderBetaling
from zaken.integrations.registry import get_adapter

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "mollie.json").read_text())
ALL = (200, 201, 204, 400, 401, 404, 405, 422)
NEW = {"amount": {"currency": "EUR", "value": "42.90"}, "description": "Leges rijbewijs",
       "redirectUrl": "http://testserver/betalen/terug/x/", "webhookUrl": "http://testserver/betalen/webhook/",
       "metadata": {"betaling": "abc"}}


def valid(definition: str, data) -> None:
    Draft202012Validator({**SCHEMA, "$ref": f"#/$defs/{definition}"}).validate(data)


def test_the_schema_itself_is_valid_and_not_vacuous(api):
    from jsonschema import ValidationError

    Draft202012Validator.check_schema(SCHEMA)
    payment = _create(api).data
    for broken in ({**payment, "status": "refunded"}, {**payment, "amount": {"currency": "EUR", "value": 42.9}},
                   {k: v for k, v in payment.items() if k != "_links"}, {**payment, "_links": {"self": {}}}):
        with pytest.raises(ValidationError):
            valid("payment", broken)
    with pytest.raises(ValidationError):
        valid("error", {"status": 422, "title": "x", "detail": "y"})  # no _links


@pytest.fixture
def api():
    return RegisterClient(verbinding("payments"))


def _create(api, body=None):
    return api.post("/payments", json=body or NEW, idempotent=False, accept=ALL)


def test_created_payment(api):
    answer = _create(api)
    assert answer.status == 201
    valid("payment", answer.data)
    assert answer.data["status"] == "open" and answer.data["_links"]["checkout"]["href"].startswith("http")
    assert answer.data["metadata"] == {"betaling": "abc"}


@pytest.mark.parametrize("outcome", ["open", "paid", "failed", "canceled", "expired"])
def test_fetched_payment_in_each_state(api, outcome):
    payment_id = _create(api).data["id"]
    if outcome == "expired":
        MockProviderBetaling.objects.filter(provider_id=payment_id).update(
            expires_at=timezone.now() - timedelta(seconds=1))
    elif outcome != "open":
        ledger.kiezen(payment_id, outcome)
    answer = api.get(f"/payments/{payment_id}", accept=ALL)
    assert answer.status == 200 and answer.data["status"] == outcome
    valid("payment", answer.data)
    assert ("checkout" in answer.data["_links"]) == (outcome == "open")


def test_refunds_list_and_created_refund(api):
    payment_id = _create(api).data["id"]
    ledger.kiezen(payment_id, "paid")
    empty = api.get(f"/payments/{payment_id}/refunds", accept=ALL)
    valid("refundList", empty.data)
    assert empty.data["count"] == 0
    created = api.post(f"/payments/{payment_id}/refunds", json={"amount": NEW["amount"], "description": "x"},
                       idempotent=False, accept=ALL)
    assert created.status == 201
    valid("refund", created.data)
    listed = api.get(f"/payments/{payment_id}/refunds", accept=ALL)
    valid("refundList", listed.data)
    assert [r["id"] for r in listed.data["_embedded"]["refunds"]] == [created.data["id"]]
    paid = api.get(f"/payments/{payment_id}", accept=ALL).data
    valid("payment", paid)
    assert paid["amountRemaining"]["value"] == "0.00" and "refunds" in paid["_links"]


def _errors(api):
    payment_id = _create(api).data["id"]
    anonymous = RegisterClient(Verbinding(kind="payments", url=api.verbinding.url))
    yield "no key", anonymous.get(f"/payments/{payment_id}", accept=ALL), 401, None
    yield "unknown payment", api.get("/payments/tr_onbekend01", accept=ALL), 404, None
    yield "bad amount", _create(api, {**NEW, "amount": {"currency": "EUR", "value": "42.9"}}), 422, "amount.value"
    yield "no description", _create(api, {**NEW, "description": ""}), 422, "description"
    yield "bad redirect", _create(api, {**NEW, "redirectUrl": "terug"}), 422, "redirectUrl"
    yield "not json", api.post("/payments", json=[1], idempotent=False, accept=ALL), 400, None
    yield "refund unpaid", api.post(f"/payments/{payment_id}/refunds", json={"amount": NEW["amount"]},
                                    idempotent=False, accept=ALL), 422, None


def test_errors_have_mollies_body(api):
    seen = 0
    for name, answer, status, field in _errors(api):
        assert answer.status == status, name
        valid("error", answer.data)
        assert answer.data["status"] == status and answer.data.get("field") == field, name
        seen += 1
    assert seen == 7


def test_our_adapter_sends_what_mollie_documents(settings, monkeypatch):
    """The request bodies of payments-mollie, caught on their way into the mock service."""
    settings.INTEGRATIONS = {**settings.INTEGRATIONS, "payments": "payments-mollie"}
    sent = []

    def spy(handler):
        def wrapped(request, **groups):
            sent.append((request.path, request.json(), request.headers))
            return handler(request, **groups)
        return wrapped

    monkeypatch.setattr(service, "ROUTES", [(m, p, spy(h)) for m, p, h in service.ROUTES])
    adapter = get_adapter("payments")
    extern = adapter.betaling_aanmaken(bedrag_cent=4290, omschrijving="Leges rijbewijs", referentie="abc",
                                       return_url="http://testserver/t/", webhook_url="http://testserver/w/")
    ledger.kiezen(extern.id, "paid")
    adapter.terugbetalen(extern.id, bedrag_cent=4290, omschrijving="Leges rijbewijs")
    posts = {path: (body, headers) for path, body, headers in sent if body is not None}
    create, headers = posts["/mollie/v2/payments"]
    valid("paymentRequest", create)
    assert create["amount"] == {"currency": "EUR", "value": "42.90"}
    assert re.fullmatch(r"Bearer (test|live)_\w{30,}", headers["authorization"]) and headers["idempotency-key"]
    refund, headers = posts[f"/mollie/v2/payments/{extern.id}/refunds"]
    valid("refundRequest", refund)
    assert headers["idempotency-key"]
