"""The payment routes: the mock provider's hosted page, the webhook and the citizen's return."""

import logging
import re

import pytest

from zaken.integrations.payments.services import betaling_starten
from zaken.integrations.payments.models import MockProviderBetaling
from zaken.integrations.registry import get_adapter, registries
from zaken.models import Betaling

pytestmark = pytest.mark.django_db

BETAALD = []


def hook_betaald(betaling):
    BETAALD.append(betaling.pk)


@pytest.fixture(autouse=True)
def _clean():
    BETAALD.clear()


@pytest.fixture
def betaling():
    return betaling_starten(sleutel="rijbewijs:7", bedrag_cent=4290, omschrijving="Leges rijbewijs",
                            terug_url="/utrecht/mijn-zaken/", site_url="http://testserver",
                            bij_betaald="tests.integrations.test_payments.hook_betaald")


def status(betaling):
    betaling.refresh_from_db()
    return betaling.status


def test_registered_as_a_mock_behind_the_registry():
    adapter = registries["payments"].get("payments-mock")
    assert adapter.is_mock and get_adapter("payments") is adapter


def test_check_deploy_refuses_the_payment_mock(settings):
    from zaken.integrations.checks import no_mock_adapters

    settings.STAGING = False
    errors = no_mock_adapters(None)
    assert any(e.id == "samenloket.E011" and "'payments'" in e.msg for e in errors)


def test_hosted_page_follows_the_house_rules(client, betaling):
    response = client.get(betaling.checkout_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html and "€ 42,90" in html and "Leges rijbewijs" in html
    buttons = re.findall(r"<button[^>]*>([^<]*)</button>", html)
    assert buttons == ["Betalen", "Betaling laten mislukken", "Annuleren"]
    assert "<script" not in html and "style=" not in html and "<style" not in html
    assert "csrfmiddlewaretoken" in html


@pytest.mark.parametrize(("keuze", "uitkomst", "hooks"), [("betalen", "paid", 1), ("mislukt", "failed", 0),
                                                          ("annuleren", "canceled", 0)])
def test_choice_on_hosted_page_redirects_back_and_reconciles(client, betaling, keuze, uitkomst, hooks,
                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(betaling.checkout_url, {"keuze": keuze})
    assert response.status_code == 302
    assert response["Location"] == f"http://testserver/betalen/terug/{betaling.uuid}/"
    assert status(betaling) == uitkomst  # the queued webhook task ran
    response = client.get(f"/betalen/terug/{betaling.uuid}/")
    assert response.status_code == 302 and response["Location"] == "/utrecht/mijn-zaken/"
    assert len(BETAALD) == hooks


def test_return_before_the_webhook_reconciles_then_webhook_changes_nothing(client, betaling,
                                                                          django_capture_on_commit_callbacks):
    get_adapter("payments").kiezen(betaling.provider_id, "paid")
    response = client.get(f"/betalen/terug/{betaling.uuid}/")
    assert response.status_code == 302 and status(betaling) == "paid"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/betalen/webhook/", {"id": betaling.provider_id}).status_code == 200
    assert status(betaling) == "paid" and BETAALD == [betaling.pk]


def test_webhook_before_the_return(client, betaling, django_capture_on_commit_callbacks):
    get_adapter("payments").kiezen(betaling.provider_id, "paid")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/betalen/webhook/", {"id": betaling.provider_id}).status_code == 200
    assert status(betaling) == "paid"
    assert client.get(f"/betalen/terug/{betaling.uuid}/").status_code == 302
    assert BETAALD == [betaling.pk]


def test_replayed_webhook_fires_the_paid_hook_once(client, betaling, django_capture_on_commit_callbacks):
    get_adapter("payments").kiezen(betaling.provider_id, "paid")
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post("/betalen/webhook/", {"id": betaling.provider_id}).status_code == 200
    assert BETAALD == [betaling.pk]


def test_webhook_never_trusts_a_status_in_the_body(client, betaling, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/betalen/webhook/", {"id": betaling.provider_id, "status": "paid"})
    assert response.status_code == 200 and status(betaling) == "open" and BETAALD == []


def test_webhook_unknown_id_is_404(client, betaling):
    assert client.post("/betalen/webhook/", {"id": "tr_onbekend"}).status_code == 404
    assert client.post("/betalen/webhook/", {}).status_code == 404


def test_webhook_get_is_405(client, betaling):
    assert client.get("/betalen/webhook/", {"id": betaling.provider_id}).status_code == 405


def test_webhook_is_csrf_exempt(betaling, django_capture_on_commit_callbacks):
    from django.test import Client

    with django_capture_on_commit_callbacks(execute=True):
        response = Client(enforce_csrf_checks=True).post("/betalen/webhook/", {"id": betaling.provider_id})
    assert response.status_code == 200


def test_webhook_while_provider_is_down_answers_200_and_keeps_the_payment(client, betaling, settings,
                                                                          django_capture_on_commit_callbacks):
    from celery.exceptions import Retry

    get_adapter("payments").kiezen(betaling.provider_id, "paid")
    settings.MOCK_UNAVAILABLE = {"payments"}
    with pytest.raises(Retry), django_capture_on_commit_callbacks(execute=True):
        response = client.post("/betalen/webhook/", {"id": betaling.provider_id})
        assert response.status_code == 200
    assert status(betaling) == "open"
    settings.MOCK_UNAVAILABLE = set()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/betalen/webhook/", {"id": betaling.provider_id})
    assert status(betaling) == "paid" and BETAALD == [betaling.pk]


def test_return_while_provider_is_down_still_redirects(client, betaling, settings):
    settings.MOCK_UNAVAILABLE = {"payments"}
    response = client.get(f"/betalen/terug/{betaling.uuid}/")
    assert response.status_code == 302 and response["Location"] == "/utrecht/mijn-zaken/"
    assert status(betaling) == "open"


def test_return_unknown_uuid_is_404(client):
    assert client.get("/betalen/terug/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_finished_payment_cannot_be_paid_again_on_the_hosted_page(client, betaling):
    get_adapter("payments").kiezen(betaling.provider_id, "canceled")
    response = client.post(betaling.checkout_url, {"keuze": "betalen"})
    assert response.status_code == 200 and "al afgerond" in response.content.decode()
    assert MockProviderBetaling.objects.get(provider_id=betaling.provider_id).status == "canceled"


def test_hosted_page_unknown_id_is_404(client):
    assert client.get("/betalen/mock/tr_onbekend/").status_code == 404


def test_no_personal_data_or_description_in_logs(client, betaling, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(betaling.checkout_url, {"keuze": "betalen"})
    client.get(f"/betalen/terug/{betaling.uuid}/")
    assert "Leges rijbewijs" not in caplog.text and str(betaling.uuid) not in caplog.text


def test_double_submit_of_the_start_gives_one_payment(betaling):
    again = betaling_starten(sleutel="rijbewijs:7", bedrag_cent=4290, omschrijving="Leges rijbewijs",
                             terug_url="/utrecht/mijn-zaken/", site_url="http://testserver")
    assert again.pk == betaling.pk and Betaling.objects.count() == 1


def test_betalen_is_a_reserved_municipality_slug():
    from zaken.admin_forms import RESERVED_SLUGS

    assert "betalen" in RESERVED_SLUGS  # /betalen/ is this site's route, a municipality there is never reached
