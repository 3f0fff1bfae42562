"""The advice tasks: one back-office task per adviser the risk class asks, with the request's term.

Filed and paid on Monday 1 March 2027 (see test_process.py): the advice terms end Monday 22 March 2027,
so from Tuesday 23 March an unanswered advice is overdue.
"""

from datetime import date, datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse
from viewflow.workflow import STATUS

from tests.backoffice_tasks import open_task
from zaken.models import Adviesverzoek
from zaken.processes.evenementenvergunning.flows import EvenementenvergunningFlow as Flow
from zaken.termijnen import NL_TIME

from .support import SUZANNE, advies_geven
from .test_process import at, bedrijf, betaald, ingediend  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

ADVIES_TASKS = ("advies_politie", "advies_brandweer", "advies_ggd", "advies_verkeer")
VOOR_TERMIJN = datetime(2027, 3, 10, 9, tzinfo=NL_TIME)
NA_TERMIJN = datetime(2027, 3, 23, 9, tzinfo=NL_TIME)


def advies_tasks(evenement) -> set[str]:
    return {t.flow_task.name for t in Flow.task_class.objects.filter(
        process__artifact_object_id=evenement.pk, process__flow_class=Flow, status__in=[STATUS.NEW, STATUS.ASSIGNED])
        if t.flow_task.name in ADVIES_TASKS}


def task_url(evenement, node_name: str, action: str) -> str:
    task = open_task(evenement, getattr(Flow, node_name))
    return f"/behandelen/taken/flows/{Flow.instance.app_label}/{task.process_id}/{node_name}/{task.pk}/{action}/"


def login(client, username="behandelaar-rotterdam"):
    client.force_login(get_user_model().objects.get(username=username))


def test_class_b_has_a_police_and_a_fire_service_task_with_their_term(client, betaald):
    assert advies_tasks(betaald) == {"advies_politie", "advies_brandweer"}
    assert not Flow.task_class.objects.filter(process__artifact_object_id=betaald.pk, flow_task=Flow.beoordelen)
    with time_machine.travel(VOOR_TERMIJN, tick=False):
        login(client)
        assert client.post(task_url(betaald, "advies_politie", "assign")).status_code == 302
        html = client.get(task_url(betaald, "advies_politie", "execute")).content.decode()
    assert "Advies politie vastleggen" in html and "Advies uiterlijk op 22-03-2027" in html
    assert "Zomerfestival" in html  # the question to the adviser


def test_class_c_has_four_tasks_and_class_a_none(client, demo, rechten, bedrijf, digid_login,  # noqa: F811
                                                django_capture_on_commit_callbacks):
    c = ingediend(client, bedrijf, django_capture_on_commit_callbacks, {"bouwwerken__vuurwerk": "on"})
    assert c.risicoklasse == "C" and advies_tasks(c) == set(ADVIES_TASKS)
    assert {v.termijn for v in c.zaak.adviesverzoeken.all()} == {date(2027, 3, 22)}
    a = ingediend(client, lambda: digid_login(SUZANNE), django_capture_on_commit_callbacks,
                  {"evenement__alcohol": None, "bezoekers__bezoekers": "400", "locatie__locatie_soort": "openbaar"})
    assert a.risicoklasse == "A" and advies_tasks(a) == set() and open_task(a, Flow.beoordelen)


