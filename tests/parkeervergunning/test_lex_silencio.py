"""Lex silencio positivo (Awb 4:20b): an undecided permit is granted van rechtswege by the beat task.

Hand-computed: filed Monday 2 March 2026; 8 weeks end on Monday 27 April 2026, Koningsdag, so the
term runs to Tuesday 28 April (Atw art. 1). Nothing happens on the 28th; on Wednesday 29 April the
permit is given van rechtswege, in force on the 3rd day after the term: Friday 1 May 2026.
"""

from datetime import date, datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from zaken.models import TermijnGebeurtenis
from zaken.processes.parkeervergunning.models import Parkeervergunning
from zaken.termijnen import NL_TIME
from zaken.timers import sweep

from .support import JOHAN, aanvragen, pdf_text

pytestmark = pytest.mark.django_db


def at(day: date, capture):
    with time_machine.travel(datetime(day.year, day.month, day.day, 9, 0, tzinfo=NL_TIME), tick=False), \
            capture(execute=True):
        return sweep()


def lease_op_2_maart(client, digid_login, parkeer_form, capture, ingangsdatum="2026-03-02"):
    """Johan files for his lease car on Monday 2 March 2026; a civil servant should decide."""
    with time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=NL_TIME), tick=False):
        digid_login(JOHAN)
        pdf = SimpleUploadedFile("contract.pdf", b"%PDF-1.7 lease", content_type="application/pdf")
        return aanvragen(client, capture, parkeer_form(kenteken="LGN-98-D", ingangsdatum=ingangsdatum, bewijs=pdf))[1]


@pytest.fixture
def onbeslist(client, digid_login, parkeer_form, django_capture_on_commit_callbacks):
    vergunning = lease_op_2_maart(client, digid_login, parkeer_form, django_capture_on_commit_callbacks)
    assert vergunning.state == Parkeervergunning.State.IN_BEHANDELING
    vergunning.zaak.refresh_from_db()
    assert vergunning.zaak.uiterlijke_einddatum_afdoening == date(2026, 4, 28)
    return vergunning


def test_granted_van_rechtswege_on_the_right_day_not_a_day_earlier(onbeslist, django_capture_on_commit_callbacks):
    from zaken.processes.parkeervergunning.flows import ParkeervergunningFlow

    assert at(date(2026, 4, 28), django_capture_on_commit_callbacks)["van_rechtswege"] == 0
    onbeslist.refresh_from_db()
    assert onbeslist.state == Parkeervergunning.State.IN_BEHANDELING and not onbeslist.zaak.besluiten.exists()

    assert at(date(2026, 4, 29), django_capture_on_commit_callbacks)["van_rechtswege"] == 1
    onbeslist.refresh_from_db()
    assert onbeslist.state == Parkeervergunning.State.VAN_RECHTSWEGE_VERLEEND
    assert (onbeslist.ingangsdatum, onbeslist.vervaldatum) == (date(2026, 5, 1), date(2027, 4, 30))
    besluit = onbeslist.zaak.besluiten.get()
    assert (besluit.datum, besluit.ingangsdatum, besluit.vervaldatum, besluit.verzenddatum) == (
        date(2026, 4, 29), date(2026, 5, 1), date(2027, 4, 30), date(2026, 4, 29))
    soorten = list(TermijnGebeurtenis.objects.filter(zaak=onbeslist.zaak).values_list("soort", flat=True))
    assert soorten.count("besloten") == 1 and soorten.count("bekendgemaakt") == 1
    text = pdf_text(besluit.document)
    assert "van rechtswege verleend" in text and "4:20b" in text and "1 mei 2026" in text and "bezwaar" in text
    # The civil servant's task is closed with the process: nothing is left to decide.
    process = ParkeervergunningFlow.process_class.objects.get(artifact_object_id=onbeslist.pk,
                                                              flow_class=ParkeervergunningFlow)
    assert process.status == "CANCELED"
    assert not process.task_set.filter(status__in=["NEW", "ASSIGNED"]).exists()
    # A second sweep changes nothing.
    assert at(date(2026, 4, 30), django_capture_on_commit_callbacks)["van_rechtswege"] == 0
    assert onbeslist.zaak.besluiten.count() == 1


def test_a_later_start_date_asked_for_is_kept(client, digid_login, parkeer_form, django_capture_on_commit_callbacks):
    vergunning = lease_op_2_maart(client, digid_login, parkeer_form, django_capture_on_commit_callbacks,
                                  ingangsdatum="2026-05-20")
    at(date(2026, 4, 29), django_capture_on_commit_callbacks)
    vergunning.refresh_from_db()
    assert vergunning.state == "van_rechtswege_verleend" and vergunning.ingangsdatum == date(2026, 5, 20)


def test_a_waiting_list_case_is_not_granted_van_rechtswege(client, digid_login, parkeer_form, zones,
                                                           django_capture_on_commit_callbacks):
    """The placement on the waiting list is a besluit: the decision term closed with it."""
    from zaken.processes.parkeervergunning.models import Vergunningzone

    Vergunningzone.objects.filter(gemeente__slug="rotterdam", naam="Noord").update(capaciteit=0)
    vergunning = lease_op_2_maart(client, digid_login, parkeer_form, django_capture_on_commit_callbacks)
    assert vergunning.state == "wachtlijst"
    assert at(date(2026, 4, 29), django_capture_on_commit_callbacks)["van_rechtswege"] == 0
    vergunning.refresh_from_db()
    assert vergunning.state == "wachtlijst"
