"""Task lists, claiming and executing, and the municipality scope of every task and process URL."""

from io import StringIO

import pytest
from django.core.management import call_command
from viewflow.workflow import PROCESS, STATUS
from viewflow.workflow.models import Task

from tests.testprocess import services as testprocess_services
from tests.testprocess.flows import TestAanvraagFlow
from tests.testprocess.models import TestAanvraag
from zaken.actors import Actor

pytestmark = pytest.mark.django_db

FLOW_URL = "/behandelen/taken/flows/testaanvraag"


def beoordelen_task(aanvraag, status=STATUS.NEW):
    return Task.objects.get(process__artifact_object_id=aanvraag.pk, flow_task=TestAanvraagFlow.beoordelen,
                            status=status)


def task_url(task, action=""):
    return f"{FLOW_URL}/{task.process_id}/beoordelen/{task.pk}/{action + '/' if action else ''}"


def test_queue_shows_only_tasks_of_own_municipality(client, medewerker_a, aanvraag_a, aanvraag_b):
    client.force_login(medewerker_a)
    response = client.get("/behandelen/taken/queue/")
    html = response.content.decode()
    assert response.status_code == 200
    assert aanvraag_a.zaak.identificatie in html
    assert f'href="/behandelen/zaken/{aanvraag_a.zaak.pk}/"' in html
    assert f'href="/behandelen/zaken/{aanvraag_b.zaak.pk}/"' not in html
    assert task_url(beoordelen_task(aanvraag_b)) not in html
    # The menu counts are scoped like the lists.
    assert response.context["user_queue"].count == "1"
    assert response.context["user_inbox"].count == "0"


def test_claim_and_complete_beoordelen(client, medewerker_a, aanvraag_a):
    client.force_login(medewerker_a)
    task = beoordelen_task(aanvraag_a)

    assert client.get(task_url(task)).headers["Location"] == task_url(task, "assign")
    response = client.post(task_url(task, "assign"))
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == STATUS.ASSIGNED and task.owner == medewerker_a
    assert task_url(task) in client.get("/behandelen/taken/inbox/").content.decode()

    form = client.get(task_url(task, "execute"))
    assert form.status_code == 200
    assert f"Dossier {aanvraag_a.zaak.identificatie}" in form.content.decode()  # link from the task page

    response = client.post(task_url(task, "execute"), {"besluit": "toekennen", "toelichting": "In orde."})
    assert response.status_code == 302
    task.refresh_from_db()
    aanvraag_a.refresh_from_db()
    assert task.status == STATUS.DONE
    assert aanvraag_a.state == TestAanvraag.State.AFGEHANDELD
    assert task.process.status == PROCESS.DONE
    zaak = aanvraag_a.zaak
    zaak.refresh_from_db()
    status = zaak.huidige_status
    assert status.statustype.code == "afgehandeld" and status.statustype.is_eindstatus
    assert status.gezet_door_medewerker == medewerker_a
    assert status.gezet_door == "Anna Test" and status.statustoelichting == "In orde."
    assert [s.to_state for s in zaak.statussen.all()] == ["ontvangen", "in_behandeling", "afgehandeld"]


def test_execute_requires_a_valid_decision(client, medewerker_a, aanvraag_a):
    client.force_login(medewerker_a)
    task = beoordelen_task(aanvraag_a)
    client.post(task_url(task, "assign"))
    response = client.post(task_url(task, "execute"), {"besluit": "afwijzen"})
    assert response.status_code == 200  # the form again, with the error
    aanvraag_a.refresh_from_db()
    assert aanvraag_a.state == TestAanvraag.State.ONTVANGEN


def test_aanvulling_loops_back_to_beoordelen(client, medewerker_a, aanvraag_a):
    client.force_login(medewerker_a)
    task = beoordelen_task(aanvraag_a)
    client.post(task_url(task, "assign"))
    client.post(task_url(task, "execute"), {"besluit": "aanvulling", "toelichting": "Stuur uw paspoort."})
    aanvraag_a.refresh_from_db()
    assert aanvraag_a.state == TestAanvraag.State.AANVULLING_GEVRAAGD
    assert not Task.objects.filter(flow_task=TestAanvraagFlow.beoordelen, status=STATUS.NEW).exists()

    testprocess_services.testaanvraag_aanvullen(aanvraag=aanvraag_a, by=Actor.system("test"),
                                                gegevens={"paspoort": "ja"})
    aanvraag_a.refresh_from_db()
    assert aanvraag_a.state == TestAanvraag.State.IN_BEHANDELING
    assert beoordelen_task(aanvraag_a).process_id == task.process_id


