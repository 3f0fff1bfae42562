"""Full refunds of paid leges: asked once, done once, retried while the provider is down."""

import pytest

from zaken.integrations.payments.models import MockProviderBetaling
from zaken.integrations.payments.services import (betaling_starten, betaling_verwerken, terugbetaling_aanvragen,
                                                  terugbetalingen_uitvoeren)
from zaken.integrations.registry import get_adapter

pytestmark = pytest.mark.django_db


@pytest.fixture
def betaald():
    betaling = betaling_starten(sleutel="rijbewijs:9", bedrag_cent=5110, omschrijving="Leges rijbewijs",
                                terug_url="/rotterdam/mijn-zaken/", site_url="http://testserver")
    get_adapter("payments").kiezen(betaling.provider_id, "paid")
    return betaling_verwerken(betaling.provider_id)


def test_refund_is_done_once(betaald, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        betaling = terugbetaling_aanvragen(betaald, reden="De RDW nam de aanvraag niet aan.")
    betaling.refresh_from_db()
    ledger = MockProviderBetaling.objects.get(provider_id=betaling.provider_id)
    assert betaling.terugbetaald_op and betaling.terugbetaling_id == ledger.refund_id
    with django_capture_on_commit_callbacks(execute=True):
        terugbetaling_aanvragen(betaling, reden="nog eens")
    betaling.refresh_from_db()
    assert betaling.terugbetaling_id == ledger.refund_id and betaling.terugbetaling_reden.startswith("De RDW")
    assert terugbetalingen_uitvoeren() == 0


def test_provider_down_keeps_the_request_and_the_sweep_does_it(betaald, settings, django_capture_on_commit_callbacks):
    settings.MOCK_UNAVAILABLE = ["payments"]
    with django_capture_on_commit_callbacks(execute=True):
        betaling = terugbetaling_aanvragen(betaald, reden="Vervallen")
    assert betaling.terugbetaling_gevraagd_op and not betaling.terugbetaald_op
    assert terugbetalingen_uitvoeren() == 0
    settings.MOCK_UNAVAILABLE = []
    assert terugbetalingen_uitvoeren() == 1
    betaling.refresh_from_db()
    assert betaling.terugbetaald_op and MockProviderBetaling.objects.get(provider_id=betaling.provider_id).refund_id


def test_only_a_paid_payment_is_refunded():
    betaling = betaling_starten(sleutel="rijbewijs:10", bedrag_cent=5110, omschrijving="Leges rijbewijs",
                                terug_url="/rotterdam/mijn-zaken/", site_url="http://testserver")
    with pytest.raises(ValueError):
        terugbetaling_aanvragen(betaling, reden="x")
