"""Paying, the advice requests per class with their terms (the advice tasks: test_advies.py), the civil
servant's decision, the melding's
short path and the verdaging, with time travel.

Hand-computed: filed on Monday 1 March 2027. Advice terms are 15 working days: Monday 22 March 2027 (no
holiday in between; Goede Vrijdag is 26 March). The decision term is 8 weeks: Monday 26 April 2027
(Koningsdag 2027 is Tuesday 27 April). A melding may be prohibited within 5 working days: until Monday
8 March 2027, so it is accepted on the sweep of Tuesday 9 March.
"""

from datetime import date, datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.backoffice_tasks import open_task, work_task
from zaken.models import Besluit, Document
from zaken.processes.evenementenvergunning.flows import EvenementenvergunningFlow
from zaken.processes.evenementenvergunning.models import Evenement
from zaken.termijnen import NL_TIME
from zaken.timers import sweep

from .support import KVK, SUZANNE, advies_geven, antwoorden, betalen, indienen, klein, pdf, pdf_text, tracker_url

pytestmark = pytest.mark.django_db

GEDIEND = datetime(2027, 3, 1, 10, 0, tzinfo=NL_TIME)
EVENEMENT_DAG = date(2027, 6, 14)  # 105 days after filing: in time for class B and C


def at(day: date, capture):
    with time_machine.travel(datetime(day.year, day.month, day.day, 9, 0, tzinfo=NL_TIME), tick=False), \
            capture(execute=True):
        return sweep()


def ingediend(client, login, capture, data_kwargs=None, betaal=True):
    """Filed (and paid) on 1 March 2027; returns the Evenement."""
    with time_machine.travel(GEDIEND, tick=False):
        login()
        response, evenement = indienen(client, capture, antwoorden(dagen=105, **(data_kwargs or {})))
        if betaal:
            assert "/betalen/mock/" in response["Location"]
            back = betalen(client, capture, response["Location"])
            assert back.status_code in (200, 302)
    evenement.refresh_from_db()
    return evenement


@pytest.fixture
def bedrijf(client, eherkenning_login):
    return lambda: eherkenning_login(KVK, level="EH3")


@pytest.fixture
def betaald(client, demo, rechten, bedrijf, django_capture_on_commit_callbacks):
    return ingediend(client, bedrijf, django_capture_on_commit_callbacks)


def test_the_tracker_asks_for_payment_and_the_hook_moves_the_case_on_once(
        client, demo, rechten, bedrijf, django_capture_on_commit_callbacks):
    evenement = ingediend(client, bedrijf, django_capture_on_commit_callbacks, betaal=False)
    assert evenement.state == Evenement.State.ONTVANGEN
    with time_machine.travel(GEDIEND, tick=False):
        tracker = client.get(tracker_url(evenement)).content.decode()
        assert "Verder met betalen" in tracker and "leges (€ 502,10)" in tracker
        assert "Ontvangen, wacht op betaling" in tracker
        assert not evenement.zaak.adviesverzoeken.exists()
        response = client.post("/rotterdam/aanvragen/evenementenvergunning/betalen/",
                               {"zaak": evenement.zaak.identificatie})
        assert "/betalen/mock/" in response["Location"]
        betalen(client, django_capture_on_commit_callbacks, response["Location"])
    evenement.refresh_from_db()
    assert evenement.state == Evenement.State.IN_BEHANDELING and evenement.betaald_op is not None
    assert evenement.zaak.statussen.filter(to_state="in_behandeling").count() == 1
    assert evenement.zaak.adviesverzoeken.count() == 2
    assert open_task(evenement, EvenementenvergunningFlow.advies_politie)
    assert open_task(evenement, EvenementenvergunningFlow.advies_brandweer)
    with time_machine.travel(GEDIEND, tick=False):
        assert "met betalen" not in client.get(tracker_url(evenement)).content.decode()


def test_class_b_asks_police_and_fire_service_with_their_terms(betaald):
    verzoeken = {v.adviseur: v.termijn for v in betaald.zaak.adviesverzoeken.all()}
    assert verzoeken == {"politie": date(2027, 3, 22), "brandweer": date(2027, 3, 22)}


def test_class_c_asks_all_four(client, demo, rechten, bedrijf, django_capture_on_commit_callbacks):
    evenement = ingediend(client, bedrijf, django_capture_on_commit_callbacks,
                          {"bouwwerken__vuurwerk": "on"})
    assert evenement.risicoklasse == "C" and evenement.leges_cent == 50210
    assert sorted(evenement.zaak.adviesverzoeken.values_list("adviseur", flat=True)) == [
        "brandweer", "ggd", "politie", "verkeer"]


