"""The dossier shows the decision term: its dated events, the derived end date and the bezwaar term."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaken.actors import Actor
from zaken.termijn_engine import besluit_vastleggen
from zaken.verzoeken import verzoek_beantwoorden, verzoek_stellen

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
ACTOR = Actor.system("test")


def dossier_url(zaak):
    return f"/behandelen/zaken/{zaak.pk}/"


@pytest.fixture
def aanvraag(registreer, gemeente_a):
    # Registered Monday 2 November 2026: the test process has the engine's default, 8 weeks statutory.
    with time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=AMS), tick=False):
        return registreer(gemeente_a)


def test_dossier_shows_term_history_and_current_end_date(client, medewerker_a, aanvraag):
    zaak = aanvraag.zaak
    with time_machine.travel(datetime(2026, 12, 14, 10, tzinfo=AMS), tick=False):
        verzoek = verzoek_stellen(zaak=zaak, vraag="Stuur het contract.", termijn=date(2026, 12, 28), actor=ACTOR)
    with time_machine.travel(datetime(2026, 12, 21, 10, tzinfo=AMS), tick=False):
        verzoek_beantwoorden(verzoek=verzoek, antwoord="Bijgevoegd.", bijlagen=[], actor=ACTOR)
    besluit_vastleggen(zaak=zaak, besluittype="Toegekend", datum=date(2026, 12, 31), verzenddatum=date(2026, 12, 31),
                       actor=ACTOR)
    client.force_login(medewerker_a)
    html = client.get(dossier_url(zaak)).content.decode()
    assert "Beslistermijn" in html and "wettelijke termijn" in html
    assert "4 januari 2027" in html  # 28 December + 6 suspended days = Sunday 3 January -> Atw art. 1
    assert "Herinnering vanaf" in html and "30 december 2026" in html  # 5 days ahead (engine default)
    for text in ("Aanvraag ontvangen", "Termijn opgeschort", "Termijn loopt weer", "Besluit genomen",
                 "Besluit bekendgemaakt", "15 december 2026", "21 december 2026"):
        assert text in html, text
    # Sent 31 December 2026: six weeks end on Thursday 11 February 2027.
    assert "bezwaar tot en met 11 februari 2027" in html


def test_dossier_queries_do_not_grow_with_term_events(client, medewerker_a, aanvraag):
    zaak = aanvraag.zaak
    client.force_login(medewerker_a)

    def queries():
        client.get(dossier_url(zaak))  # steady state: a first request also stores the activity (once a minute)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(dossier_url(zaak)).status_code == 200
        return len(captured)

    # A case without besluiten skips the bezwaar look-ups; from the first besluit on the count is fixed.
    besluit_vastleggen(zaak=zaak, besluittype="Besluit 0", datum=date(2026, 12, 1), verzenddatum=date(2026, 12, 1),
                       actor=ACTOR)
    one = queries()
    with time_machine.travel(datetime(2026, 11, 9, 10, tzinfo=AMS), tick=False):
        for nr in range(3):
            verzoek = verzoek_stellen(zaak=zaak, vraag=f"Vraag {nr}?", termijn=date(2026, 11, 20) + timedelta(nr),
                                      actor=ACTOR)
            verzoek_beantwoorden(verzoek=verzoek, antwoord="Ja.", bijlagen=[], actor=ACTOR)
    for nr in range(1, 3):
        besluit_vastleggen(zaak=zaak, besluittype=f"Besluit {nr}", datum=date(2026, 12, 1),
                           verzenddatum=date(2026, 12, 1), actor=ACTOR)
    assert queries() == one


def verlengen_url(zaak):
    return f"/behandelen/zaken/{zaak.pk}/termijn-verlengen/"


def test_civil_servant_extends_the_term_before_it_ends_awb_4_14(client, medewerker_a, aanvraag, mailoutbox,
                                                                private_storage, django_capture_on_commit_callbacks):
    zaak = aanvraag.zaak  # 8 weeks from Tuesday 3 November: ends Monday 28 December 2026
    with time_machine.travel(datetime(2026, 12, 1, 10, tzinfo=AMS), tick=False):
        client.force_login(medewerker_a)
        page = client.get(dossier_url(zaak)).content.decode()
        assert "Beslistermijn verlengen (artikel 4:14 Awb)" in page and "28 december 2026" in page
        refused = client.post(verlengen_url(zaak), {"tot": "2026-12-20", "reden": "Advies nodig."})
        assert refused.status_code == 400 and "Kies een datum na het huidige einde van de termijn" in \
            refused.content.decode()
        assert client.post(verlengen_url(zaak), {"tot": "2027-02-15", "reden": ""}).status_code == 400
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(verlengen_url(zaak), {"tot": "2027-02-15", "reden": "Wij wachten op een advies."})
    assert response.status_code == 302 and response["Location"].endswith("#termijn")
    zaak.refresh_from_db()
    assert zaak.uiterlijke_einddatum_afdoening == date(2027, 2, 15)
    assert zaak.documenten.filter(kenmerk="verlenging-1").exists()
    assert any("meer tijd" in m.subject for m in mailoutbox)
    # Same travelled day: the civil servant's idle timeout counts from the last travelled request.
    with time_machine.travel(datetime(2026, 12, 1, 10, 5, tzinfo=AMS), tick=False):
        assert "Wij wachten op een advies." in client.get(dossier_url(zaak)).content.decode()


def test_extension_after_the_term_ended_is_refused_beside_the_field(client, medewerker_a, aanvraag):
    with time_machine.travel(datetime(2026, 12, 29, 10, tzinfo=AMS), tick=False):
        client.force_login(medewerker_a)
        response = client.post(verlengen_url(aanvraag.zaak), {"tot": "2027-02-15", "reden": "Te laat."})
    html = response.content.decode()
    assert response.status_code == 400 and "artikel 4:14 Awb" in html and 'class="backoffice-error"' in html
    assert not aanvraag.zaak.termijn_gebeurtenissen.filter(soort="verlengd").exists()


def test_another_municipality_cannot_extend(client, medewerker_b, aanvraag):
    client.force_login(medewerker_b)
    assert client.post(verlengen_url(aanvraag.zaak), {"tot": "2027-02-15", "reden": "x"}).status_code == 404
    assert client.get(verlengen_url(aanvraag.zaak)).status_code == 405
