"""Paying the leges: failure, cancel, webhook and return in either order, replays, double clicks, an outage."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from zaken.integrations.payments.models import MockProviderBetaling
from zaken.integrations.registry import get_adapter
from zaken.models import Betaling, Document, Status
from zaken.processes.rijbewijs.models import Rijbewijs

from .support import SUZANNE, form_url, fresh, indienen, kiezen, nu_betalen, sweep_at, tracker_op, tracker_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanvraag(client, digid_login, rijbewijs_form, django_capture_on_commit_callbacks):
    """Suzanne filed her renewal and stands on the provider's page: (checkout url, Rijbewijs)."""
    digid_login(SUZANNE, level="substantieel")
    response, rijbewijs = indienen(client, django_capture_on_commit_callbacks, rijbewijs_form())
    assert response.status_code == 302 and "/betalen/mock/" in response["Location"]
    return response["Location"], rijbewijs


def betaald_once(rijbewijs):
    """The paid hook ran exactly once: one Status, one receipt, one payment confirmation, one paid payment."""
    zaak = rijbewijs.zaak
    assert Status.objects.filter(zaak=zaak, to_state="betaald").count() == 1
    assert Document.objects.filter(zaak=zaak, kenmerk="ontvangstbevestiging").count() == 1
    assert Document.objects.filter(zaak=zaak, kenmerk="rijbewijs-betaalbewijs").count() == 1
    assert Betaling.objects.filter(zaak=zaak, status=Betaling.Status.PAID).count() == 1


@pytest.mark.parametrize(("keuze", "melding"), [("mislukt", "De betaling is mislukt."),
                                                ("annuleren", "U hebt de betaling afgebroken.")])
def test_failed_or_canceled_payment_keeps_the_case_and_paying_again_makes_a_new_payment(
        client, aanvraag, keuze, melding, django_capture_on_commit_callbacks):
    checkout, rijbewijs = aanvraag
    back = kiezen(client, django_capture_on_commit_callbacks, checkout, keuze)
    assert back.status_code == 302 and back["Location"] == tracker_url(rijbewijs)
    assert fresh(rijbewijs).state == Rijbewijs.State.ONTVANGEN
    tracker = client.get(tracker_url(rijbewijs)).content.decode()
    assert melding in tracker and "Er is niets afgeschreven" in tracker and "Nu betalen" in tracker
    assert "Ontvangen" in tracker

    again = nu_betalen(client, rijbewijs)
    assert again.status_code == 302 and "/betalen/mock/" in again["Location"] and again["Location"] != checkout
    kiezen(client, django_capture_on_commit_callbacks, again["Location"])
    assert fresh(rijbewijs).state == Rijbewijs.State.IN_PRODUCTIE
    assert Betaling.objects.filter(zaak=rijbewijs.zaak).count() == 2
    betaald_once(rijbewijs)
    assert "Nu betalen" not in client.get(tracker_url(rijbewijs)).content.decode()


def _webhook(client, capture, rijbewijs):
    betaling = Betaling.objects.get(zaak=rijbewijs.zaak)
    with capture(execute=True):
        assert client.post("/betalen/webhook/", {"id": betaling.provider_id}).status_code == 200
    return betaling


def _return(client, capture, rijbewijs):
    betaling = Betaling.objects.get(zaak=rijbewijs.zaak)
    with capture(execute=True):
        response = client.get(f"/betalen/terug/{betaling.uuid}/")
    assert response.status_code == 302 and response["Location"] == tracker_url(rijbewijs)


@pytest.mark.parametrize("order", [("webhook", "return"), ("return", "webhook")])
def test_webhook_and_return_in_either_order(client, aanvraag, order, django_capture_on_commit_callbacks):
    checkout, rijbewijs = aanvraag
    # The citizen pays at the provider; which of its two messages reaches us first varies.
    get_adapter("payments").kiezen(checkout.rstrip("/").rsplit("/", 1)[-1], "paid")
    steps = {"webhook": _webhook, "return": _return}
    steps[order[0]](client, django_capture_on_commit_callbacks, rijbewijs)
    assert fresh(rijbewijs).state == Rijbewijs.State.IN_PRODUCTIE
    steps[order[1]](client, django_capture_on_commit_callbacks, rijbewijs)
    assert fresh(rijbewijs).state == Rijbewijs.State.IN_PRODUCTIE
    betaald_once(rijbewijs)