def test_class_a_goes_straight_to_the_civil_servant(client, demo, rechten, digid_login,
                                                    django_capture_on_commit_callbacks):
    evenement = ingediend(client, lambda: digid_login(SUZANNE), django_capture_on_commit_callbacks,
                          {"evenement__alcohol": None, "bezoekers__bezoekers": "400", "locatie__locatie_soort":
                           "openbaar"})
    assert (evenement.risicoklasse, evenement.melding, evenement.leges_cent) == ("A", False, 19370)
    assert not evenement.zaak.adviesverzoeken.exists()
    assert open_task(evenement, EvenementenvergunningFlow.beoordelen)


def _adviezen(client, evenement, capture):
    with time_machine.travel(datetime(2027, 3, 10, 9, tzinfo=NL_TIME), tick=False):
        advies_geven(client, capture, evenement, "politie", advies="Geen bezwaar, wel 4 beveiligers.")
        advies_geven(client, capture, evenement, "brandweer", uitkomst="positief_met_voorwaarden",
                     advies="Vluchtwegen vrijhouden.")


def _beoordelen(client, evenement, capture, data):
    _adviezen(client, evenement, capture)
    with time_machine.travel(datetime(2027, 3, 24, 11, tzinfo=NL_TIME), tick=False), capture(execute=True):
        work_task(EvenementenvergunningFlow, client, evenement, "beoordelen", data, "behandelaar-rotterdam")
    evenement.refresh_from_db()
    return Besluit.objects.get(zaak=evenement.zaak)


def test_grant_with_conditions(client, betaald, django_capture_on_commit_callbacks):
    besluit = _beoordelen(client, betaald, django_capture_on_commit_callbacks, {
        "besluit": "verlenen", "voorschriften": "Geluid niet boven 85 dB(A).", "motivering": "Adviezen positief."})
    assert betaald.state == Evenement.State.VERLEEND
    assert (besluit.ingangsdatum, besluit.vervaldatum, besluit.datum) == (EVENEMENT_DAG, EVENEMENT_DAG,
                                                                           date(2027, 3, 24))
    assert besluit.bestuursorgaan == "de burgemeester van Rotterdam"
    text = pdf_text(besluit.document)
    for expected in ("Zomerfestival", "Binnenrotte", "14 juni 2027", "Geluid niet boven 85 dB(A).",
                     "Adviezen positief.", "artikel 2:25", "burgemeester van Rotterdam", "bezwaar"):
        assert expected in text, expected


def test_refusal_with_motivation(client, betaald, django_capture_on_commit_callbacks):
    besluit = _beoordelen(client, betaald, django_capture_on_commit_callbacks, {
        "besluit": "weigeren", "motivering": "De politie kan de veiligheid niet waarborgen."})
    assert betaald.state == Evenement.State.GEWEIGERD and besluit.vervaldatum is None
    text = pdf_text(besluit.document)
    assert "geweigerd" in text and "De politie kan de veiligheid niet waarborgen." in text and "bezwaar" in text
    assert "Voorschriften" not in text


def test_a_grant_needs_conditions(client, betaald, django_capture_on_commit_callbacks):
    _adviezen(client, betaald, django_capture_on_commit_callbacks)
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    task = open_task(betaald, EvenementenvergunningFlow.beoordelen)
    base = f"/behandelen/taken/flows/{EvenementenvergunningFlow.instance.app_label}/{task.process_id}/beoordelen/{task.pk}/"
    client.post(base + "assign/")
    response = client.post(base + "execute/", {"besluit": "verlenen", "motivering": "ok"})
    assert response.status_code == 200 and "Schrijf de voorschriften op" in response.content.decode()


def test_verdaging_up_to_eight_weeks(client, betaald):
    zaak = betaald.zaak
    assert zaak.uiterlijke_einddatum_afdoening == date(2027, 4, 26)
    with time_machine.travel(datetime(2027, 4, 20, 10, tzinfo=NL_TIME), tick=False):
        client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
        response = client.post(reverse("behandelen:zaken:termijn_verlengen", args=[zaak.pk]),
                               {"tot": "21-06-2027", "reden": "Advies van de veiligheidsregio duurt langer."})
    assert response.status_code == 302
    zaak.refresh_from_db()
    assert zaak.uiterlijke_einddatum_afdoening == date(2027, 6, 21)
    assert zaak.termijn_gebeurtenissen.filter(soort="verlengd").count() == 1
    with time_machine.travel(datetime(2027, 4, 20, 10, tzinfo=NL_TIME), tick=False):
        tracker_html = _tracker_as_company(client, betaald)
    assert "21 juni 2027" in tracker_html


def _tracker_as_company(client, evenement):
    from tests.conftest import login_session
    from zaken.identity import AuthContext

    client.logout()
    login_session(client, AuthContext.now(means="eherkenning", level="EH3", kvk_nummer=KVK, company_name="B.V.",
                                          acting_subject="urn:test:medewerker", display_name="Medewerker"))
    return client.get(tracker_url(evenement)).content.decode()


