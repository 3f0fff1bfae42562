"""The Mollie adapter (Payments API v2) against the Mollie-shaped mock service, in-process and over a socket."""

import logging
import re
import threading

import pytest

from zaken.integrations.errors import Misconfigured, NotFound, Rejected, Unavailable
from zaken.integrations.http.verbinding import verbinding
from zaken.integrations.management.commands.mock_registers_serve import make_server
from zaken.integrations.mockservice.base import MockRequest, MockResponse
from zaken.integrations.mockservice import payments as service
from zaken.integrations.payments import mock as ledger
from zaken.integrations.payments.base import CANCELED, EXPIRED, FAILED, OPEN, PAID
from zaken.integrations.payments.models import MockProviderBetaling
from zaken.integrations.payments.services import (betaling_starten, betaling_verwerken, terugbetaling_aanvragen,
                                                  terugbetaling_uitvoeren, terugbetalingen_uitvoeren)
from zaken.integrations.registry import get_adapter
from zaken.models import Betaling

pytestmark = pytest.mark.django_db

GEMEENTE_KEY = "test_" + "g" * 30
BETAALD = []


def hook_betaald(betaling):
    BETAALD.append(betaling.pk)


@pytest.fixture(autouse=True)
def _clean():
    BETAALD.clear()


@pytest.fixture
def mollie(settings):
    settings.INTEGRATIONS = {**settings.INTEGRATIONS, "payments": "payments-mollie"}
    return get_adapter("payments")


@pytest.fixture(params=["payments-mock", "payments-mollie"])
def provider(request, settings):
    """Each guarantee of the payment flow, with either adapter configured."""
    settings.INTEGRATIONS = {**settings.INTEGRATIONS, "payments": request.param}
    return request.param


def starten(sleutel="rijbewijs:7", zaak=None, **kwargs):
    return betaling_starten(sleutel=sleutel, bedrag_cent=4290, omschrijving="Leges rijbewijs", zaak=zaak,
                            terug_url="/utrecht/mijn-zaken/", site_url="http://testserver",
                            bij_betaald="tests.integrations.test_payments_mollie.hook_betaald", **kwargs)


def status(betaling):
    betaling.refresh_from_db()
    return betaling.status


def test_create_sends_mollie_shape_and_returns_the_checkout_link(mollie):
    extern = mollie.betaling_aanmaken(bedrag_cent=4290, omschrijving="Leges rijbewijs", referentie="abc-1",
                                      return_url="http://testserver/betalen/terug/x/",
                                      webhook_url="http://testserver/betalen/webhook/")
    row = MockProviderBetaling.objects.get(provider_id=extern.id)
    assert re.fullmatch(r"tr_[A-Za-z0-9]{10}", extern.id) and extern.status == OPEN
    assert extern.checkout_url == f"http://testserver/betalen/mock/{extern.id}/"
    assert (row.bedrag_cent, row.omschrijving, row.referentie) == (4290, "Leges rijbewijs", '{"betaling": "abc-1"}')
    assert row.profiel.startswith("pfl_")
    assert mollie.key == "payments-mollie" and mollie.is_mock  # pointed at our mock registers


@pytest.mark.parametrize(("mollie_status", "ours"), [
    ("open", OPEN), ("pending", OPEN), ("authorized", OPEN), ("paid", PAID), ("canceled", CANCELED),
    ("expired", EXPIRED), ("failed", FAILED), ("iets-nieuws", OPEN)])
def test_each_mollie_status_maps_to_ours(mollie, monkeypatch, mollie_status, ours):
    def answer(request, payment_id):
        return MockResponse(200, {"resource": "payment", "id": payment_id, "status": mollie_status})

    monkeypatch.setattr(service, "ROUTES", [("GET", re.compile(r"/mollie/v2/payments/(?P<payment_id>tr_\w+)"),
                                             answer), *service.ROUTES])
    assert mollie.betaling_ophalen("tr_status0001") == ours