def test_replayed_webhook_runs_the_paid_hook_once(client, aanvraag, django_capture_on_commit_callbacks):
    checkout, rijbewijs = aanvraag
    kiezen(client, django_capture_on_commit_callbacks, checkout)  # the page's own webhook and the return
    for _ in range(3):
        _webhook(client, django_capture_on_commit_callbacks, rijbewijs)
    assert fresh(rijbewijs).state == Rijbewijs.State.IN_PRODUCTIE
    betaald_once(rijbewijs)
    assert fresh(rijbewijs).rdw_order_id


def test_double_submit_of_the_check_page_gives_one_case_and_one_payment(client, digid_login, rijbewijs_form,
                                                                        django_capture_on_commit_callbacks):
    from tests.eform_check import fingerprint_of

    digid_login(SUZANNE, level="substantieel")
    client.post(form_url(), rijbewijs_form())
    page = client.get(form_url(step="controleren"))
    vingerafdruk = fingerprint_of(page)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(form_url(step="controleren"), {"vingerafdruk": vingerafdruk})
        second = client.post(form_url(step="controleren"), {"vingerafdruk": vingerafdruk})
    assert first.status_code == 302 and "/betalen/mock/" in first["Location"]
    assert second.status_code == 302
    assert Rijbewijs.objects.count() == 1 and Betaling.objects.count() == 1
    assert MockProviderBetaling.objects.count() == 1


def test_double_click_on_pay_now_reuses_the_open_payment(client, aanvraag):
    checkout, rijbewijs = aanvraag
    first, second = nu_betalen(client, rijbewijs), nu_betalen(client, rijbewijs)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == checkout
    assert Betaling.objects.count() == 1 and MockProviderBetaling.objects.count() == 1


def test_pay_now_after_payment_goes_to_the_tracker(client, aanvraag, django_capture_on_commit_callbacks):
    checkout, rijbewijs = aanvraag
    kiezen(client, django_capture_on_commit_callbacks, checkout)
    response = nu_betalen(client, rijbewijs)
    assert response.status_code == 302 and response["Location"] == tracker_url(rijbewijs)
    assert Betaling.objects.count() == 1