@pytest.fixture
def melding(client, demo, rechten, digid_login, django_capture_on_commit_callbacks):
    with time_machine.travel(GEDIEND, tick=False):
        digid_login(SUZANNE)
        _, evenement = indienen(client, django_capture_on_commit_callbacks, klein(dagen=30))
    assert evenement.melding and evenement.verbod_uiterlijk == date(2027, 3, 8)
    return evenement


def test_a_melding_is_accepted_after_the_prohibition_period(melding, django_capture_on_commit_callbacks):
    at(date(2027, 3, 8), django_capture_on_commit_callbacks)
    melding.refresh_from_db()
    assert melding.state == Evenement.State.MELDING_ONTVANGEN and open_task(melding, EvenementenvergunningFlow.melding_toetsen)
    at(date(2027, 3, 9), django_capture_on_commit_callbacks)
    melding.refresh_from_db()
    assert melding.state == Evenement.State.MELDING_GEACCEPTEERD
    assert melding.zaak.einddatum is not None and not melding.zaak.besluiten.exists()
    assert melding.zaak.termijn_gebeurtenissen.filter(soort="besloten", datum=date(2027, 3, 9)).count() == 1
    process = EvenementenvergunningFlow.process_class.objects.get(artifact_object_id=melding.pk, flow_class=EvenementenvergunningFlow)
    assert process.status == "CANCELED"
    at(date(2027, 3, 10), django_capture_on_commit_callbacks)  # nothing happens twice
    assert melding.zaak.statussen.filter(to_state="melding_geaccepteerd").count() == 1


def test_a_civil_servant_prohibits_a_melding(client, melding, django_capture_on_commit_callbacks):
    with time_machine.travel(datetime(2027, 3, 3, 10, tzinfo=NL_TIME), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        work_task(EvenementenvergunningFlow, client, melding, "melding_toetsen",
                  {"besluit": "verbieden", "motivering": "Op die dag is er al een markt op het plein."},
                  "behandelaar-rotterdam")
    assert melding.state == Evenement.State.MELDING_VERBODEN
    besluit = Besluit.objects.get(zaak=melding.zaak)
    text = pdf_text(besluit.document)
    assert "Verbod evenement" in text and "al een markt" in text and "bezwaar" in text
    at(date(2027, 3, 9), django_capture_on_commit_callbacks)
    melding.refresh_from_db()
    assert melding.state == Evenement.State.MELDING_VERBODEN


def test_a_prohibition_needs_a_motivation(client, melding):
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    task = open_task(melding, EvenementenvergunningFlow.melding_toetsen)
    base = f"/behandelen/taken/flows/{EvenementenvergunningFlow.instance.app_label}/{task.process_id}/melding_toetsen/{task.pk}/"
    client.post(base + "assign/")
    response = client.post(base + "execute/", {"besluit": "verbieden"})
    assert response.status_code == 200 and "Schrijf op waarom het evenement wordt verboden." in response.content.decode()


def test_uploads_are_case_documents(betaald):
    kenmerken = set(Document.objects.filter(zaak=betaald.zaak).values_list("kenmerk", flat=True))
    assert {"evenement-veiligheidsplan", "evenement-situatietekening"} <= kenmerken
    assert pdf  # the helper the steps used


def test_verdaging_beyond_the_configured_maximum_is_refused(client, betaald):
    """26 April 2027 + 8 weeks = 21 June 2027: 22 June is refused, also when reached in two steps."""
    zaak = betaald.zaak
    url = reverse("behandelen:zaken:termijn_verlengen", args=[zaak.pk])
    with time_machine.travel(datetime(2027, 4, 20, 10, tzinfo=NL_TIME), tick=False):
        client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
        response = client.post(url, {"tot": "22-06-2027", "reden": "Te lang."})
        assert response.status_code == 400
        assert "ten hoogste 8 weken" in response.content.decode() and "21-06-2027" in response.content.decode()
        assert client.post(url, {"tot": "17-05-2027", "reden": "Eerst drie weken."}).status_code == 302
    with time_machine.travel(datetime(2027, 5, 10, 10, tzinfo=NL_TIME), tick=False):
        client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
        assert client.post(url, {"tot": "22-06-2027", "reden": "Nog meer."}).status_code == 400
        assert client.post(url, {"tot": "21-06-2027", "reden": "Tot het maximum."}).status_code == 302
    zaak.refresh_from_db()
    assert zaak.uiterlijke_einddatum_afdoening == date(2027, 6, 21)


def test_the_tracker_panel_reads_at_most_two_queries(client, demo, rechten, bedrijf, django_capture_on_commit_callbacks,
                                                     django_assert_max_num_queries):
    from zaken.models import Zaak
    from zaken.processes.evenementenvergunning.selectors import tracker_panel

    evenement = ingediend(client, bedrijf, django_capture_on_commit_callbacks, betaal=False)
    zaak = Zaak.objects.get(pk=evenement.zaak_id)
    with django_assert_max_num_queries(2):
        panel = tracker_panel(None, zaak)
    assert panel["kan_betalen"] and panel["leges"] == "€ 502,10"
