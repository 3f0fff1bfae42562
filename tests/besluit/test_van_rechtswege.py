"""Lex silencio positivo end to end: the engine's sweep writes the besluit van rechtswege, the process's
on_van_rechtswege hook calls besluit_van_rechtswege_bekendmaken, and the applicant gets a PDF that says so."""

from datetime import date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from tests.factories import ZaakFactory
from zaken.actors import Actor
from zaken.documents.besluit import besluit_van_rechtswege_bekendmaken
from zaken.models import Besluit, Document
from zaken.registry import ProcessDefinition, processes
from zaken.termijn_engine import termijn_ontvangen
from zaken.timers import sweep

AMS = ZoneInfo("Europe/Amsterdam")
SLUG = "test-verhuizing"  # the factories' zaaktype, registered here as a permit with lex silencio
pytestmark = pytest.mark.django_db


def on_van_rechtswege(*, zaak, besluit):
    """What a permit process's hook does (ProcessDefinition.on_van_rechtswege)."""
    besluit_van_rechtswege_bekendmaken(zaak=zaak, besluit=besluit,
                                       grondslag="artikel 4:20b Awb en artikel 9 van de Parkeerverordening")


@pytest.fixture
def vergunning():
    processes.unregister(SLUG)
    processes.register(SLUG, ProcessDefinition(
        slug=SLUG, zaaktype_identificatie="TEST-VERHUIZING", zaaktype_omschrijving="Test", public_statuses=(),
        default_terms={"lex_silencio_positivo": True}, bestuursorgaan="de burgemeester van %(gemeente)s",
        on_van_rechtswege="tests.besluit.test_van_rechtswege.on_van_rechtswege"))
    yield
    processes.unregister(SLUG)


def test_sweep_grants_van_rechtswege_with_a_pdf_that_says_so(vergunning, demo):
    with time_machine.travel(datetime(2026, 3, 9, 10, tzinfo=AMS), tick=False):  # 8 weeks: ends Monday 4 May
        zaak = ZaakFactory(gemeente=demo["rotterdam"])
        termijn_ontvangen(zaak=zaak, actor=Actor.system("test"))
    with time_machine.travel(datetime(2026, 5, 4, 12, tzinfo=AMS), tick=False):
        assert sweep()["van_rechtswege"] == 0  # the last day still belongs to the term
    with time_machine.travel(datetime(2026, 5, 5, 6, tzinfo=AMS), tick=False):
        assert sweep()["van_rechtswege"] == 1
    besluit = Besluit.objects.get(zaak=zaak)
    # 4:20b: given on 5 May, in force on the 3rd day after the term; sent (4:20c) the day of the sweep.
    assert (besluit.datum, besluit.ingangsdatum, besluit.verzenddatum) == (date(2026, 5, 5), date(2026, 5, 7),
                                                                          date(2026, 5, 5))
    assert besluit.bestuursorgaan == "de burgemeester van Rotterdam" and besluit.identificatie
    with besluit.document.bestand.open("rb") as f:
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(f.read())).pages).split())
    assert "van rechtswege verleend (artikel 4:20b van de Algemene wet bestuursrecht)" in text
    assert "geldt vanaf 7 mei 2026" in text and "artikel 9 van de Parkeerverordening" in text
    # Sent Tuesday 5 May 2026: six weeks end on Tuesday 16 June.
    assert "uiterlijk op 16 juni 2026 binnen" in text and "naar de burgemeester van Rotterdam" in text
    assert Document.objects.filter(zaak=zaak, soort=Document.Soort.BESLUIT).count() == 1
