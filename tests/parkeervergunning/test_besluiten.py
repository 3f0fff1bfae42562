"""Every besluit of the permit is the generic besluit (zaken.documents.besluit): a number, the zone's
Parkeerverordening as its basis, the motivation, the dates, the one rechtsmiddelenclausule; and the applicant
can object to it in the tracker, granted at once or van rechtswege."""

from datetime import date, datetime

import pytest
import time_machine

from tests.bezwaar.helpers import bezwaar_data
from tests.bezwaar.helpers import form_url as bezwaar_url
from tests.logins import burger
from zaken.processes.bezwaar.models import Bezwaar
from zaken.processes.parkeervergunning.models import Vergunningzone
from zaken.termijnen import NL_TIME

from .support import JOHAN, SUZANNE, aanvragen, pdf_text
from .test_lex_silencio import at, lease_op_2_maart

pytestmark = pytest.mark.django_db


def bezwaar_maken(vergunning, besluit, bsn):
    response = burger(bsn).post(bezwaar_url(vergunning.zaak, besluit), bezwaar_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    bezwaar = Bezwaar.objects.get(besluit=besluit)
    assert bezwaar.oorspronkelijke_zaak == vergunning.zaak and bezwaar.zaak.initiator_bsn == bsn
    return bezwaar


def test_the_automatic_grant_is_a_generic_besluit_open_to_bezwaar(client, digid_login, parkeer_form,
                                                                  django_capture_on_commit_callbacks):
    digid_login(SUZANNE)
    _response, vergunning = aanvragen(client, django_capture_on_commit_callbacks, parkeer_form())
    besluit = vergunning.zaak.besluiten.get()
    assert besluit.identificatie.startswith("BESLUIT-") and besluit.document.kenmerk == f"besluit-{besluit.identificatie}"
    assert besluit.grondslag == "artikel 2 van de Parkeerverordening van de gemeente Rotterdam"
    assert besluit.toelichting == vergunning.motivering and "Feijenoord" in besluit.toelichting
    assert (besluit.ingangsdatum, besluit.vervaldatum) == (vergunning.ingangsdatum, vergunning.vervaldatum)
    text = pdf_text(besluit.document)
    for expected in (besluit.identificatie, "Wij verlenen u deze vergunning", vergunning.vergunningnummer,
                     "KSS-27-G", "op grond van artikel 2 van de Parkeerverordening van de gemeente Rotterdam",
                     "Waarom wij zo besluiten", "Bent u het niet eens met dit besluit?", "voorlopige voorziening"):
        assert expected in text, expected
    bezwaar = bezwaar_maken(vergunning, besluit, SUZANNE)
    assert bezwaar.zaak.zaaktype.process_slug == "bezwaar"


def test_the_grant_van_rechtswege_is_open_to_bezwaar(client, digid_login, parkeer_form,
                                                     django_capture_on_commit_callbacks):
    vergunning = lease_op_2_maart(client, digid_login, parkeer_form, django_capture_on_commit_callbacks)
    at(date(2026, 4, 29), django_capture_on_commit_callbacks)
    besluit = vergunning.zaak.besluiten.get()
    assert besluit.grondslag == ("artikel 2 van de Parkeerverordening van de gemeente Rotterdam en artikel 4:20b "
                                 "van de Algemene wet bestuursrecht")
    text = pdf_text(besluit.document)
    assert besluit.identificatie in text and "LGN-98-D" in text and "Geldig tot en met" in text
    # Sent Wednesday 29 April 2026: the bezwaar term runs to Wednesday 10 June.
    assert "uiterlijk op 10 juni 2026 binnen" in text
    with time_machine.travel(datetime(2026, 6, 10, 16, tzinfo=NL_TIME), tick=False):
        bezwaar_maken(vergunning, besluit, JOHAN)


def test_the_waiting_list_is_a_besluit_with_its_letter(client, digid_login, parkeer_form, zones,
                                                       django_capture_on_commit_callbacks):
    """Not granting now for want of room decides on the application: the letter gives the place, the
    Parkeerverordening and the bezwaar clause, and the decision term closes (no lex silencio while waiting)."""
    Vergunningzone.objects.filter(gemeente__slug="rotterdam", naam="Feijenoord").update(capaciteit=0)
    digid_login(SUZANNE)
    _response, vergunning = aanvragen(client, django_capture_on_commit_callbacks, parkeer_form())
    assert vergunning.state == "wachtlijst"
    besluit = vergunning.zaak.besluiten.get()
    assert besluit.besluittype == "Plaatsing op de wachtlijst" and besluit.verzenddatum is not None
    assert besluit.grondslag.startswith("artikel 2 van de Parkeerverordening")
    text = pdf_text(besluit.document)
    for expected in ("Wij verlenen u nu geen vergunning, omdat vergunningzone Feijenoord vol is",
                     "Plaats op de wachtlijst 1", "Bent u het niet eens met dit besluit?"):
        assert expected in text, expected
    assert "Vergunningnummer" not in text and "Geldig vanaf" not in text
    assert vergunning.zaak.termijn_gebeurtenissen.filter(soort="besloten").count() == 1
