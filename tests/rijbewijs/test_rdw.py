"""The RDW order after payment: retried with backoff while the RDW is down, placed once, refused to the counter."""

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from zaken.integrations.errors import NotFound
from zaken.integrations.models import RdwMockBestelling
from zaken.integrations.rdw.mock import RdwMock
from zaken.models import Status
from zaken.processes.rijbewijs.models import Rijbewijs
from zaken.processes.rijbewijs.automation import POLL_INTERVAL, backoff, rijbewijs_bijwerken

from .support import SUZANNE, fresh, indienen, kiezen, nl, sweep_at, tracker_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def betaald_bij_storing(client, digid_login, rijbewijs_form, settings, django_capture_on_commit_callbacks):
    """Suzanne paid while the RDW is down."""
    digid_login(SUZANNE, level="substantieel")
    response, rijbewijs = indienen(client, django_capture_on_commit_callbacks, rijbewijs_form())
    settings.MOCK_UNAVAILABLE = {"rdw"}
    back = kiezen(client, django_capture_on_commit_callbacks, response["Location"])
    assert back.status_code == 302
    return fresh(rijbewijs)


def test_backoff_doubles_up_to_an_hour():
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4, 7, 8, 20)] == [60, 120, 240, 480, 3600, 3600, 3600]


def test_rdw_down_keeps_the_case_paid_and_retries_with_backoff(client, betaald_bij_storing, settings,
                                                                django_capture_on_commit_callbacks):
    rijbewijs = betaald_bij_storing
    capture = django_capture_on_commit_callbacks
    assert rijbewijs.state == Rijbewijs.State.BETAALD and rijbewijs.rdw_pogingen == 1 and not rijbewijs.rdw_order_id
    first_retry = rijbewijs.volgende_controle
    assert first_retry - timezone.now() <= timedelta(minutes=1)
    tracker = client.get(tracker_url(rijbewijs)).content.decode()
    assert "Betaald" in tracker and "Nu betalen" not in tracker

    # Not due yet: the sweep leaves it alone.
    sweep_at(first_retry - timedelta(seconds=5), capture)
    assert fresh(rijbewijs).rdw_pogingen == 1
    moment = first_retry
    for poging in (2, 3, 4):
        sweep_at(moment, capture)
        rijbewijs = fresh(rijbewijs)
        assert rijbewijs.state == Rijbewijs.State.BETAALD and rijbewijs.rdw_pogingen == poging
        assert rijbewijs.volgende_controle == moment + backoff(poging)
        moment = rijbewijs.volgende_controle
    assert not RdwMockBestelling.objects.exists()

    settings.MOCK_UNAVAILABLE = set()
    sweep_at(moment, capture)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE and rijbewijs.rdw_pogingen == 0
    bestelling = RdwMockBestelling.objects.get()
    assert bestelling.order_id == rijbewijs.rdw_order_id
    assert bestelling.order_key == f"samenloket:{rijbewijs.zaak.identificatie}"
    assert bestelling.categorieen == ["B", "BE"]
    assert Status.objects.filter(zaak=rijbewijs.zaak, to_state="in_productie").count() == 1
    # Another worker or a late sweep changes nothing.
    assert rijbewijs_bijwerken(rijbewijs_id=rijbewijs.pk) == Rijbewijs.State.IN_PRODUCTIE
    assert RdwMockBestelling.objects.count() == 1


