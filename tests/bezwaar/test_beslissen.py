"""The civil servant decides on the bezwaar (task "Beslissen op bezwaar"): the FSM path, the beslissing op bezwaar
through the generic besluit PDF, and no bezwaar against it (Awb 7:1: only beroep)."""

from datetime import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django_fsm import TransitionNotAllowed
from pypdf import PdfReader

from tests.backoffice_tasks import open_task, work_task
from zaken.actors import Actor
from zaken.processes.bezwaar.flows import BezwaarFlow
from zaken.processes.bezwaar.models import Bezwaar

from .conftest import ESTRELLA
from .helpers import GRONDEN, bezwaar_data, detail_url, form_url

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(datetime(2026, 11, 30, 12, tzinfo=AMS))]


def pdf_text(document) -> str:
    with document.bestand.open("rb") as f:
        data = f.read()
    return " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages).split())


@pytest.fixture
def bezwaar(afgewezen, digid_login, django_capture_on_commit_callbacks):
    zaak = afgewezen()
    with django_capture_on_commit_callbacks(execute=True):
        assert digid_login(ESTRELLA).post(form_url(zaak), bezwaar_data()).status_code == 302
    return Bezwaar.objects.select_related("zaak", "besluit").get()


def beslissen(client, bezwaar, uitkomst="ongegrond", **extra):
    data = {"uitkomst": uitkomst, "motivering": "Het pand heeft geen woonfunctie in de BAG.",
            "grondslag": "artikel 7:11 van de Algemene wet bestuursrecht", **extra}
    return work_task(BezwaarFlow, client, bezwaar, "beslissen", data, "behandelaar-rotterdam")


def test_civil_servant_decides_and_the_applicant_gets_the_beslissing(client, bezwaar, digid_login,
                                                                      django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        beslissen(client, bezwaar)
    bezwaar.refresh_from_db()
    zaak = bezwaar.zaak
    zaak.refresh_from_db()
    assert bezwaar.state == Bezwaar.State.ONGEGROND and zaak.einddatum is not None
    assert [s.statustype.code for s in zaak.statussen.all()] == ["ontvangen", "in_behandeling", "ongegrond"]
    besluit = zaak.besluiten.get()
    assert besluit.besluittype == "Beslissing op bezwaar: ongegrond" and besluit.document is not None
    text = pdf_text(besluit.document)
    assert "Beslissing op uw bezwaar" in text and GRONDEN in text and "ongegrond" in text
    assert "Het pand heeft geen woonfunctie in de BAG." in text and "artikel 7:11" in text
    assert "in beroep gaan bij de rechtbank" in text and "uiterlijk op 11 januari 2027 bij de rechtbank" in text
    assert "Stuur uw bezwaarschrift" not in text  # no bezwaar against a beslissing op bezwaar (7:1)
    html = digid_login(ESTRELLA).get(detail_url(zaak)).content.decode()
    assert "Beslist: ongegrond" in html and "in beroep gaan bij de rechtbank tot en met 11 januari 2027" in html
    assert "/besluiten/" not in html  # no bezwaar form on it


def test_the_decision_needs_a_motivation(client, bezwaar):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    task = open_task(bezwaar, BezwaarFlow.beslissen)
    base = f"/behandelen/taken/flows/{BezwaarFlow.instance.app_label}/{task.process_id}/beslissen/{task.pk}/"
    assert client.post(base + "assign/").status_code == 302
    response = client.post(base + "execute/", {"uitkomst": "gegrond", "motivering": "", "grondslag": "x"})
    assert response.status_code == 200 and "Motiveer de beslissing op het bezwaar" in response.content.decode()
    bezwaar.refresh_from_db()
    assert bezwaar.state == Bezwaar.State.IN_BEHANDELING


def test_the_dossiers_show_the_link_both_ways(client, bezwaar):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    origineel = bezwaar.oorspronkelijke_zaak
    html = client.get(reverse("behandelen:zaken:dossier", args=[origineel.pk])).content.decode()
    assert bezwaar.zaak.identificatie in html and "Bezwaar tegen besluit" in html
    html = client.get(reverse("behandelen:zaken:dossier", args=[bezwaar.zaak.pk])).content.decode()
    assert origineel.identificatie in html and GRONDEN in html


def test_fsm_decides_only_once_and_only_in_behandeling(bezwaar):
    actor = Actor.system("test")
    bezwaar.ongegrond_verklaren(by=actor)
    bezwaar.save()
    for transition in (bezwaar.gegrond_verklaren, bezwaar.niet_ontvankelijk_verklaren, bezwaar.in_behandeling_nemen):
        with pytest.raises(TransitionNotAllowed):
            transition(by=actor)
    with pytest.raises(AttributeError):
        bezwaar.state = Bezwaar.State.GEGROND  # protected: only transitions change it