@pytest.mark.parametrize("action", ["", "detail", "assign", "execute", "unassign", "cancel", "undo"])
def test_other_municipality_gets_404_on_task_urls(client, medewerker_a, medewerker_b, aanvraag_a, action):
    task = beoordelen_task(aanvraag_a)
    client.force_login(medewerker_a)
    client.post(task_url(task, "assign"))  # so execute/unassign would otherwise be reachable
    client.force_login(medewerker_b)
    assert client.get(task_url(task, action)).status_code == 404
    assert client.post(task_url(task, action)).status_code == 404
    task.refresh_from_db()
    assert task.owner == medewerker_a and task.status == STATUS.ASSIGNED


def test_other_municipality_gets_404_on_unclaimed_task(client, medewerker_b, aanvraag_a):
    task = beoordelen_task(aanvraag_a)
    client.force_login(medewerker_b)
    assert client.post(task_url(task, "assign")).status_code == 404
    task.refresh_from_db()
    assert task.owner is None


@pytest.mark.parametrize("suffix", ["", "cancel/", "chart/"])
def test_other_municipality_gets_404_on_process_urls(client, medewerker_b, aanvraag_a, suffix):
    task = beoordelen_task(aanvraag_a)
    client.force_login(medewerker_b)
    assert client.get(f"{FLOW_URL}/{task.process_id}/{suffix}").status_code == 404


def test_own_process_with_foreign_task_pk_is_404(client, medewerker_b, aanvraag_a, aanvraag_b):
    """viewflow finds a task by task_pk alone; the guard checks it belongs to the URL's process."""
    foreign = beoordelen_task(aanvraag_a)
    own = beoordelen_task(aanvraag_b)
    client.force_login(medewerker_b)
    assert client.post(f"{FLOW_URL}/{own.process_id}/beoordelen/{foreign.pk}/assign/").status_code == 404
    foreign.refresh_from_db()
    assert foreign.owner is None


def test_bulk_assign_ignores_tasks_of_other_municipality(client, medewerker_b, aanvraag_a):
    task = beoordelen_task(aanvraag_a)
    client.force_login(medewerker_b)
    client.post("/behandelen/taken/queue/assign/", {"pk": [task.pk], "_confirm": "1"})
    task.refresh_from_db()
    assert task.owner is None


def test_process_and_task_lists_are_scoped(client, medewerker_b, aanvraag_a, aanvraag_b):
    client.force_login(medewerker_b)
    own, foreign = beoordelen_task(aanvraag_b), beoordelen_task(aanvraag_a)
    processes = client.get(f"{FLOW_URL}/flows/").context["object_list"]
    assert [process.pk for process in processes] == [own.process_id]
    tasks = client.get(f"{FLOW_URL}/tasks/").context["object_list"]
    assert tasks and {task.process_id for task in tasks} == {own.process_id}
    assert client.get(f"{FLOW_URL}/{own.process_id}/").status_code == 200
    assert client.get(f"{FLOW_URL}/{foreign.process_id}/").status_code == 404


def test_member_of_two_municipalities_sees_both(client, make_medewerker, gemeente_a, gemeente_b,
                                                aanvraag_a, aanvraag_b):
    client.force_login(make_medewerker("carla", gemeente_a, gemeente_b))
    html = client.get("/behandelen/taken/queue/").content.decode()
    assert f'href="/behandelen/zaken/{aanvraag_a.zaak.pk}/"' in html
    assert f'href="/behandelen/zaken/{aanvraag_b.zaak.pk}/"' in html


def test_groups_get_the_task_permission(rechten):
    assert "testprocess.beoordelen_testaanvraag" in rechten["behandelaar"]
    assert "viewflow.manage_process" in rechten["coördinator"]  # viewflow.workflow's app label
    assert "viewflow.manage_process" not in rechten["behandelaar"]


def test_rechten_command_is_idempotent(db):
    from django.contrib.auth.models import Group

    call_command("backoffice_rechten", stdout=StringIO())
    behandelaar = Group.objects.get(name="behandelaar")
    first = set(behandelaar.permissions.values_list("content_type__app_label", "codename"))
    call_command("backoffice_rechten", stdout=StringIO())
    assert set(behandelaar.permissions.values_list("content_type__app_label", "codename")) == first
    assert {("testprocess", "beoordelen_testaanvraag"), ("viewflow", "view_process")} <= first
