"""The pickup term with time travel: the last day, the lapse, its letter and the report "not issued" to the RDW.

Suzanne pays on Thursday 22 January 2026; the RDW mock is ready two working days later, on Monday
26 January. Three months on is Sunday 26 April; Monday 27 April is King's Day (Atw art. 3), so the
last pickup day is Tuesday 28 April 2026 (Atw art. 1).
"""

from datetime import date

import pytest
import time_machine

from zaken.integrations.models import RdwMockBestelling
from zaken.integrations.rdw.client import RdwHttp
from zaken.models import Document
from zaken.processes.rijbewijs.models import Rijbewijs
from zaken.processes.rijbewijs.automation import rijbewijs_bijwerken

from .support import SUZANNE, fresh, indienen, kiezen, klaar, nl, sweep_at, tracker_op

pytestmark = pytest.mark.django_db

LAATSTE_DAG = date(2026, 4, 28)


@pytest.fixture
def klaar_in_januari(client, digid_login, rijbewijs_form, django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    return klaar(client, django_capture_on_commit_callbacks, rijbewijs_form(), betaald_op=nl(2026, 1, 22, 10))


@pytest.fixture
def meldingen(monkeypatch):
    """Every report "not issued" sent to the RDW (calls while it is down included)."""
    calls = []
    original = RdwHttp.niet_uitgereikt_melden

    def counted(self, order_id):
        calls.append(order_id)
        return original(self, order_id)

    monkeypatch.setattr(RdwHttp, "niet_uitgereikt_melden", counted)
    return calls


def test_last_pickup_day_is_three_months_moved_past_sunday_and_kings_day(client, klaar_in_januari):
    rijbewijs = klaar_in_januari
    assert rijbewijs.gereed_op == date(2026, 1, 26)
    assert rijbewijs.afhalen_uiterlijk == LAATSTE_DAG
    assert rijbewijs.volgende_controle == nl(2026, 4, 29, 0, 5)
    assert Document.objects.filter(zaak=rijbewijs.zaak, kenmerk="rijbewijs-afhalen").count() == 1
    tracker = tracker_op(client, rijbewijs, nl(2026, 1, 26, 9))
    assert "Klaar om af te halen" in tracker and "28 april 2026" in tracker


def test_no_lapse_on_the_last_day(klaar_in_januari, meldingen, django_capture_on_commit_callbacks):
    rijbewijs = klaar_in_januari
    sweep_at(nl(2026, 4, 28, 23, 59), django_capture_on_commit_callbacks)
    assert fresh(rijbewijs).state == Rijbewijs.State.KLAAR
    # Even a step that is run early (a stray task) does not lapse it before the day is over.
    with time_machine.travel(nl(2026, 4, 28, 23, 59), tick=False):
        assert rijbewijs_bijwerken(rijbewijs_id=rijbewijs.pk) == Rijbewijs.State.KLAAR
    assert meldingen == [] and not Document.objects.filter(kenmerk="rijbewijs-vervallen").exists()


def test_lapse_after_the_last_day(client, klaar_in_januari, meldingen, mailoutbox,
                                  django_capture_on_commit_callbacks):
    rijbewijs = klaar_in_januari
    mailoutbox.clear()
    sweep_at(nl(2026, 4, 29, 0, 5), django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.VERVALLEN
    assert rijbewijs.rdw_niet_uitgereikt_gemeld and rijbewijs.volgende_controle is None
    assert RdwMockBestelling.objects.get().niet_uitgereikt_op == date(2026, 4, 29)
    assert meldingen == [rijbewijs.rdw_order_id]
    assert Document.objects.filter(zaak=rijbewijs.zaak, kenmerk="rijbewijs-vervallen").count() == 1
    assert [m.subject.split(" (")[0] for m in mailoutbox] == ["Uw nieuwe rijbewijs is vervallen"]
    status = rijbewijs.zaak.statussen.order_by("-pk").first()
    assert status.to_state == "vervallen" and "tot en met 28-04-2026" in status.statustoelichting
    assert rijbewijs.zaak.__class__.objects.get(pk=rijbewijs.zaak.pk).einddatum is not None

    tracker = tracker_op(client, rijbewijs, nl(2026, 4, 29, 9))
    assert "Vervallen" in tracker and "Vraag het opnieuw aan" in tracker

    # Nothing is due any more: a later sweep reports nothing twice.
    sweep_at(nl(2026, 5, 29, 12), django_capture_on_commit_callbacks)
    assert len(meldingen) == 1


def test_rdw_down_at_the_lapse_retries_the_report_once(klaar_in_januari, meldingen, settings,
                                                       django_capture_on_commit_callbacks):
    rijbewijs = klaar_in_januari
    settings.MOCK_UNAVAILABLE = {"rdw"}
    sweep_at(nl(2026, 4, 29, 0, 5), django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.state == Rijbewijs.State.VERVALLEN and not rijbewijs.rdw_niet_uitgereikt_gemeld
    assert rijbewijs.rdw_pogingen == 1 and rijbewijs.volgende_controle == nl(2026, 4, 29, 0, 6)
    sweep_at(rijbewijs.volgende_controle, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.rdw_pogingen == 2 and RdwMockBestelling.objects.get().niet_uitgereikt_op is None

    settings.MOCK_UNAVAILABLE = set()
    sweep_at(rijbewijs.volgende_controle, django_capture_on_commit_callbacks)
    rijbewijs = fresh(rijbewijs)
    assert rijbewijs.rdw_niet_uitgereikt_gemeld and rijbewijs.volgende_controle is None
    assert RdwMockBestelling.objects.get().niet_uitgereikt_op == date(2026, 4, 29)
    assert len(meldingen) == 3  # two tries while it was down, one that arrived
    # The lapse itself happened once: one letter, one status.
    assert Document.objects.filter(zaak=rijbewijs.zaak, kenmerk="rijbewijs-vervallen").count() == 1
    assert rijbewijs.zaak.statussen.filter(to_state="vervallen").count() == 1
    assert rijbewijs_bijwerken(rijbewijs_id=rijbewijs.pk) == Rijbewijs.State.VERVALLEN
    assert len(meldingen) == 3


def test_no_bsn_or_name_in_the_logs_of_a_whole_renewal(client, digid_login, rijbewijs_form, caplog, settings,
                                                       django_capture_on_commit_callbacks):
    import logging

    caplog.set_level(logging.DEBUG)
    digid_login(SUZANNE, level="substantieel")
    with time_machine.travel(nl(2026, 1, 22, 10), tick=False):
        response, rijbewijs = indienen(client, django_capture_on_commit_callbacks, rijbewijs_form())
        settings.MOCK_UNAVAILABLE = {"rdw"}  # the retry paths log too
        kiezen(client, django_capture_on_commit_callbacks, response["Location"])
    settings.MOCK_UNAVAILABLE = set()
    sweep_at(nl(2026, 1, 23, 10), django_capture_on_commit_callbacks)
    sweep_at(nl(2026, 1, 27, 10), django_capture_on_commit_callbacks)  # ordered Friday, ready Tuesday
    assert fresh(rijbewijs).state == Rijbewijs.State.KLAAR
    sweep_at(nl(2026, 4, 29, 10), django_capture_on_commit_callbacks)
    assert fresh(rijbewijs).state == Rijbewijs.State.VERVALLEN
    assert caplog.records
    assert SUZANNE not in caplog.text and "Moulin" not in caplog.text
