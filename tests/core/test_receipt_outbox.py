"""A broker that is down when a person files: the case is filed, and the sweep sends the receipt later."""

from datetime import timedelta

import pytest
from celery.app.task import Task
from kombu.exceptions import OperationalError

from tests.eform_check import send
from zaken.models import Document, Zaak
from zaken.services import RECEIPT_GRACE
from zaken.timers import sweep

pytestmark = pytest.mark.django_db

FORM = "/rotterdam/aanvragen/verhuizing/"


def receipts(zaak):
    return Document.objects.filter(zaak=zaak, kenmerk="ontvangstbevestiging")


@pytest.mark.django_db(transaction=True)  # on-commit work runs inside the request, as in production
def test_broker_down_at_submit_files_the_case_and_the_sweep_makes_the_receipt(
        client, demo, digid_login, move_form, monkeypatch):
    digid_login("999993653")
    real_apply_async = Task.apply_async

    def broker_down(self, *args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(Task, "apply_async", broker_down)
    response = send(client, FORM, move_form())  # no 500: the case is committed before the broker is asked
    assert response.status_code == 302 and response["Location"].endswith("/verzonden/")
    zaak = Zaak.objects.get()
    assert not receipts(zaak).exists() and zaak.ontvangstbevestiging_gevraagd_op is not None
    page = client.get(f"/rotterdam/mijn-zaken/{zaak.identificatie}/").content.decode()
    assert "De ontvangstbevestiging verschijnt hier binnen enkele minuten" in page

    # The broker is back; a worker merely busy is left alone for a while, then the sweep sends it again.
    monkeypatch.setattr(Task, "apply_async", real_apply_async)
    assert sweep()["ontvangstbevestigingen"] == 0
    Zaak.objects.filter(pk=zaak.pk).update(
        ontvangstbevestiging_gevraagd_op=zaak.ontvangstbevestiging_gevraagd_op - RECEIPT_GRACE - timedelta(seconds=1))
    assert sweep()["ontvangstbevestigingen"] == 1
    assert receipts(zaak).count() == 1
    assert Zaak.objects.get(pk=zaak.pk).ontvangstbevestiging_gevraagd_op is None
    assert sweep()["ontvangstbevestigingen"] == 0  # done: never sent again


def test_a_stored_receipt_clears_the_mark(demo, django_capture_on_commit_callbacks):
    from tests.verhuizing.helpers import file_move

    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn="999993653", postcode="3035AW", huisnummer=60)
    zaak = Zaak.objects.get(pk=verhuizing.zaak_id)
    assert receipts(zaak).count() == 1 and zaak.ontvangstbevestiging_gevraagd_op is None


@pytest.mark.django_db(transaction=True)
def test_broker_down_at_a_melding_the_sweep_sends_its_letter_later(client, demo, digid_login, monkeypatch):
    from tests.eform_check import confirm
    from tests.evenementenvergunning.support import form_url, invullen, klein
    from zaken.processes.evenementenvergunning.models import Evenement
    from zaken.processes.evenementenvergunning.services import evenementen_bijwerken

    digid_login("999993653")
    real_apply_async = Task.apply_async

    def broker_down(self, *args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(Task, "apply_async", broker_down)
    invullen(client, klein())
    response = confirm(client, form_url(step="controleren"))
    assert response.status_code == 302
    evenement = Evenement.objects.get()
    assert not Document.objects.filter(zaak=evenement.zaak, kenmerk="evenement-melding").exists()

    monkeypatch.setattr(Task, "apply_async", real_apply_async)
    assert evenementen_bijwerken() == 0  # a worker merely busy is left alone for a while
    Zaak.objects.filter(pk=evenement.zaak_id).update(registratiedatum=evenement.zaak.registratiedatum - timedelta(hours=1))
    assert evenementen_bijwerken() == 1
    assert Document.objects.filter(zaak=evenement.zaak, kenmerk="evenement-melding").count() == 1
    assert evenementen_bijwerken() == 0
