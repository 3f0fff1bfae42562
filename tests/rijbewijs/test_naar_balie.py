"""The RDW refuses the order: the case goes to the counter and the leges are refunded."""

import pytest

from zaken.integrations.errors import NotFound
from zaken.integrations.rdw.mock import RdwMock
from zaken.integrations.registry import get_adapter
from zaken.models import Betaling
from zaken.processes.rijbewijs.models import Rijbewijs

from .helpers import SUZANNE, aanvragen, betalen

pytestmark = pytest.mark.django_db


def test_refused_order_goes_to_the_counter_with_a_refund(client, balies, digid_login, rijbewijs_form, monkeypatch,
                                                         django_capture_on_commit_callbacks, mailoutbox):
    def weigeren(self, **kwargs):  # the mock RDW's backend: it answers 422 geenRijbewijs
        raise NotFound("licence withdrawn since the application")

    monkeypatch.setattr(RdwMock, "bestelling_plaatsen", weigeren)
    digid_login(SUZANNE, level="substantieel")
    with django_capture_on_commit_callbacks(execute=True):
        response, rijbewijs = aanvragen(client, rijbewijs_form())
    with django_capture_on_commit_callbacks(execute=True):
        back = betalen(client, response["Location"])
    rijbewijs.refresh_from_db()
    assert rijbewijs.state == Rijbewijs.State.NAAR_BALIE
    betaling = Betaling.objects.get(zaak=rijbewijs.zaak)
    assert betaling.status == Betaling.Status.PAID and betaling.terugbetaald_op and betaling.terugbetaling_id
    tracker = client.get(back["Location"]).content.decode()
    assert "Naar de balie" in tracker and "Leges terugbetaald" in tracker
    assert any("terug" in m.body for m in mailoutbox)


def test_payment_after_the_application_lapsed_is_refunded(client, balies, digid_login, rijbewijs_form,
                                                          django_capture_on_commit_callbacks):
    from zaken.actors import Actor
    from zaken.processes.rijbewijs.services import rijbewijs_betaald

    digid_login(SUZANNE, level="substantieel")
    with django_capture_on_commit_callbacks(execute=True):
        response, rijbewijs = aanvragen(client, rijbewijs_form())
    rijbewijs.niet_betaald(by=Actor.system("test"))
    rijbewijs.save()
    betaling = Betaling.objects.get(zaak=rijbewijs.zaak)
    get_adapter("payments").kiezen(betaling.provider_id, "paid")
    betaling.betaald(betaling.created)  # as betaling_verwerken does, just before it calls the hook
    betaling.save()
    with django_capture_on_commit_callbacks(execute=True):
        rijbewijs_betaald(betaling)
    betaling.refresh_from_db()
    rijbewijs.refresh_from_db()
    assert rijbewijs.state == Rijbewijs.State.NIET_BETAALD and betaling.terugbetaald_op
