"""Work a process's tasks through the back office with the test client, as a civil servant would."""

from django.contrib.auth import get_user_model
from viewflow.workflow import STATUS
from viewflow.workflow.models import Task


def open_task(case, node):
    """The open (new or claimed) task of `node` in this case's process."""
    return Task.objects.get(process__artifact_object_id=case.pk, process__flow_class=node.flow_class,
                            flow_task=node, status__in=[STATUS.NEW, STATUS.ASSIGNED])


def work_task(flow_class, client, case, node_name: str, data: dict, username: str):
    """Claim the task and submit its form through the back office."""
    client.force_login(get_user_model().objects.get(username=username))
    task = open_task(case, getattr(flow_class, node_name))
    base = f"/behandelen/taken/flows/{flow_class.instance.app_label}/{task.process_id}/{node_name}/{task.pk}/"
    assert client.post(base + "assign/").status_code == 302
    response = client.post(base + "execute/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case.refresh_from_db()
    return response