def test_provider_down_keeps_the_case_and_paying_later_works(client, digid_login, rijbewijs_form, settings,
                                                             django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    settings.MOCK_UNAVAILABLE = {"payments"}
    response, rijbewijs = indienen(client, django_capture_on_commit_callbacks, rijbewijs_form())
    assert response.status_code == 302 and response["Location"] == form_url(step="verzonden")
    assert rijbewijs.state == Rijbewijs.State.ONTVANGEN and not Betaling.objects.exists()
    sent = client.get(response["Location"])
    assert sent.status_code == 503
    html = sent.content.decode()
    assert "De betaalpagina is nu niet bereikbaar" in html and rijbewijs.zaak.identificatie in html

    assert nu_betalen(client, rijbewijs).status_code == 302  # still down: back to the sent page
    assert not Betaling.objects.exists()
    settings.MOCK_UNAVAILABLE = set()
    later = nu_betalen(client, rijbewijs)
    assert "/betalen/mock/" in later["Location"]
    kiezen(client, django_capture_on_commit_callbacks, later["Location"])
    assert fresh(rijbewijs).state == Rijbewijs.State.IN_PRODUCTIE
    betaald_once(rijbewijs)
    # Back on the sent page (history, bookmark): the outage is over and no longer reported.
    sent = client.get(form_url(step="verzonden"))
    assert sent.status_code == 200 and "De betaalpagina is nu niet bereikbaar" not in sent.content.decode()


def test_unpaid_application_lapses_after_the_payment_term(client, aanvraag, django_capture_on_commit_callbacks):
    _checkout, rijbewijs = aanvraag
    filed = rijbewijs.zaak.registratiedatum
    sweep_at(filed + timedelta(days=6, hours=23), django_capture_on_commit_callbacks)
    assert fresh(rijbewijs).state == Rijbewijs.State.ONTVANGEN
    assert Betaling.objects.get().status == Betaling.Status.EXPIRED  # the open payment ran out long before
    sweep_at(filed + timedelta(days=7, minutes=1), django_capture_on_commit_callbacks)
    assert fresh(rijbewijs).state == Rijbewijs.State.NIET_BETAALD and rijbewijs.volgende_controle is None
    tracker = client.get(tracker_url(rijbewijs)).content.decode()
    assert "Vervallen" in tracker and "Nu betalen" not in tracker


def test_no_lapse_while_a_payment_is_still_open(client, aanvraag, settings, django_capture_on_commit_callbacks):
    _checkout, rijbewijs = aanvraag
    Betaling.objects.all().delete()
    MockProviderBetaling.objects.all().delete()
    settings.BETALING_GELDIG_MINUTEN = 8 * 24 * 60  # a payment started late in the term, still open at its end
    checkout = nu_betalen(client, rijbewijs)["Location"]
    eind = rijbewijs.zaak.registratiedatum + timedelta(days=7, minutes=1)
    sweep_at(eind, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.ONTVANGEN and rijbewijs.volgende_controle > eind
    # The citizen finishes paying inside the extra hour: the application goes on.
    with time_machine.travel(eind + timedelta(minutes=10), tick=False):
        kiezen(client, django_capture_on_commit_callbacks, checkout)
    assert fresh(rijbewijs).state == Rijbewijs.State.IN_PRODUCTIE
    betaald_once(rijbewijs)


def test_late_payment_after_the_lapse_changes_nothing_and_is_refunded(client, aanvraag,
                                                                     django_capture_on_commit_callbacks):
    checkout, rijbewijs = aanvraag
    provider_id = checkout.rstrip("/").rsplit("/", 1)[-1]
    sweep_at(timezone.now() + timedelta(days=7, minutes=1), django_capture_on_commit_callbacks)
    assert fresh(rijbewijs).state == Rijbewijs.State.NIET_BETAALD
    # The provider reports a late success of the expired payment (a bank that was slow).
    MockProviderBetaling.objects.filter(provider_id=provider_id).update(status="paid")
    _webhook(client, django_capture_on_commit_callbacks, rijbewijs)
    assert fresh(rijbewijs).state == Rijbewijs.State.NIET_BETAALD
    betaling = Betaling.objects.get(zaak=rijbewijs.zaak)
    assert betaling.status == Betaling.Status.PAID and betaling.terugbetaald_op and betaling.terugbetaling_id


def test_expired_payment_is_reported_and_paying_again_makes_a_new_one(client, aanvraag, django_capture_on_commit_callbacks):
    checkout, rijbewijs = aanvraag
    betaling = Betaling.objects.get()
    moment = betaling.expires_at + timedelta(minutes=1)
    sweep_at(moment, django_capture_on_commit_callbacks)
    assert fresh(rijbewijs).state == Rijbewijs.State.ONTVANGEN
    assert Betaling.objects.get().status == Betaling.Status.EXPIRED
    tracker = tracker_op(client, rijbewijs, moment)
    assert "De betaling is verlopen." in tracker and "Nu betalen" in tracker
    with time_machine.travel(moment, tick=False):
        again = nu_betalen(client, rijbewijs)
        assert again["Location"] != checkout
        kiezen(client, django_capture_on_commit_callbacks, again["Location"])
    assert fresh(rijbewijs).state == Rijbewijs.State.IN_PRODUCTIE
    betaald_once(rijbewijs)


def test_a_municipality_without_leges_skips_the_payment(client, digid_login, rijbewijs_form, demo,
                                                        django_capture_on_commit_callbacks):
    from zaken.models import GemeenteProduct

    GemeenteProduct.objects.filter(gemeente=demo["rotterdam"], product__slug="rijbewijs").update(leges=0)
    digid_login(SUZANNE, level="substantieel")
    response, rijbewijs = indienen(client, django_capture_on_commit_callbacks, rijbewijs_form())
    assert response.status_code == 302 and response["Location"] == tracker_url(rijbewijs)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE and rijbewijs.leges_cent == 0
    assert not Betaling.objects.exists()
    assert Document.objects.filter(zaak=rijbewijs.zaak, kenmerk="ontvangstbevestiging").count() == 1
    # Nothing was paid, so no letter says "wij hebben uw betaling ontvangen".
    assert not Document.objects.filter(zaak=rijbewijs.zaak, kenmerk="rijbewijs-betaalbewijs").exists()


def test_provider_down_when_paying_from_the_tracker_in_a_later_session(aanvraag, settings):
    """The next day, from Mijn zaken: the outage is reported there too, not an empty new application form."""
    from django.test import Client

    from tests.conftest import login_session
    from zaken.identity import AuthContext

    _checkout, rijbewijs = aanvraag
    Betaling.objects.all().delete()  # the first payment ran out long ago
    later = Client()
    login_session(later, AuthContext.now(means="digid", level="substantieel", bsn=SUZANNE, display_name="S"))
    settings.MOCK_UNAVAILABLE = {"payments"}
    response = nu_betalen(later, rijbewijs)
    assert response.status_code == 302
    page = later.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 503 and "De betaalpagina is nu niet bereikbaar" in html
    assert rijbewijs.zaak.identificatie in html