def test_every_advice_task_done_releases_beoordelen(client, betaald, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    with time_machine.travel(VOOR_TERMIJN, tick=False):
        advies_geven(client, capture, betaald, "politie", advies="Geen bezwaar, wel 4 beveiligers.")
    assert advies_tasks(betaald) == {"advies_brandweer"}
    assert not Flow.task_class.objects.filter(process__artifact_object_id=betaald.pk, flow_task=Flow.beoordelen)
    at(date(2027, 4, 1), capture)  # the sweep no longer ends the wait
    assert advies_tasks(betaald) == {"advies_brandweer"}
    with time_machine.travel(VOOR_TERMIJN, tick=False):
        advies_geven(client, capture, betaald, "brandweer", uitkomst="positief_met_voorwaarden",
                     advies="Vluchtwegen vrijhouden.")
    assert open_task(betaald, Flow.beoordelen)
    politie = betaald.zaak.adviesverzoeken.get(adviseur="politie")
    assert (politie.status, politie.uitkomst, politie.advies) == ("ontvangen", "positief",
                                                                   "Geen bezwaar, wel 4 beveiligers.")
    assert politie.vastgelegd_door_medewerker.username == "behandelaar-rotterdam"


def test_an_advice_needs_its_text(client, betaald):
    with time_machine.travel(VOOR_TERMIJN, tick=False):
        login(client)
        client.post(task_url(betaald, "advies_politie", "assign"))
        response = client.post(task_url(betaald, "advies_politie", "execute"), {"uitkomst": "positief"})
    assert response.status_code == 200 and "Neem het advies over of vat het samen." in response.content.decode()


def test_an_overdue_advice_shows_on_the_dashboard_and_closes_with_geen_advies(
        client, betaald, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    with time_machine.travel(VOOR_TERMIJN, tick=False):  # before the term: not yet
        login(client)
        client.post(task_url(betaald, "advies_politie", "assign"))
        response = client.post(task_url(betaald, "advies_politie", "execute"), {"uitkomst": "geen_advies"})
    assert response.status_code == 200
    assert "Kies ‘geen advies ontvangen’ pas na de adviestermijn (22-03-2027)." in response.content.decode()
    with time_machine.travel(NA_TERMIJN, tick=False):
        login(client)
        html = client.get("/behandelen/termijnen/", {"lijst": "advies"}).content.decode()
        assert betaald.zaak.identificatie in html and "1 werkdag te laat" in html
        html = client.get(task_url(betaald, "advies_politie", "execute")).content.decode()
        assert "De adviestermijn is verlopen (22-03-2027)" in html
    with time_machine.travel(NA_TERMIJN, tick=False), capture(execute=True):  # the claimed task, now closed
        assert client.post(task_url(betaald, "advies_politie", "execute"), {"uitkomst": "geen_advies"}).status_code \
            == 302
    with time_machine.travel(NA_TERMIJN, tick=False):
        advies_geven(client, capture, betaald, "brandweer", uitkomst="geen_advies", advies="")
    assert open_task(betaald, Flow.beoordelen)
    assert set(betaald.zaak.adviesverzoeken.values_list("uitkomst", flat=True)) == {"geen_advies"}
    with time_machine.travel(NA_TERMIJN, tick=False):
        login(client)
        html = client.get("/behandelen/termijnen/", {"lijst": "advies"}).content.decode()
    assert betaald.zaak.identificatie not in html


def test_recording_the_advice_in_the_dossier_completes_its_task(client, betaald):
    politie = betaald.zaak.adviesverzoeken.get(adviseur="politie")
    brandweer = betaald.zaak.adviesverzoeken.get(adviseur="brandweer")
    with time_machine.travel(VOOR_TERMIJN, tick=False):
        login(client)
        assert client.post(task_url(betaald, "advies_brandweer", "assign")).status_code == 302  # claimed: closed too
        for verzoek in (politie, brandweer):
            response = client.post(reverse("behandelen:zaken:advies_vastleggen", args=[betaald.zaak.pk, verzoek.pk]),
                                   {f"advies-{verzoek.pk}-uitkomst": "positief",
                                    f"advies-{verzoek.pk}-advies": "Geen bezwaar."})
            assert response.status_code == 302
    assert advies_tasks(betaald) == set() and open_task(betaald, Flow.beoordelen)
    assert not Adviesverzoek.objects.filter(zaak=betaald.zaak, status="gevraagd").exists()


def test_a_civil_servant_of_another_municipality_gets_404_on_the_task(client, betaald):
    login(client, "behandelaar-den-haag")
    assert client.get(task_url(betaald, "advies_politie", "detail")).status_code == 404
    assert client.post(task_url(betaald, "advies_politie", "assign")).status_code == 404
    assert client.post(task_url(betaald, "advies_politie", "execute"),
                       {"uitkomst": "positief", "advies": "x"}).status_code == 404
    assert advies_tasks(betaald) == {"advies_politie", "advies_brandweer"}
