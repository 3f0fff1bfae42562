"""The viewflow process follows the case: it waits in the node that matches the state and ends with it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from zaken.integrations.errors import NotFound
from zaken.integrations.rdw.mock import RdwMock
from zaken.processes.rijbewijs.models import Rijbewijs

from .support import SUZANNE, balie_url, flow_open, fresh, handover, indienen, kiezen, medewerker, sweep_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanvraag(client, digid_login, rijbewijs_form, django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    response, rijbewijs = indienen(client, django_capture_on_commit_callbacks, rijbewijs_form())
    assert flow_open(rijbewijs) == ("NEW", ["betaling"])
    return response["Location"], rijbewijs


def _klaar(client, capture, checkout, rijbewijs):
    kiezen(client, capture, checkout)
    assert flow_open(rijbewijs) == ("NEW", ["productie"])
    sweep_at(fresh(rijbewijs).volgende_controle, capture)
    assert fresh(rijbewijs).state == Rijbewijs.State.KLAAR
    assert flow_open(rijbewijs) == ("NEW", ["afhalen"])
    call_command("backoffice_rechten", verbosity=0)
    client.force_login(medewerker())


def test_handed_out(client, aanvraag, django_capture_on_commit_callbacks):
    checkout, rijbewijs = aanvraag
    _klaar(client, django_capture_on_commit_callbacks, checkout, rijbewijs)
    client.post(balie_url(), handover(rijbewijs))
    assert fresh(rijbewijs).state == Rijbewijs.State.UITGEREIKT
    assert flow_open(rijbewijs) == ("DONE", [])


def test_refused(client, aanvraag, django_capture_on_commit_callbacks):
    checkout, rijbewijs = aanvraag
    _klaar(client, django_capture_on_commit_callbacks, checkout, rijbewijs)
    client.post(balie_url(), handover(rijbewijs, uitkomst="geweigerd", reden="Niet de aanvrager."))
    assert fresh(rijbewijs).state == Rijbewijs.State.AFGEWEZEN
    assert flow_open(rijbewijs) == ("DONE", [])


def test_lapsed(client, aanvraag, django_capture_on_commit_callbacks):
    checkout, rijbewijs = aanvraag
    _klaar(client, django_capture_on_commit_callbacks, checkout, rijbewijs)
    sweep_at(fresh(rijbewijs).volgende_controle, django_capture_on_commit_callbacks)
    assert fresh(rijbewijs).state == Rijbewijs.State.VERVALLEN
    assert flow_open(rijbewijs) == ("DONE", [])


def test_unpaid(aanvraag, django_capture_on_commit_callbacks):
    _checkout, rijbewijs = aanvraag
    sweep_at(timezone.now() + timedelta(days=8), django_capture_on_commit_callbacks)
    assert fresh(rijbewijs).state == Rijbewijs.State.NIET_BETAALD
    assert flow_open(rijbewijs) == ("DONE", [])


def test_refused_by_the_rdw(client, aanvraag, settings, monkeypatch, django_capture_on_commit_callbacks):
    checkout, rijbewijs = aanvraag
    settings.MOCK_UNAVAILABLE = {"rdw"}
    kiezen(client, django_capture_on_commit_callbacks, checkout)
    assert flow_open(rijbewijs) == ("NEW", ["rdw_bestelling"])
    settings.MOCK_UNAVAILABLE = set()

    def refuse(self, **kwargs):
        raise NotFound("no licence to renew")

    monkeypatch.setattr(RdwMock, "bestelling_plaatsen", refuse)
    sweep_at(fresh(rijbewijs).volgende_controle, django_capture_on_commit_callbacks)
    assert fresh(rijbewijs).state == Rijbewijs.State.NAAR_BALIE
    assert flow_open(rijbewijs) == ("DONE", [])
