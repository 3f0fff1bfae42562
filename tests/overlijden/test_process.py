"""The civil servant's path to "Verwerkt in BRP", the waits for OvJ and uitstel, requests, BRP outages."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django_fsm import TransitionNotAllowed
from pypdf import PdfReader

from zaken.actors import Actor
from zaken.integrations.registry import get_adapter
from zaken.models import Verzoek
from zaken.processes.overlijden.flows import OverlijdenFlow
from zaken.timers import sweep

from .helpers import MAAS, PERSOON, file_death, open_task, undertaker, work_task

pytestmark = pytest.mark.django_db

BEHANDELAAR = "behandelaar-rotterdam"


def codes(overlijden):
    return [s.statustype.code for s in overlijden.zaak.statussen.all()]


def test_full_path_to_brp_with_verlof_for_the_undertaker(client, demo, rechten, eherkenning_login,
                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death()
    with django_capture_on_commit_callbacks(execute=True):
        work_task(client, overlijden, "controleren", {"uitkomst": "compleet"}, BEHANDELAAR)
        work_task(client, overlijden, "akte", {"bevestigd": "on"}, BEHANDELAAR)
    assert overlijden.state == "akte_opgemaakt" and overlijden.akte_nummer.startswith("AKTE-")
    with django_capture_on_commit_callbacks(execute=True):
        work_task(client, overlijden, "verlof", {"bevestigd": "on"}, BEHANDELAAR)
    overlijden.refresh_from_db()
    assert overlijden.state == "verwerkt_brp"
    assert codes(overlijden) == ["ontvangen", "documenten_gecontroleerd", "akte_opgemaakt", "verlof_verstrekt",
                                 "verwerkt_brp"]
    assert get_adapter("brp").persoon(PERSOON).get("overlijden")
    assert overlijden.zaak.einddatum is not None
    history = list(overlijden.zaak.statussen.all())
    assert history[0].gezet_door.startswith("Uitvaartcentrum De Maas B.V.")  # the acting subject is recorded
    assert history[2].gezet_door_medewerker.username == BEHANDELAAR

    client.logout()
    eherkenning_login(MAAS, company="Uitvaartcentrum De Maas B.V.")
    verlof = overlijden.zaak.documenten.get(kenmerk="overlijden-verlof")
    page = client.get(f"/rotterdam/mijn-zaken/{overlijden.zaak.identificatie}/").content.decode()
    assert "Verwerkt in BRP" in page and str(verlof.uuid) in page
    response = client.get(f"/rotterdam/mijn-zaken/{overlijden.zaak.identificatie}/documenten/{verlof.uuid}/")
    assert response.status_code == 200
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(b"".join(response.streaming_content))).pages)
    assert overlijden.akte_nummer in text and overlijden.overledene["naam"] in text and "cremeren" in text


def test_verhuizing_then_refuses_the_deceased(client, demo, rechten, digid_login, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death()
        work_task(client, overlijden, "controleren", {"uitkomst": "compleet"}, BEHANDELAAR)
        work_task(client, overlijden, "akte", {"bevestigd": "on"}, BEHANDELAAR)
        work_task(client, overlijden, "verlof", {"bevestigd": "on"}, BEHANDELAAR)
    client.logout()
    digid_login(PERSOON)
    assert client.get("/rotterdam/aanvragen/verhuizing/").status_code == 403


def test_non_natural_waits_for_ovj_release(client, demo, rechten, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death(natuurlijk=False)
        work_task(client, overlijden, "controleren", {"uitkomst": "compleet"}, BEHANDELAAR)
    assert overlijden.state == "wacht_op_ovj"
    assert overlijden.zaak.huidige_status.statustype.omschrijving == "Wacht op vrijgave OvJ"
    with pytest.raises(TransitionNotAllowed):  # no akte, no verlof before the release
        overlijden.akte_opmaken(by=Actor.system("test"))
    from viewflow.workflow.models import Task

    assert not Task.objects.filter(process__artifact_object_id=overlijden.pk, flow_task=OverlijdenFlow.akte).exists()
    with django_capture_on_commit_callbacks(execute=True):
        work_task(client, overlijden, "ovj_vrijgave", {"kenmerk": "PARKET-123"}, BEHANDELAAR)
        work_task(client, overlijden, "akte", {"bevestigd": "on"}, BEHANDELAAR)
        work_task(client, overlijden, "verlof", {"bevestigd": "on"}, BEHANDELAAR)
    overlijden.refresh_from_db()
    assert overlijden.state == "verwerkt_brp" and overlijden.ovj_kenmerk == "PARKET-123"
    assert codes(overlijden)[:4] == ["ontvangen", "documenten_gecontroleerd", "wacht_op_ovj",
                                     "documenten_gecontroleerd"]


def test_funeral_outside_window_waits_for_uitstel_decision(client, demo, rechten, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death(funeral_days=14)
        work_task(client, overlijden, "controleren", {"uitkomst": "compleet"}, BEHANDELAAR)
    assert overlijden.afwijking == "uitstel" and overlijden.state == "wacht_op_uitstel"
    work_task(client, overlijden, "uitstelbesluit", {"toelichting": "Uitstel verleend tot de 14e dag."}, BEHANDELAAR)
    assert overlijden.state == "documenten_gecontroleerd"
    assert open_task(overlijden, OverlijdenFlow.akte)


def test_incomplete_documents_request_answered_in_tracker(client, demo, rechten, eherkenning_login,
                                                          django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death()
        work_task(client, overlijden, "controleren", {"uitkomst": "onvolledig",
                                                      "vraag": "Het A-formulier is onleesbaar."}, BEHANDELAAR)
    assert overlijden.state == "aanvulling_nodig"
    assert any("ontbreken" in m.subject for m in mailoutbox)
    verzoek = Verzoek.objects.get(zaak=overlijden.zaak)
    url = f"/rotterdam/mijn-zaken/{overlijden.zaak.identificatie}/verzoeken/{verzoek.uuid}/"
    client.logout()
    eherkenning_login("69599084", company="Uitvaartzorg Hofstad B.V.")  # another company cannot answer
    assert client.post(url, {"antwoord": "hack"}).status_code == 404
    eherkenning_login(MAAS, company="Uitvaartcentrum De Maas B.V.")
    page = client.get(f"/rotterdam/mijn-zaken/{overlijden.zaak.identificatie}/").content.decode()
    assert "onleesbaar" in page and "Documenten onvolledig" in page
    scan = SimpleUploadedFile("a-nieuw.pdf", b"%PDF-1.7 leesbaar", content_type="application/pdf")
    assert client.post(url, {"antwoord": "Nieuwe scan.", "bijlagen": [scan]}).status_code == 302
    overlijden.refresh_from_db()
    assert overlijden.state == "ontvangen"
    assert open_task(overlijden, OverlijdenFlow.controleren)
    with django_capture_on_commit_callbacks(execute=True):
        work_task(client, overlijden, "controleren", {"uitkomst": "compleet"}, BEHANDELAAR)
    assert overlijden.state == "documenten_gecontroleerd"
    assert codes(overlijden) == ["ontvangen", "aanvulling_nodig", "ontvangen", "documenten_gecontroleerd"]


def test_brp_outage_retries_without_losing_the_case(client, demo, rechten, django_capture_on_commit_callbacks):
    import time_machine
    from datetime import timedelta

    from django.utils import timezone

    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death()
        work_task(client, overlijden, "controleren", {"uitkomst": "compleet"}, BEHANDELAAR)
        work_task(client, overlijden, "akte", {"bevestigd": "on"}, BEHANDELAAR)
    with override_settings(MOCK_UNAVAILABLE={"brp"}), django_capture_on_commit_callbacks(execute=True):
        work_task(client, overlijden, "verlof", {"bevestigd": "on"}, BEHANDELAAR)
    overlijden.refresh_from_db()
    assert overlijden.state == "verlof_verstrekt" and overlijden.brp_pogingen == 1
    assert overlijden.zaak.documenten.filter(kenmerk="overlijden-verlof").exists()  # the verlof does not wait
    with time_machine.travel(timezone.now() + timedelta(minutes=2)), django_capture_on_commit_callbacks(execute=True):
        sweep()
    overlijden.refresh_from_db()
    assert overlijden.state == "verwerkt_brp"


def test_illegal_transitions_are_refused(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death()
    system = Actor.system("test")
    for transition in (overlijden.akte_opmaken, overlijden.verlof_verstrekken, overlijden.brp_verwerkt,
                       overlijden.ovj_vrijgeven, overlijden.aanvulling_ontvangen, overlijden.uitstel_afwachten):
        with pytest.raises(TransitionNotAllowed):
            transition(by=system)
    with pytest.raises(AttributeError):
        overlijden.state = "verwerkt_brp"  # the field is protected: only transitions change it


def test_second_registration_of_same_person_is_refused(demo, django_capture_on_commit_callbacks):
    from zaken.processes.overlijden.services import OverlijdenRefused

    with django_capture_on_commit_callbacks(execute=True):
        file_death()
    with pytest.raises(OverlijdenRefused):
        file_death(auth=undertaker("69599084", company="Uitvaartzorg Hofstad B.V."))
