"""The form in steps through the test client: each step's errors, the order, melding or permit, the late warning."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zaken.models import Document
from zaken.processes.evenementenvergunning.models import Evenement

from .support import KVK, SUZANNE, antwoorden, form_url, indienen, invullen, klein, pdf, pdf_text

pytestmark = pytest.mark.django_db


def test_the_first_step_shows_the_company_from_the_kvk(client, demo, bedrijf_login):
    bedrijf_login(KVK)
    html = client.get(form_url()).content.decode()
    assert "Handelsregister" in html and KVK in html and "Stap 1 van 7" in html


def test_the_first_step_shows_the_person_from_the_brp(client, demo, digid_login):
    digid_login(SUZANNE)
    html = client.get(form_url()).content.decode()
    assert "Basisregistratie Personen" in html and "Boterdiep" in html


def test_dates_are_checked_next_to_their_fields(client, demo, digid_login):
    digid_login(SUZANNE)
    vandaag = timezone.localdate()
    data = antwoorden()[""]
    response = client.post(form_url(), {**data, "begin": (vandaag - timedelta(days=1)).isoformat(),
                                        "einde": (vandaag - timedelta(days=2)).isoformat()})
    html = response.content.decode()
    assert response.status_code == 400
    assert "De eerste dag ligt in het verleden" in html and "De laatste dag ligt vóór de eerste dag" in html
    assert 'id="id_begin_error"' in html and 'id="id_einde_error"' in html
    response = client.post(form_url(), {})
    html = response.content.decode()
    for message in ("Vul de naam van het evenement in.", "Kies wat voor evenement het is.",
                    "Beschrijf het programma van het evenement.", "Vul de eerste dag van het evenement in.",
                    "Vul in hoe laat het evenement begint."):
        assert message in html, message


@pytest.mark.parametrize(("step", "data", "messages"), [
    ("locatie", {}, ["Kies waar het evenement is.", "Vul het adres in of beschrijf de plek."]),
    ("bezoekers", {"bezoekers": "0"}, ["Vul een aantal van ten minste 1 in.", "Kies een leeftijdsgroep."]),
    ("geluid", {"geluid": "on"}, ["Vul in vanaf hoe laat er versterkt geluid is.",
                                  "Vul het hoogste geluidsniveau in dB(A) in."]),
    ("bouwwerken", {"bouwwerken": "Een tent"}, ["Vul de oppervlakte van de grootste tent"]),
    ("verkeer", {"wegafsluiting": "on"}, ["Beschrijf welke wegen u wilt afsluiten en wanneer."]),
    ("veiligheid", {"email": "x"}, ["Beschrijf hoe de eerste hulp is geregeld.", "Vul een geldig e-mailadres in",
                                    "Voeg een situatietekening toe.", "Voeg het veiligheidsplan toe."]),
])
def test_each_step_says_what_to_fix(client, demo, digid_login, step, data, messages):
    digid_login(SUZANNE)
    alle = antwoorden()
    for earlier in ("", "locatie", "bezoekers", "geluid", "bouwwerken", "verkeer"):
        if earlier == step:
            break
        assert client.post(form_url(step=earlier), alle[earlier]).status_code == 302
    response = client.post(form_url(step=step), data)
    assert response.status_code == 400
    html = response.content.decode()
    for message in messages:
        assert message in html, message


def test_a_wrong_file_type_is_refused(client, demo, digid_login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    digid_login(SUZANNE)
    data = antwoorden(veiligheid__situatietekening=SimpleUploadedFile("x.exe", b"MZ\x90\x00", "application/pdf"))
    for step in ("", "locatie", "bezoekers", "geluid", "bouwwerken", "verkeer"):
        client.post(form_url(step=step), data[step])
    html = client.post(form_url(step="veiligheid"), data["veiligheid"]).content.decode()
    assert "Upload een PDF, JPG of PNG" in html


def test_steps_are_taken_in_order(client, demo, digid_login):
    digid_login(SUZANNE)
    response = client.get(form_url(step="geluid"))
    assert response.status_code == 302 and response["Location"] == form_url()
    assert client.get(form_url(step="controleren"))["Location"] == form_url()
    assert client.get(form_url(step="onbekend")).status_code == 404


def test_a_permit_goes_to_payment(client, demo, bedrijf_login, django_capture_on_commit_callbacks):
    bedrijf_login(KVK)
    response, evenement = indienen(client, django_capture_on_commit_callbacks, antwoorden())
    assert response.status_code == 302 and "/betalen/mock/" in response["Location"]
    assert evenement.state == Evenement.State.ONTVANGEN and not evenement.melding
    assert (evenement.risicoklasse, evenement.grootteklasse, evenement.leges_cent) == ("B", "middel", 50210)
    assert evenement.zaak.initiator_kvk == KVK
    kenmerken = set(Document.objects.filter(zaak=evenement.zaak).values_list("kenmerk", flat=True))
    assert {"evenement-veiligheidsplan", "evenement-situatietekening", "ontvangstbevestiging"} <= kenmerken
    assert not evenement.te_laat_ingediend


def test_a_small_event_is_a_melding(client, demo, digid_login, django_capture_on_commit_callbacks):
    digid_login(SUZANNE)
    invullen(client, klein())
    html = client.get(form_url(step="controleren")).content.decode()
    assert "Een melding is genoeg" in html and "Melding versturen" in html
    response, evenement = indienen(client, django_capture_on_commit_callbacks, klein())
    assert response.status_code == 302 and response["Location"] == form_url(step="verzonden")
    assert evenement.melding and evenement.state == Evenement.State.MELDING_ONTVANGEN
    assert evenement.leges_cent == 0 and evenement.zaak.betalingen.count() == 0
    assert not Document.objects.filter(zaak=evenement.zaak, kenmerk="evenement-veiligheidsplan").exists()
    brief = Document.objects.get(zaak=evenement.zaak, kenmerk="evenement-melding")
    assert evenement.verbod_uiterlijk.strftime("%-d") in pdf_text(brief)
    assert "verbieden" in client.get(form_url(step="verzonden")).content.decode()


def test_one_road_closure_makes_it_a_permit(client, demo, digid_login, django_capture_on_commit_callbacks):
    digid_login(SUZANNE)
    _, evenement = indienen(client, django_capture_on_commit_callbacks,
                            klein(verkeer__wegafsluiting="on", verkeer__verkeer="Boterdiep 12-18 uur",
                                  veiligheid__veiligheidsplan=pdf()))
    assert not evenement.melding and evenement.risicoklasse == "B" and evenement.leges_cent == 19370


def test_a_late_application_is_accepted_with_a_warning(client, demo, digid_login, django_capture_on_commit_callbacks):
    digid_login(SUZANNE)
    data = antwoorden(dagen=20)
    invullen(client, data)
    html = client.get(form_url(step="controleren")).content.decode()
    uiterlijk = (timezone.localdate() + timedelta(days=20) - timedelta(weeks=8)).strftime("%d-%m-%Y")
    assert "Let op:" in html and "niet op tijd een besluit" in html and uiterlijk in html
    _, evenement = indienen(client, django_capture_on_commit_callbacks, antwoorden(dagen=20))
    assert evenement.te_laat_ingediend
    receipt = Document.objects.get(zaak=evenement.zaak, kenmerk="ontvangstbevestiging")
    assert "niet op tijd een besluit" in pdf_text(receipt)


def test_an_application_in_time_has_no_warning(client, demo, digid_login):
    digid_login(SUZANNE)
    invullen(client, antwoorden(dagen=90))
    assert "Let op:" not in client.get(form_url(step="controleren")).content.decode()
