"""The move's lifecycle: timers (time travel), BRP outages, the manual path and the state machine."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone
from django_fsm import TransitionNotAllowed

from zaken.actors import Actor
from zaken.integrations.registry import get_adapter
from zaken.models import Verzoek
from zaken.processes.verhuizing.flows import VerhuizingFlow
from zaken.processes.verhuizing.models import Verhuizing
from zaken.timers import sweep

from .helpers import file_move, open_task, work_task

pytestmark = pytest.mark.django_db

JOHAN = "999999345"  # Rotterdam, spouse and three children under 16
BEFORE_2028 = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))  # children still under 16
SUZANNE = "999993653"


def codes(verhuizing):
    return [s.statustype.code for s in verhuizing.zaak.statussen.all()]


def residents(verhuizing):
    return {p["burgerservicenummer"] for p in get_adapter("brp").bewoners(verhuizing.nieuw_adresseerbaar_object)}


# Pinned: ages decide the household (the eldest child, 999999369, born 2012-04-18, turns 16 on 2028-04-18).
@pytest.mark.time_machine(BEFORE_2028)
def test_timer_applies_the_move_on_the_move_date(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=JOHAN, postcode="3074AJ", huisnummer=200, days=7, met_gezin=True)
    assert verhuizing.state == "ingepland" and residents(verhuizing) == set()
    with django_capture_on_commit_callbacks(execute=True):
        sweep()  # not due yet
    verhuizing.refresh_from_db()
    assert verhuizing.state == "ingepland"
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        with django_capture_on_commit_callbacks(execute=True):
            sweep()
    verhuizing.refresh_from_db()
    assert verhuizing.state == "verwerkt" and codes(verhuizing) == ["ontvangen", "ingepland", "verwerkt"]
    assert residents(verhuizing) == {JOHAN, "999999357", "999999369", "999999370", "999999412"}
    assert get_adapter("brp").persoon(JOHAN)["verblijfplaats"]["datumVan"]["datum"] == verhuizing.verhuisdatum.isoformat()
    assert verhuizing.zaak.documenten.filter(kenmerk="verhuizing-bevestiging").exists()
    assert verhuizing.zaak.einddatum is not None
    assert not open_task_exists(verhuizing)


def open_task_exists(verhuizing):
    from viewflow.workflow import STATUS
    from viewflow.workflow.models import Task

    return Task.objects.filter(process__artifact_object_id=verhuizing.pk,
                               status__in=[STATUS.NEW, STATUS.ASSIGNED, STATUS.SCHEDULED]).exists()


def test_brp_outage_waits_visibly_and_completes_later(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=SUZANNE, postcode="3035AW", huisnummer=60, days=1)
    with override_settings(MOCK_UNAVAILABLE={"brp"}), time_machine.travel(timezone.now() + timedelta(days=2)):
        with django_capture_on_commit_callbacks(execute=True):
            sweep()
        verhuizing.refresh_from_db()
        assert verhuizing.state == "verwerking_vertraagd" and verhuizing.brp_pogingen == 1
        assert verhuizing.zaak.huidige_status.statustype.omschrijving == "Verwerking vertraagd"
        with django_capture_on_commit_callbacks(execute=True):
            sweep()  # the next try is not due yet: nothing happens, nothing is lost
        verhuizing.refresh_from_db()
        assert verhuizing.brp_pogingen == 1
    with time_machine.travel(timezone.now() + timedelta(days=2, minutes=5)):
        with django_capture_on_commit_callbacks(execute=True):
            sweep()
    verhuizing.refresh_from_db()
    assert verhuizing.state == "verwerkt" and SUZANNE in residents(verhuizing)
    assert codes(verhuizing) == ["ontvangen", "ingepland", "verwerking_vertraagd", "verwerkt"]


def test_manual_path_with_request_for_information(client, demo, rechten, digid_login,
                                                  django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=SUZANNE, postcode="3034CJ", huisnummer=50, days=3)  # an office address
    assert verhuizing.state == "in_behandeling"
    termijn = timezone.localdate() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        work_task(client, verhuizing, "beoordelen", {"besluit": "aanvulling", "vraag": "Stuur uw huurcontract.",
                                                     "termijn": termijn.isoformat()}, "behandelaar-rotterdam")
    assert verhuizing.state == "aanvulling_nodig"
    assert any("meer informatie" in m.subject for m in mailoutbox)

    client.logout()
    digid_login("999990019")  # another citizen cannot see or answer
    verzoek = Verzoek.objects.get(zaak=verhuizing.zaak)
    url = f"/rotterdam/mijn-zaken/{verhuizing.zaak.identificatie}/verzoeken/{verzoek.uuid}/"
    assert client.post(url, {"antwoord": "hack"}).status_code == 404
    digid_login(SUZANNE)
    page = client.get(f"/rotterdam/mijn-zaken/{verhuizing.zaak.identificatie}/").content.decode()
    assert "Stuur uw huurcontract." in page and "Aanvullende gegevens nodig" in page
    from django.core.files.uploadedfile import SimpleUploadedFile

    contract = SimpleUploadedFile("huurcontract.pdf", b"%PDF-1.7 contract", content_type="application/pdf")
    assert client.post(url, {"antwoord": "Zie bijlage.", "bijlagen": [contract]}).status_code == 302
    verhuizing.refresh_from_db()
    assert verhuizing.state == "in_behandeling"
    assert verhuizing.zaak.documenten.filter(verzoek=verzoek).count() == 1
    assert open_task(verhuizing, VerhuizingFlow.beoordelen)  # back to the civil servant

    with django_capture_on_commit_callbacks(execute=True):
        work_task(client, verhuizing, "beoordelen", {"besluit": "goedkeuren"}, "behandelaar-rotterdam")
    assert verhuizing.state == "ingepland"
    assert codes(verhuizing) == ["ontvangen", "in_behandeling", "aanvulling_nodig", "in_behandeling", "ingepland"]
    history = list(verhuizing.zaak.statussen.all())
    assert history[2].gezet_door_medewerker.username == "behandelaar-rotterdam"


@pytest.mark.time_machine(BEFORE_2028)  # a fixed weekday: the deadline must not fall on a weekend (Atw art. 1)
def test_unanswered_request_gets_reminder_then_back_to_staff(client, demo, rechten,
                                                             django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=SUZANNE, postcode="3034CJ", huisnummer=50, days=3)
        work_task(client, verhuizing, "beoordelen", {"besluit": "aanvulling", "vraag": "Huurcontract?"},
                  "behandelaar-rotterdam")
    verzoek = Verzoek.objects.get(zaak=verhuizing.zaak)
    with time_machine.travel(timezone.now() + timedelta(days=12)), django_capture_on_commit_callbacks(execute=True):
        sweep()
    verzoek.refresh_from_db()
    assert verzoek.herinnerd_op is not None and verzoek.is_open
    assert any("Herinnering" in m.subject for m in mailoutbox)
    with time_machine.travel(timezone.now() + timedelta(days=15)), django_capture_on_commit_callbacks(execute=True):
        sweep()
    verzoek.refresh_from_db()
    verhuizing.refresh_from_db()
    assert verzoek.vervallen_op is not None and verhuizing.state == "in_behandeling"
    assert "termijn is verstreken" in verhuizing.zaak.huidige_status.statustoelichting
    assert open_task(verhuizing, VerhuizingFlow.beoordelen)


def test_rejection_sends_letter_with_bezwaar(client, demo, rechten, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=SUZANNE, postcode="3034CJ", huisnummer=50, days=3)
        work_task(client, verhuizing, "beoordelen", {"besluit": "afwijzen", "toelichting": "Geen woning."},
                  "behandelaar-rotterdam")
    assert verhuizing.state == "afgewezen"
    letter = verhuizing.zaak.documenten.get(kenmerk="verhuizing-afwijzing")
    from io import BytesIO

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(BytesIO(letter.bestand.read())).pages)
    assert "Geen woning." in text and "bezwaar" in text and "6 weken" in text


def test_rejection_needs_a_reason(client, demo, rechten, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=SUZANNE, postcode="3034CJ", huisnummer=50, days=3)
    client.force_login(__import__("django.contrib.auth", fromlist=["get_user_model"]).get_user_model()
                       .objects.get(username="behandelaar-rotterdam"))
    task = open_task(verhuizing, VerhuizingFlow.beoordelen)
    base = f"/behandelen/taken/flows/verhuizing/{task.process_id}/beoordelen/{task.pk}/"
    client.post(base + "assign/")
    response = client.post(base + "execute/", {"besluit": "afwijzen"})
    assert response.status_code == 200 and "gemotiveerd" in response.content.decode()
    verhuizing.refresh_from_db()
    assert verhuizing.state == "in_behandeling"


def test_crowded_address_gets_adresonderzoek_first(client, demo, rechten, django_capture_on_commit_callbacks):
    gp = demo["rotterdam"].producten.get(product__slug="verhuizing")
    gp.termijnen = {"max_bewoners_zonder_onderzoek": 2}
    gp.save()
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=SUZANNE, postcode="3074AJ", huisnummer=200, days=3)  # vacant: 0 residents
    assert verhuizing.state == "ingepland"
    johan_address = get_adapter("brp").persoon(JOHAN)["verblijfplaats"]["verblijfadres"]
    with django_capture_on_commit_callbacks(execute=True):
        crowded = file_move(bsn="999990378", postcode=johan_address["postcode"],
                            huisnummer=johan_address["huisnummer"], days=3)
    assert crowded.adresonderzoek_nodig and crowded.state == "in_behandeling"
    work_task(client, crowded, "adresonderzoek", {"uitkomst": "bewoning_bevestigd", "toelichting": "Huisbezoek."},
              "behandelaar-rotterdam")
    assert crowded.adresonderzoek_uitkomst == "bewoning_bevestigd"
    assert open_task(crowded, VerhuizingFlow.beoordelen)


def test_illegal_transitions_are_refused(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=SUZANNE, postcode="3035AW", huisnummer=60, days=3)
    system = Actor.system("test")
    for transition in (verhuizing.goedkeuren, verhuizing.afwijzen, verhuizing.aanvulling_vragen,
                       verhuizing.automatisch_inplannen, verhuizing.handmatig_beoordelen):
        with pytest.raises(TransitionNotAllowed):
            transition(by=system)
    with pytest.raises(AttributeError):
        verhuizing.state = "verwerkt"  # the field is protected: only transitions change it
    verhuizing.refresh_from_db()
    assert verhuizing.state == "ingepland"


def test_task_pages_show_case_facts_not_personal_data(client, demo, rechten, django_capture_on_commit_callbacks):
    from django.contrib.auth import get_user_model

    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=SUZANNE, postcode="3034CJ", huisnummer=50, days=3)
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    task = open_task(verhuizing, VerhuizingFlow.beoordelen)
    base = f"/behandelen/taken/flows/verhuizing/{task.process_id}/beoordelen/{task.pk}/"
    for url in (base + "assign/", base + "detail/"):
        html = client.get(url).content.decode()
        assert verhuizing.zaak.identificatie in html and "In behandeling" in html
        for personal in ("test@example.nl", "openbareRuimteNaam", "Crooswijksesingel", "Boterdiep", SUZANNE):
            assert personal not in html, (url, personal)
