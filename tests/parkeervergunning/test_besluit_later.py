"""A permit granted at filing: the besluit is recorded in the request, its letter is rendered by the worker.

Rendering a PDF takes longer than the rest of the filing together, and the filing holds the municipality's
case-number lock until it commits: no PDF inside it. A broker that is down loses no letter (the sweep).
"""

from datetime import timedelta

import pytest
from celery.app.task import Task
from kombu.exceptions import OperationalError

from tests.eform_check import send
from zaken.models import Besluit, Zaak
from zaken.processes.parkeervergunning.letters import BRIEF_GRACE
from zaken.processes.parkeervergunning.services import wachtlijsten_bijwerken

from .support import SUZANNE, form_url

pytestmark = pytest.mark.django_db


def test_the_letter_is_not_rendered_in_the_request(client, digid_login, parkeer_form, monkeypatch,
                                                   django_capture_on_commit_callbacks):
    import zaken.documents.letters

    digid_login(SUZANNE)
    real_render = zaken.documents.letters.pdf_render
    monkeypatch.setattr(zaken.documents.letters, "pdf_render", lambda **kw: pytest.fail("a PDF in the request"))
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = send(client, form_url(), parkeer_form())
    assert response.status_code == 302 and response["Location"].endswith("/verzonden/")
    besluit = Besluit.objects.get()
    assert besluit.besluittype == "Parkeervergunning verleend" and besluit.document_id is None

    monkeypatch.setattr(zaken.documents.letters, "pdf_render", real_render)
    for callback in queued:  # what the worker does after the commit
        callback()
    besluit.refresh_from_db()
    assert besluit.document.soort == "besluit" and besluit.document.bestand.open("rb").read(5) == b"%PDF-"


@pytest.mark.django_db(transaction=True)
def test_broker_down_the_sweep_sends_the_letter_later(client, digid_login, parkeer_form, monkeypatch):
    digid_login(SUZANNE)
    real_apply_async = Task.apply_async

    def broker_down(self, *args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(Task, "apply_async", broker_down)
    response = send(client, form_url(), parkeer_form())
    assert response.status_code == 302
    besluit = Besluit.objects.get()
    assert besluit.document_id is None

    monkeypatch.setattr(Task, "apply_async", real_apply_async)
    assert wachtlijsten_bijwerken() == 0  # a worker merely busy is left alone for a while
    Zaak.objects.filter(pk=besluit.zaak_id).update(
        registratiedatum=besluit.zaak.registratiedatum - BRIEF_GRACE - timedelta(seconds=1))
    assert wachtlijsten_bijwerken() == 1
    besluit.refresh_from_db()
    assert besluit.document_id is not None
    assert wachtlijsten_bijwerken() == 0
