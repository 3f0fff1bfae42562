"""Payments on our side: idempotent start, reconciliation applied once, expiry and retry."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zaken.integrations.payments.services import betaling_starten, betaling_verwerken, betalingen_laten_verlopen
from zaken.integrations.errors import Unavailable
from zaken.integrations.payments.models import MockProviderBetaling
from zaken.integrations.registry import get_adapter
from zaken.models import Betaling
from zaken.timers import sweep

pytestmark = pytest.mark.django_db

BETAALD = []


def hook_betaald(betaling):
    """The caller's hook (a dotted path on the payment): records each call."""
    BETAALD.append(betaling.pk)


@pytest.fixture(autouse=True)
def _clean(settings):
    settings.MOCK_UNAVAILABLE = set()
    BETAALD.clear()


def starten(sleutel="rijbewijs:1", **kwargs):
    return betaling_starten(sleutel=sleutel, bedrag_cent=4290, omschrijving="Leges rijbewijs",
                            terug_url="/utrecht/mijn-zaken/", site_url="http://testserver",
                            bij_betaald="tests.core.test_betalingen.hook_betaald", **kwargs)


def kiezen(betaling, status):
    get_adapter("payments").kiezen(betaling.provider_id, status)


def test_start_creates_a_payment_at_the_provider():
    betaling = starten()
    assert betaling.status == "open" and betaling.provider == "payments-mock"
    assert betaling.provider_id.startswith("tr_")
    assert betaling.checkout_url == f"/betalen/mock/{betaling.provider_id}/"
    extern = MockProviderBetaling.objects.get(provider_id=betaling.provider_id)
    assert extern.bedrag_cent == 4290 and extern.referentie == str(betaling.uuid)
    assert extern.webhook_url == "http://testserver/betalen/webhook/"
    assert extern.return_url == f"http://testserver/betalen/terug/{betaling.uuid}/"
    assert betaling.expires_at - betaling.created == pytest.approx(timedelta(minutes=30), abs=timedelta(seconds=5))


def test_double_start_gives_one_payment():
    first = starten()
    second = starten()
    assert second.pk == first.pk
    assert Betaling.objects.count() == 1 and MockProviderBetaling.objects.count() == 1


def test_start_after_paid_returns_the_paid_payment():
    first = starten()
    kiezen(first, "paid")
    betaling_verwerken(first.provider_id)
    again = starten()
    assert again.pk == first.pk and again.status == "paid"
    assert Betaling.objects.count() == 1


def test_database_refuses_a_second_open_payment_for_the_same_key():
    from django.db import IntegrityError, transaction

    first = starten()
    with pytest.raises(IntegrityError), transaction.atomic():
        Betaling.objects.create(sleutel=first.sleutel, bedrag_cent=1, omschrijving="x", provider="payments-mock",
                                terug_url="/", expires_at=timezone.now() + timedelta(minutes=5))


def test_paid_fires_the_hook_once_however_often_reconciled():
    betaling = starten()
    kiezen(betaling, "paid")
    for _ in range(3):
        betaling = betaling_verwerken(betaling.provider_id)
    assert betaling.status == "paid" and betaling.paid_at is not None
    assert BETAALD == [betaling.pk]


@pytest.mark.parametrize("status", ["failed", "canceled"])
def test_failure_and_cancel_are_applied_and_allow_a_new_payment(status):
    betaling = starten()
    kiezen(betaling, status)
    assert betaling_verwerken(betaling.provider_id).status == status
    assert BETAALD == []
    nieuw = starten()
    assert nieuw.pk != betaling.pk and nieuw.status == "open"


def test_open_at_the_provider_changes_nothing():
    betaling = starten()
    assert betaling_verwerken(betaling.provider_id).status == "open"


def test_expiry_by_the_sweep_then_retry_creates_a_new_payment():
    betaling = starten()
    Betaling.objects.filter(pk=betaling.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    MockProviderBetaling.objects.filter(provider_id=betaling.provider_id).update(
        expires_at=timezone.now() - timedelta(seconds=1))
    assert sweep()["betalingen_verlopen"] == 1
    betaling.refresh_from_db()
    assert betaling.status == "expired"
    nieuw = starten()
    assert nieuw.pk != betaling.pk and nieuw.status == "open"
    # The old hosted page no longer takes money.
    assert MockProviderBetaling.objects.get(provider_id=betaling.provider_id).status == "expired"


def test_expired_but_not_yet_swept_is_replaced_on_start():
    betaling = starten()
    Betaling.objects.filter(pk=betaling.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    nieuw = starten()
    assert nieuw.pk != betaling.pk
    betaling.refresh_from_db()
    assert betaling.status == "expired"


def test_sweep_does_not_expire_a_payment_the_provider_says_is_paid():
    betaling = starten()
    kiezen(betaling, "paid")
    Betaling.objects.filter(pk=betaling.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert betalingen_laten_verlopen() == 0
    betaling.refresh_from_db()
    assert betaling.status == "paid" and BETAALD == [betaling.pk]


def test_expiry_term_is_configuration(settings):
    settings.BETALING_GELDIG_MINUTEN = 10
    betaling = starten()
    assert betaling.expires_at - betaling.created == pytest.approx(timedelta(minutes=10), abs=timedelta(seconds=5))


def test_provider_outage_on_start_raises_and_stores_nothing(settings):
    settings.MOCK_UNAVAILABLE = {"payments"}
    with pytest.raises(Unavailable) as info:
        starten()
    assert "later opnieuw" in info.value.user_message
    assert Betaling.objects.count() == 0
    settings.MOCK_UNAVAILABLE = set()
    assert starten().status == "open"


def test_provider_outage_on_reconcile_keeps_the_payment_open(settings):
    betaling = starten()
    kiezen(betaling, "paid")
    settings.MOCK_UNAVAILABLE = {"payments"}
    with pytest.raises(Unavailable):
        betaling_verwerken(betaling.provider_id)
    betaling.refresh_from_db()
    assert betaling.status == "open" and BETAALD == []


def test_terug_url_must_be_a_path_of_this_site():
    with pytest.raises(ValueError):
        betaling_starten(sleutel="x", bedrag_cent=1, omschrijving="x", terug_url="https://evil.example/",
                         site_url="http://testserver")


def test_reconcile_query_count():
    betaling = starten()
    kiezen(betaling, "paid")
    with CaptureQueriesContext(connection) as queries:
        betaling_verwerken(betaling.provider_id)
    assert len(queries) <= 8


def test_race_of_two_starts_ends_with_one_payment(monkeypatch):
    """A double click whose second request checked before the first committed: the constraint decides."""
    import zaken.integrations.payments.services as betalingen

    first = starten()
    echte = betalingen._open_of_betaald
    calls = []

    def te_laat(sleutel):
        calls.append(sleutel)
        return None if len(calls) == 1 else echte(sleutel)

    monkeypatch.setattr(betalingen, "_open_of_betaald", te_laat)
    assert starten().pk == first.pk
    assert Betaling.objects.count() == 1
