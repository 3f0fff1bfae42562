"""The answer term a civil servant sets in a task form: malformed, absurd, past or too far is a field error."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from zaken.models import Verzoek
from zaken.processes.overlijden.flows import OverlijdenFlow

from .helpers import file_death, open_task

pytestmark = pytest.mark.django_db


def post_task(client, case, flow_class, node_name, data, username="behandelaar-rotterdam"):
    client.force_login(get_user_model().objects.get(username=username))
    task = open_task(case, getattr(flow_class, node_name))
    base = f"/behandelen/taken/flows/{flow_class.instance.app_label}/{task.process_id}/{node_name}/{task.pk}/"
    assert client.post(base + "assign/").status_code == 302
    return client.post(base + "execute/", data)


def in_days(n: int) -> str:
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def as_date(termijn) -> str:
    """A typed value as is, or a number of days from today (computed when the test runs, not when collected)."""
    return in_days(termijn) if isinstance(termijn, int) else termijn


@pytest.mark.parametrize("termijn, message", [
    ("99999-01-01", "Vul een geldige datum in"),
    ("0001-01-01", "Vul een geldige datum in"),
    ("9999-12-31", "Vul een geldige datum in"),
    ("morgen", "Vul een geldige datum in"),
    (0, "in de toekomst liggen"),
    (15, "hoogstens 14 dagen"),
])
def test_overlijden_request_term_is_checked(client, demo, rechten, django_capture_on_commit_callbacks, termijn,
                                            message):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death()
    data = {"uitkomst": "onvolledig", "vraag": "Stuur het A-formulier opnieuw.", "termijn": as_date(termijn)}
    response = post_task(client, overlijden, OverlijdenFlow, "controleren", data)
    assert response.status_code == 200 and message in response.content.decode()
    overlijden.refresh_from_db()
    assert overlijden.state == "ontvangen" and not Verzoek.objects.exists()


def test_overlijden_term_within_the_maximum_is_used(client, demo, rechten, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death()
        response = post_task(client, overlijden, OverlijdenFlow, "controleren",
                             {"uitkomst": "onvolledig", "vraag": "Stuur het A-formulier.", "termijn": in_days(14)})
    assert response.status_code == 302
    assert Verzoek.objects.get().termijn.isoformat() == in_days(14)
