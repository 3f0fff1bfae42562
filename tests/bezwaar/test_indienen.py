"""Bezwaar in the tracker: on a besluit whose term runs, filed as a linked case of its own with a receipt;
once per person; refused after the term with the last day and the reason (Awb 6:7, 6:8)."""

from datetime import date, datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from zaken.models import Document, Zaak
from zaken.processes.bezwaar.models import Bezwaar

from .conftest import ESTRELLA
from .helpers import GRONDEN, bezwaar_data, detail_url, form_url, pdf_bijlage

AMS = ZoneInfo("Europe/Amsterdam")
# Sent Monday 30 November 2026: the bezwaar term runs from 1 December to Monday 11 January 2027.
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(datetime(2026, 11, 30, 12, tzinfo=AMS))]


def indienen(client, zaak, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(form_url(zaak), {**bezwaar_data(**data), "bijlagen": [pdf_bijlage()]})


def test_the_tracker_offers_a_bezwaar_on_the_besluit_with_its_last_day(afgewezen, digid_login):
    zaak = afgewezen()
    html = digid_login(ESTRELLA).get(detail_url(zaak)).content.decode()
    assert "bezwaar maken tot en met 11 januari 2027" in html and form_url(zaak) in html
    page = digid_login(ESTRELLA).get(form_url(zaak))
    body = page.content.decode()
    assert page.status_code == 200 and "Bezwaar versturen" in body and "11 januari 2027" in body
    assert "college van burgemeester en wethouders" in body


def test_a_bezwaar_becomes_a_linked_case_with_a_receipt(afgewezen, digid_login, django_capture_on_commit_callbacks):
    zaak = afgewezen()
    client = digid_login(ESTRELLA)
    response = indienen(client, zaak, django_capture_on_commit_callbacks)
    bezwaar = Bezwaar.objects.select_related("zaak").get()
    assert response.status_code == 302 and response["Location"] == detail_url(bezwaar.zaak)
    assert f"Wij hebben uw bezwaar ontvangen. Het is zaak {bezwaar.zaak.identificatie}" in \
        client.get(response["Location"]).content.decode()
    assert bezwaar.oorspronkelijke_zaak == zaak and bezwaar.besluit == zaak.besluiten.get()
    assert bezwaar.gronden == GRONDEN and bezwaar.state == Bezwaar.State.IN_BEHANDELING
    nieuw = bezwaar.zaak
    assert nieuw.gemeente == zaak.gemeente and nieuw.initiator_bsn == ESTRELLA
    assert nieuw.zaaktype.process_slug == "bezwaar"
    # The receipt confirms a bezwaarschrift (Awb 6:14), not an application.
    with nieuw.documenten.get(kenmerk="ontvangstbevestiging").bestand.open("rb") as f:
        ontvangst = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(f.read())).pages).split())
    assert "Ontvangstbevestiging van uw bezwaarschrift" in ontvangst and "artikel 6:14" in ontvangst
    assert "aanvraag" not in ontvangst.lower()
    assert nieuw.documenten.filter(soort=Document.Soort.BIJLAGE).count() == 1
    assert [s.statustype.code for s in nieuw.statussen.all()] == ["ontvangen", "in_behandeling"]
    # Awb 7:10: six weeks after the end of the bezwaar term (11 January 2027): Monday 22 February 2027.
    assert nieuw.uiterlijke_einddatum_afdoening == date(2027, 2, 22)
    # Linked both ways in the tracker.
    html = client.get(detail_url(zaak)).content.decode()
    assert f"U hebt bezwaar gemaakt tegen dit besluit: zaak {nieuw.identificatie}" in html
    assert detail_url(nieuw) in html
    html = client.get(detail_url(nieuw)).content.decode()
    assert "Uw bezwaar" in html and GRONDEN in html and detail_url(zaak) in html