def test_order_placed_but_answer_lost_is_the_same_order(betaald_bij_storing, settings,
                                                         django_capture_on_commit_callbacks, monkeypatch):
    """The RDW took the order but its answer never came back: the retry with the same key gets the same order."""
    rijbewijs = betaald_bij_storing
    settings.MOCK_UNAVAILABLE = set()
    plaatsen = RdwMock.bestelling_plaatsen
    from zaken.integrations.errors import Unavailable

    def lost_answer(self, **kwargs):
        plaatsen(self, **kwargs)
        raise Unavailable("timeout after the RDW stored the order")

    monkeypatch.setattr(RdwMock, "bestelling_plaatsen", lost_answer)
    sweep_at(rijbewijs.volgende_controle, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.BETAALD and RdwMockBestelling.objects.count() == 1
    monkeypatch.setattr(RdwMock, "bestelling_plaatsen", plaatsen)
    sweep_at(rijbewijs.volgende_controle, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE
    assert RdwMockBestelling.objects.get().order_id == rijbewijs.rdw_order_id


def test_rdw_refuses_the_order_sends_the_case_to_the_counter(client, betaald_bij_storing, settings, monkeypatch,
                                                             mailoutbox, django_capture_on_commit_callbacks):
    rijbewijs = betaald_bij_storing
    settings.MOCK_UNAVAILABLE = set()

    def refuse(self, **kwargs):
        raise NotFound("no licence to renew")

    monkeypatch.setattr(RdwMock, "bestelling_plaatsen", refuse)
    sweep_at(rijbewijs.volgende_controle, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.NAAR_BALIE and rijbewijs.volgende_controle is None
    assert "De RDW neemt de bestelling niet aan" in rijbewijs.reden
    assert any("niet online worden verlengd" in m.subject for m in mailoutbox)
    tracker = client.get(tracker_url(rijbewijs)).content.decode()
    assert "Naar de balie" in tracker and "Maak een afspraak bij de gemeente" in tracker
    # Nothing more for the sweep to do.
    sweep_at(timezone.now() + timedelta(days=1), django_capture_on_commit_callbacks)
    assert fresh(rijbewijs).state == Rijbewijs.State.NAAR_BALIE


def test_rdw_down_while_asking_whether_ready(betaald_bij_storing, settings, django_capture_on_commit_callbacks):
    rijbewijs = betaald_bij_storing
    settings.MOCK_UNAVAILABLE = set()
    sweep_at(rijbewijs.volgende_controle, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE
    gereed = rijbewijs.volgende_controle
    settings.MOCK_UNAVAILABLE = {"rdw"}
    sweep_at(gereed, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE and rijbewijs.rdw_pogingen == 1
    settings.MOCK_UNAVAILABLE = set()
    sweep_at(rijbewijs.volgende_controle, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.KLAAR and rijbewijs.rdw_pogingen == 0


def test_not_ready_yet_is_asked_again_later(betaald_bij_storing, settings, django_capture_on_commit_callbacks):
    rijbewijs = betaald_bij_storing
    settings.MOCK_UNAVAILABLE = set()
    sweep_at(rijbewijs.volgende_controle, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    # The RDW is slower than expected: a day later than the order said.
    RdwMockBestelling.objects.update(gereed_op=rijbewijs.verwacht_gereed + timedelta(days=1))
    gevraagd = rijbewijs.volgende_controle
    sweep_at(gevraagd, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE and rijbewijs.volgende_controle == gevraagd + POLL_INTERVAL
    sweep_at(gevraagd + timedelta(days=1), django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.KLAAR
    assert rijbewijs.gereed_op == rijbewijs.verwacht_gereed + timedelta(days=1)


def test_an_order_placed_days_late_is_produced_from_the_day_it_is_placed(client, digid_login, rijbewijs_form, settings,
                                                                         django_capture_on_commit_callbacks):
    """Paid on Monday 2 March 2026 while the RDW is down until Thursday 5 March: the RDW makes the card two
    working days after it gets the order (Monday 9 March), and the tracker's expected date says so."""
    capture = django_capture_on_commit_callbacks
    digid_login(SUZANNE, level="substantieel")
    with time_machine.travel(nl(2026, 3, 2, 10), tick=False):
        response, rijbewijs = indienen(client, capture, rijbewijs_form())
        settings.MOCK_UNAVAILABLE = {"rdw"}
        kiezen(client, capture, response["Location"])
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.BETAALD and rijbewijs.verwacht_gereed == date(2026, 3, 4)

    settings.MOCK_UNAVAILABLE = set()
    sweep_at(nl(2026, 3, 5, 10), capture)
    rijbewijs = fresh(rijbewijs)
    bestelling = RdwMockBestelling.objects.get()
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE
    assert bestelling.geplaatst_op == date(2026, 3, 5) and bestelling.gereed_op == date(2026, 3, 9)
    assert rijbewijs.verwacht_gereed == date(2026, 3, 9) and rijbewijs.zaak.einddatum_gepland == date(2026, 3, 9)
    assert rijbewijs.volgende_controle == nl(2026, 3, 9, 0, 5)
    sweep_at(nl(2026, 3, 5, 10, 5), capture)
    assert fresh(rijbewijs).state == Rijbewijs.State.IN_PRODUCTIE  # not ready the moment it is ordered
    sweep_at(nl(2026, 3, 9, 0, 5), capture)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.KLAAR and rijbewijs.gereed_op == date(2026, 3, 9)


def test_a_lost_order_task_is_picked_up_by_the_sweep(client, digid_login, rijbewijs_form, monkeypatch,
                                                     django_capture_on_commit_callbacks):
    """The worker never ran the order step queued at payment (broker hiccup, worker killed): the sweep orders."""
    from zaken.processes.rijbewijs import tasks

    digid_login(SUZANNE, level="substantieel")
    response, rijbewijs = indienen(client, django_capture_on_commit_callbacks, rijbewijs_form())
    monkeypatch.setattr(tasks.bijwerken, "apply_async", lambda *args, **kwargs: None)
    kiezen(client, django_capture_on_commit_callbacks, response["Location"])
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.BETAALD and not RdwMockBestelling.objects.exists()
    monkeypatch.undo()
    sweep_at(timezone.now() + timedelta(minutes=5), django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE and RdwMockBestelling.objects.count() == 1


def test_a_stray_early_task_does_not_move_the_poll(betaald_bij_storing, settings, django_capture_on_commit_callbacks):
    """A second, early run of the step (the sweep and the queued task both took the case) keeps the plan."""
    rijbewijs = betaald_bij_storing
    settings.MOCK_UNAVAILABLE = set()
    sweep_at(rijbewijs.volgende_controle, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    gepland = rijbewijs.volgende_controle
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE and gepland > timezone.now()
    assert rijbewijs_bijwerken(rijbewijs_id=rijbewijs.pk) == Rijbewijs.State.IN_PRODUCTIE
    assert fresh(rijbewijs).volgende_controle == gepland