def test_status_follows_the_shared_ledger(mollie):
    extern = mollie.betaling_aanmaken(bedrag_cent=100, omschrijving="x", referentie="r",
                                      return_url="http://testserver/t/", webhook_url="http://testserver/w/")
    assert mollie.betaling_ophalen(extern.id) == OPEN
    ledger.kiezen(extern.id, PAID)
    assert mollie.betaling_ophalen(extern.id) == PAID


def test_hosted_page_completes_a_mollie_payment(client, mollie, django_capture_on_commit_callbacks):
    betaling = starten()
    assert betaling.provider == "payments-mollie" and betaling.checkout_url.startswith("http://testserver/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(betaling.checkout_url, {"keuze": "betalen"})
    assert response.status_code == 302 and response["Location"] == f"http://testserver/betalen/terug/{betaling.uuid}/"
    assert status(betaling) == PAID and BETAALD == [betaling.pk]


def test_unknown_payment_is_not_found(mollie):
    with pytest.raises(NotFound):
        mollie.betaling_ophalen("tr_bestaatniet")
    with pytest.raises(NotFound):
        mollie.betaling_ophalen("geen-mollie-id")


def test_invalid_request_is_rejected_with_the_field_named(mollie):
    with pytest.raises(Rejected) as rejected:
        mollie.betaling_aanmaken(bedrag_cent=0, omschrijving="x", referentie="r", return_url="http://testserver/t/",
                                 webhook_url="http://testserver/w/")
    assert rejected.value.invalid_params == ("amount.value",)


def _paid(adapter):
    extern = adapter.betaling_aanmaken(bedrag_cent=5110, omschrijving="Leges rijbewijs", referentie="r",
                                       return_url="http://testserver/t/", webhook_url="http://testserver/w/")
    ledger.kiezen(extern.id, PAID)
    return extern.id


def test_refund_is_idempotent_and_looks_up_existing_refunds_first(mollie):
    provider_id = _paid(mollie)
    first = mollie.terugbetalen(provider_id, bedrag_cent=5110, omschrijving="Leges rijbewijs")
    assert re.fullmatch(r"re_[A-Za-z0-9]{10}", first)
    # A second POST would be refused (nothing left to refund): the adapter finds the first in the list.
    assert mollie.terugbetalen(provider_id, bedrag_cent=5110, omschrijving="Leges rijbewijs") == first
    assert MockProviderBetaling.objects.get(provider_id=provider_id).refund_id == first


def test_refund_made_before_whose_answer_was_lost_is_not_made_again(mollie):
    provider_id = _paid(mollie)
    ledger.terugboeken(MockProviderBetaling.objects.get(provider_id=provider_id), "re_verloren01")
    assert mollie.terugbetalen(provider_id, bedrag_cent=5110, omschrijving="x") == "re_verloren01"


def test_refund_of_an_unpaid_payment_or_another_amount_is_not_found(mollie):
    extern = mollie.betaling_aanmaken(bedrag_cent=5110, omschrijving="x", referentie="r",
                                      return_url="http://testserver/t/", webhook_url="http://testserver/w/")
    with pytest.raises(NotFound):
        mollie.terugbetalen(extern.id, bedrag_cent=5110, omschrijving="x")
    ledger.kiezen(extern.id, PAID)
    with pytest.raises(NotFound):
        mollie.terugbetalen(extern.id, bedrag_cent=100, omschrijving="x")


def test_provider_down_is_unavailable_and_stores_nothing(mollie, settings):
    settings.MOCK_UNAVAILABLE = {"payments"}
    with pytest.raises(Unavailable):
        starten()
    assert not Betaling.objects.exists() and not MockProviderBetaling.objects.exists()


def test_wrong_api_key_is_misconfigured(mollie, settings, caplog):
    settings.REGISTERS = {**settings.REGISTERS, "payments": {**settings.REGISTERS["payments"], "api_key": "verkeerd"}}
    with caplog.at_level(logging.ERROR), pytest.raises(Misconfigured):
        mollie.betaling_ophalen("tr_abcdefghij")
    assert "refused our credentials" in caplog.text and "verkeerd" not in caplog.text


def test_another_accounts_key_does_not_see_the_payment(mollie, settings):
    provider_id = _paid(mollie)
    settings.REGISTERS = {**settings.REGISTERS, "payments": {**settings.REGISTERS["payments"],
                                                             "api_key": GEMEENTE_KEY}}
    with pytest.raises(NotFound):
        mollie.betaling_ophalen(provider_id)


def test_api_key_is_sent_as_bearer_and_never_logged(mollie, settings, caplog):
    key = settings.REGISTERS["payments"]["api_key"]
    caplog.set_level(logging.DEBUG)
    provider_id = _paid(mollie)
    mollie.betaling_ophalen(provider_id)
    mollie.terugbetalen(provider_id, bedrag_cent=5110, omschrijving="x")
    assert verbinding("payments").api_key_prefix == "Bearer " and key not in repr(verbinding("payments"))
    assert "/payments/{id}/refunds" in caplog.text
    assert key not in caplog.text and provider_id not in caplog.text


def test_municipality_uses_its_own_mollie_account(mollie, settings, client, django_capture_on_commit_callbacks):
    from tests.factories import ZaakFactory
    from zaken.integrations.models import RegisterKoppeling

    zaak = ZaakFactory()
    RegisterKoppeling.objects.create(gemeente=zaak.gemeente, soort=RegisterKoppeling.PAYMENTS,
                                     url=settings.REGISTERS["payments"]["url"], api_key=GEMEENTE_KEY)
    betaling = starten(zaak=zaak)
    row = MockProviderBetaling.objects.get(provider_id=betaling.provider_id)
    assert row.profiel == service._account(
        MockRequest("GET", "/", {}, {"authorization": f"Bearer {GEMEENTE_KEY}"}, b""))[1]
    # The webhook and the refund reach the payment only with the municipality's key (another account: 404).
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(betaling.checkout_url, {"keuze": "betalen"}).status_code == 302
    assert status(betaling) == PAID
    with django_capture_on_commit_callbacks(execute=True):
        terugbetaling_aanvragen(betaling, reden="test")
    betaling.refresh_from_db()
    assert betaling.terugbetaald_op and betaling.terugbetaling_id == MockProviderBetaling.objects.get(
        provider_id=betaling.provider_id).refund_id


def test_a_test_key_counts_as_a_mock_for_the_deploy_check(mollie, settings):
    real = {**settings.REGISTERS["payments"], "url": "https://api.mollie.com/v2"}
    settings.REGISTERS = {**settings.REGISTERS, "payments": {**real, "api_key": "test_" + "x" * 30}}
    assert get_adapter("payments").is_mock
    settings.REGISTERS = {**settings.REGISTERS, "payments": {**real, "api_key": "live_" + "x" * 30}}
    assert not get_adapter("payments").is_mock


# The guarantees of the payment flow (test_payments.py, test_refunds.py), with either adapter configured.

def test_replayed_webhook_fires_the_paid_hook_once(provider, client, django_capture_on_commit_callbacks):
    betaling = starten()
    ledger.kiezen(betaling.provider_id, PAID)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post("/betalen/webhook/", {"id": betaling.provider_id}).status_code == 200
    assert status(betaling) == PAID and BETAALD == [betaling.pk]


def test_webhook_while_provider_is_down_keeps_the_payment(provider, client, settings,
                                                          django_capture_on_commit_callbacks):
    from celery.exceptions import Retry

    betaling = starten()
    ledger.kiezen(betaling.provider_id, PAID)
    settings.MOCK_UNAVAILABLE = {"payments"}
    with pytest.raises(Retry), django_capture_on_commit_callbacks(execute=True):
        assert client.post("/betalen/webhook/", {"id": betaling.provider_id}).status_code == 200
    assert status(betaling) == OPEN
    settings.MOCK_UNAVAILABLE = set()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/betalen/webhook/", {"id": betaling.provider_id})
    assert status(betaling) == PAID and BETAALD == [betaling.pk]


def test_return_while_provider_is_down_still_redirects(provider, client, settings):
    betaling = starten()
    settings.MOCK_UNAVAILABLE = {"payments"}
    response = client.get(f"/betalen/terug/{betaling.uuid}/")
    assert response.status_code == 302 and response["Location"] == "/utrecht/mijn-zaken/"
    assert status(betaling) == OPEN


def test_double_start_gives_one_payment(provider):
    betaling = starten()
    assert starten().pk == betaling.pk and Betaling.objects.count() == 1 == MockProviderBetaling.objects.count()


def test_refund_with_provider_down_is_kept_and_the_sweep_does_it_once(provider, settings,
                                                                      django_capture_on_commit_callbacks):
    betaling = starten()
    ledger.kiezen(betaling.provider_id, PAID)
    betaling = betaling_verwerken(betaling.provider_id)
    settings.MOCK_UNAVAILABLE = {"payments"}
    with django_capture_on_commit_callbacks(execute=True):
        betaling = terugbetaling_aanvragen(betaling, reden="Vervallen")
    assert betaling.terugbetaling_gevraagd_op and not betaling.terugbetaald_op
    assert terugbetalingen_uitvoeren() == 0
    settings.MOCK_UNAVAILABLE = set()
    assert terugbetalingen_uitvoeren() == 1
    betaling.refresh_from_db()
    assert betaling.terugbetaling_id == MockProviderBetaling.objects.get(provider_id=betaling.provider_id).refund_id
    assert terugbetaling_uitvoeren(betaling.pk).terugbetaling_id == betaling.terugbetaling_id


@pytest.fixture
def socket_mollie(settings):
    """The mock registers on a real socket, the Mollie adapter's default connection pointed at it."""
    httpd = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    settings.INTEGRATIONS = {**settings.INTEGRATIONS, "payments": "payments-mollie"}
    settings.REGISTERS = {**settings.REGISTERS, "payments": {
        **settings.REGISTERS["payments"], "url": f"http://127.0.0.1:{httpd.server_port}/mollie/v2"}}
    yield get_adapter("payments")
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.django_db(transaction=True)
def test_create_fetch_and_refund_over_a_socket(socket_mollie):
    assert not verbinding("payments").is_mock  # not under MOCK_REGISTERS_URL: no in-process shortcut
    provider_id = _paid(socket_mollie)
    assert socket_mollie.betaling_ophalen(provider_id) == PAID
    refund = socket_mollie.terugbetalen(provider_id, bedrag_cent=5110, omschrijving="x")
    assert socket_mollie.terugbetalen(provider_id, bedrag_cent=5110, omschrijving="x") == refund


def test_a_refund_the_provider_refuses_does_not_block_the_others(provider, settings, caplog,
                                                                 django_capture_on_commit_callbacks):
    """E.g. refunded before in Mollie's dashboard: logged for staff, and the sweep goes on with the next."""
    betalingen = []
    for sleutel in ("rijbewijs:1", "rijbewijs:2"):  # the sweep takes the newest first
        betaling = starten(sleutel=sleutel)
        ledger.kiezen(betaling.provider_id, PAID)
        betalingen.append(betaling_verwerken(betaling.provider_id))
    settings.MOCK_UNAVAILABLE = {"payments"}
    for betaling in betalingen:
        with django_capture_on_commit_callbacks(execute=True):
            terugbetaling_aanvragen(betaling, reden="Vervallen")
    settings.MOCK_UNAVAILABLE = set()
    MockProviderBetaling.objects.filter(provider_id=betalingen[1].provider_id).update(status=FAILED)
    with caplog.at_level(logging.ERROR):
        assert terugbetalingen_uitvoeren() == 1
    assert "refuses the refund" in caplog.text
    betalingen[0].refresh_from_db()
    assert betalingen[0].terugbetaald_op
