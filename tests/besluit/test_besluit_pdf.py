"""The generic besluit (zaken.documents.besluit): one PDF with basis (3:47), motivation (3:46), dates, and the
rechtsmiddelenclausule (3:45, 6:5, 6:7) naming the last day and whom to send the bezwaar to."""

from datetime import date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from tests.factories import ZaakFactory
from zaken.actors import Actor
from zaken.documents.besluit import besluit_document_maken, besluit_nemen
from zaken.models import Besluit, Document, TermijnGebeurtenis
from zaken.termijn_engine import termijn_ontvangen

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(datetime(2026, 11, 30, 10, tzinfo=AMS))]
ACTOR = Actor.system("test")


def pdf_text(document) -> str:
    with document.bestand.open("rb") as f:
        data = f.read()
    return " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages).split())


@pytest.fixture
def zaak(demo):
    zaak = ZaakFactory(gemeente=demo["rotterdam"])
    termijn_ontvangen(zaak=zaak, actor=ACTOR)
    return zaak


def nemen(zaak, **kwargs):
    return besluit_nemen(zaak=zaak, besluittype="Parkeervergunning verleend", actor=ACTOR,
                         motivering="U woont in zone A en de auto staat op uw naam.",
                         grondslag="artikel 2 van de Parkeerverordening Rotterdam 2024",
                         ingangsdatum=date(2026, 12, 1), vervaldatum=date(2027, 11, 30), **kwargs)


def test_besluit_pdf_has_basis_motivation_dates_and_bezwaar_clause(zaak):
    besluit = nemen(zaak)
    text = pdf_text(besluit.document)
    assert besluit.document.soort == Document.Soort.BESLUIT and besluit.document.zichtbaar_voor_aanvrager
    # 3:46 and 3:47
    assert "Waarom wij zo besluiten" in text and "U woont in zone A en de auto staat op uw naam." in text
    assert "op grond van artikel 2 van de Parkeerverordening Rotterdam 2024" in text
    # The decision and its dates
    assert "Parkeervergunning verleend" in text and "geldt vanaf 1 december 2026" in text
    assert "tot en met 30 november 2027" in text
    # Sent Monday 30 November 2026: from Tuesday 1 December, six weeks end on Monday 11 January 2027.
    assert "binnen 6 weken" in text and "dag na de datum van deze brief" in text
    assert "uiterlijk op 11 januari 2027 binnen" in text
    assert "college van burgemeester en wethouders van Rotterdam" in text
    assert "artikel 6:5" in text and "voorlopige voorziening" in text
    assert besluit.identificatie in text and zaak.identificatie in text


def test_besluit_is_numbered_per_municipality_sent_today_and_recorded_by_the_engine(zaak, demo):
    eerste, tweede = nemen(zaak), nemen(zaak)
    assert eerste.identificatie == "BESLUIT-2026-0000001" and tweede.identificatie == "BESLUIT-2026-0000002"
    anders = ZaakFactory(gemeente=demo["den-haag"])
    assert nemen(anders).identificatie == "BESLUIT-2026-0000001"
    assert eerste.verzenddatum == date(2026, 11, 30) and eerste.grondslag.startswith("artikel 2")
    soorten = set(TermijnGebeurtenis.objects.filter(besluit=eerste).values_list("soort", flat=True))
    assert soorten == {"besloten", "bekendgemaakt"}


def test_bestuursorgaan_names_the_burgemeester_where_he_decides(zaak):
    text = pdf_text(nemen(zaak, bestuursorgaan="de burgemeester van Rotterdam").document)
    assert "Stuur uw bezwaarschrift naar de burgemeester van Rotterdam" in text
    assert "college van burgemeester en wethouders" not in text


def test_a_retry_stores_the_letter_once(zaak):
    besluit = nemen(zaak)
    again = besluit_document_maken(besluit=besluit)
    assert again.pk == besluit.document_id
    assert Document.objects.filter(zaak=zaak, soort=Document.Soort.BESLUIT).count() == 1


def test_the_tracker_lists_the_besluit_and_its_letter(zaak, digid_login):
    besluit = nemen(zaak)
    html = digid_login(zaak.initiator_bsn).get(f"/rotterdam/mijn-zaken/{zaak.identificatie}/").content.decode()
    assert "Parkeervergunning verleend, 30 november 2026" in html and besluit.document.titel in html
    assert "bezwaar maken tot en met 11 januari 2027" in html


def test_besluit_van_rechtswege_says_so(zaak):
    from datetime import timedelta

    from zaken.documents.besluit import besluit_van_rechtswege_bekendmaken
    from zaken.termijn_engine import besluit_vastleggen

    # As zaken.termijn_engine._van_rechtswege writes it: not sent yet; the process's hook publishes it.
    besluit = besluit_vastleggen(zaak=zaak, besluittype="Van rechtswege verleend", datum=date(2026, 11, 27),
                                 ingangsdatum=date(2026, 11, 27) + timedelta(days=2), actor=ACTOR,
                                 toelichting="Niet binnen de beslistermijn besloten (artikel 4:20b Awb).")
    besluit = besluit_van_rechtswege_bekendmaken(zaak=zaak, besluit=besluit,
                                                 grondslag="artikel 4:20b Awb en artikel 8 van de Parkeerverordening")
    text = pdf_text(besluit.document)
    assert besluit.verzenddatum == date(2026, 11, 30)
    assert "van rechtswege verleend (artikel 4:20b van de Algemene wet bestuursrecht)" in text
    assert "geldt vanaf 29 november 2026" in text and "artikel 8 van de Parkeerverordening" in text
    assert "uiterlijk op 11 januari 2027 binnen" in text
    assert Besluit.objects.get(pk=besluit.pk).document_id == besluit.document_id


def test_the_running_header_of_the_next_pages_names_the_case_number(zaak):
    """The header of page 2 reads "Zaaknummer ZAAK-...", never the besluit number under that label."""
    besluit = besluit_nemen(zaak=zaak, besluittype="Parkeervergunning verleend", actor=ACTOR, grondslag="artikel 2",
                            motivering="\n".join(["Een lange motivering die de brief over twee bladzijden zet."] * 12))
    with besluit.document.bestand.open("rb") as f:
        pages = [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(f.read())).pages]
    assert len(pages) > 1
    assert f"Zaaknummer {zaak.identificatie}" in pages[1] and f"Zaaknummer {besluit.identificatie}" not in pages[1]