def test_double_submit_files_once_and_a_second_bezwaar_is_refused(afgewezen, digid_login,
                                                                   django_capture_on_commit_callbacks):
    zaak = afgewezen()
    client = digid_login(ESTRELLA)
    indienen(client, zaak, django_capture_on_commit_callbacks)
    again = indienen(client, zaak, django_capture_on_commit_callbacks, gronden="Nog een keer.")
    assert Bezwaar.objects.count() == 1 and Zaak.objects.filter(zaaktype__process_slug="bezwaar").count() == 1
    bezwaar = Bezwaar.objects.get()
    assert again.status_code == 302 and again["Location"] == detail_url(bezwaar.zaak)
    assert "U hebt al bezwaar gemaakt tegen dit besluit" in client.get(again["Location"]).content.decode()
    page = client.get(form_url(zaak)).content.decode()
    assert "U hebt al bezwaar gemaakt tegen dit besluit" in page and "Bezwaar versturen" not in page


@pytest.mark.parametrize("data, error", [
    ({"gronden": ""}, "Schrijf waarom u het niet eens bent met het besluit."),
    ({"verklaring": None}, "Vink de verklaring aan om uw bezwaar te versturen."),
])
def test_gronden_and_declaration_are_required(afgewezen, digid_login, data, error):
    zaak = afgewezen()
    response = digid_login(ESTRELLA).post(form_url(zaak), bezwaar_data(**data))
    assert response.status_code == 400 and error in response.content.decode()
    assert not Bezwaar.objects.exists()


def test_attachments_are_checked_like_any_upload(afgewezen, digid_login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    zaak = afgewezen()
    bad = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = digid_login(ESTRELLA).post(form_url(zaak), {**bezwaar_data(), "bijlagen": [bad]})
    assert response.status_code == 400 and 'id="bijlagen_error"' in response.content.decode()
    assert not Bezwaar.objects.exists()


def test_after_the_term_the_tracker_refuses_with_the_last_day_and_why(afgewezen, digid_login):
    zaak = afgewezen()
    with time_machine.travel(datetime(2027, 1, 12, 9, tzinfo=AMS)):
        client = digid_login(ESTRELLA)
        html = client.get(detail_url(zaak)).content.decode()
        assert "De termijn voor bezwaar is verstreken op 11 januari 2027" in html and form_url(zaak) not in html
        page = client.get(form_url(zaak)).content.decode()
        assert "tot en met 11 januari 2027" in page and "6:7" in page and "Bezwaar versturen" not in page
        response = client.post(form_url(zaak), bezwaar_data())
        assert response.status_code == 400 and "De termijn voor bezwaar tegen dit besluit is verstreken" in \
            response.content.decode()
    assert not Bezwaar.objects.exists()


def test_the_last_day_itself_is_still_open(afgewezen, digid_login, django_capture_on_commit_callbacks):
    zaak = afgewezen()
    with time_machine.travel(datetime(2027, 1, 11, 23, 30, tzinfo=AMS)):
        response = indienen(digid_login(ESTRELLA), zaak, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and Bezwaar.objects.count() == 1


def test_bezwaar_is_not_in_the_catalogue_and_has_no_form_of_its_own(demo, client):
    home = client.get("/rotterdam/").content.decode()
    assert "Verhuismelding" in home or "verhuismelding" in home
    assert "ezwaarschrift" not in home
    page = client.get("/rotterdam/aanvragen/bezwaar/")
    assert page.status_code == 200 and "Bezwaar maken doet u in Mijn zaken" in page.content.decode()


def test_a_besluit_not_sent_yet_takes_no_bezwaar(demo, digid_login):
    from tests.factories import ZaakFactory
    from zaken.actors import Actor
    from zaken.termijn_engine import besluit_vastleggen, termijn_ontvangen

    zaak = ZaakFactory(gemeente=demo["rotterdam"], initiator_bsn=ESTRELLA)
    termijn_ontvangen(zaak=zaak, actor=Actor.system("test"))
    besluit = besluit_vastleggen(zaak=zaak, besluittype="Van rechtswege verleend", datum=date(2026, 11, 27),
                                 actor=Actor.system("test"))  # the engine's besluit van rechtswege, unsent
    client = digid_login(ESTRELLA)
    html = client.get(detail_url(zaak)).content.decode()
    assert "Van rechtswege verleend" in html and "verstreken" not in html and form_url(zaak, besluit) not in html
    page = client.get(form_url(zaak, besluit)).content.decode()
    assert "Dit besluit is nog niet verstuurd" in page and "Bezwaar versturen" not in page
    assert client.post(form_url(zaak, besluit), bezwaar_data()).status_code == 400
    assert not Bezwaar.objects.exists()
