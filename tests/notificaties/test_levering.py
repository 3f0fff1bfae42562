"""Delivery to a real subscriber over a loopback socket: the shape, the auth header, filters, municipalities,
and not one message lost while the subscriber (or the broker) is down for 300 seconds."""

from datetime import timedelta

import pytest
import time_machine
from celery.app.task import Task
from django.utils import timezone
from kombu.exceptions import OperationalError

from zaken.notificaties.models import Levering, Notificatie
from zaken.notificaties.services import notificaties_bijwerken

from .helpers import zaak_maken

# Real transactions: the message is queued when its change commits.
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_message_reaches_the_subscriber_in_the_notificaties_api_shape_with_its_auth_header(
        gemeenten, subscriber, abonneren):
    abonneren(gemeente=gemeenten[0], url=subscriber.url(), auth="Bearer geheim-token")
    zaak = zaak_maken(gemeenten[0])
    assert len(subscriber.posts) == 3  # zaak, rol, status: delivered after the commit
    post = next(p for p in subscriber.posts if p["body"]["resource"] == "zaak")
    assert post["headers"]["Authorization"] == "Bearer geheim-token"
    message = Notificatie.objects.get(resource="zaak")
    assert post["headers"]["X-Notificatie-Id"] == str(message.uuid)
    assert post["body"] == {
        "kanaal": "zaken", "hoofdObject": f"http://127.0.0.1:8000/api/zaken/v1/zaken/{zaak.uuid}",
        "resource": "zaak", "resourceUrl": f"http://127.0.0.1:8000/api/zaken/v1/zaken/{zaak.uuid}",
        "actie": "create", "aanmaakdatum": message.aanmaakdatum.isoformat(), "kenmerken": message.kenmerken}
    assert Levering.objects.filter(afgeleverd_op__isnull=False, laatste_status=204).count() == 3


def test_the_auth_header_is_never_logged(gemeenten, subscriber, abonneren, caplog):
    abonneren(gemeente=gemeenten[0], url=subscriber.url(), auth="Bearer geheim-token")
    subscriber.status = 503
    with caplog.at_level("INFO"):
        zaak_maken(gemeenten[0])
        subscriber.status = 204
        with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=False):
            notificaties_bijwerken()
    assert "niet afgeleverd" in caplog.text and "afgeleverd bij" in caplog.text
    assert "geheim-token" not in caplog.text


def test_a_subscriber_of_one_municipality_never_receives_another_ones_messages(gemeenten, subscriber, abonneren):
    a, b = gemeenten
    abonneren(gemeente=a, url=subscriber.url("/a"))
    abonneren(gemeente=b, url=subscriber.url("/b"))
    zaak_a = zaak_maken(a)
    zaak_b = zaak_maken(b)
    hoofd = {p["path"]: set() for p in subscriber.posts}
    for p in subscriber.posts:
        hoofd[p["path"]].add(p["body"]["hoofdObject"])
    assert hoofd == {"/a": {f"http://127.0.0.1:8000/api/zaken/v1/zaken/{zaak_a.uuid}"},
                     "/b": {f"http://127.0.0.1:8000/api/zaken/v1/zaken/{zaak_b.uuid}"}}


def test_filters_on_kenmerken_and_kanalen(gemeenten, subscriber, abonneren):
    a = gemeenten[0]
    abonneren(gemeente=a, url=subscriber.url("/openbaar"), filters={"vertrouwelijkheidaanduiding": "openbaar"})
    abonneren(gemeente=a, url=subscriber.url("/rsin"), filters={"bronorganisatie": a.rsin})
    abonneren(gemeente=a, url=subscriber.url("/besluiten"), kanalen=("besluiten",))
    zaak_maken(a)  # vertrouwelijk: only the bronorganisatie filter matches
    assert {p["path"] for p in subscriber.posts} == {"/rsin"}
    assert len(subscriber.posts) == 3


def test_subscriber_down_for_300_seconds_loses_nothing_and_gets_nothing_twice(
        gemeenten, subscriber, abonneren, monkeypatch):
    abonneren(gemeente=gemeenten[0], url=subscriber.url())
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        subscriber.down()  # connections refused
        for bsn in ("999993653", "999990019", "999990020"):
            zaak_maken(gemeenten[0], bsn=bsn)
        # The broker is down too for the next ones: the sweep must distribute them itself.
        monkeypatch.setattr(Task, "apply_async", lambda *a, **k: (_ for _ in ()).throw(OperationalError("down")))
        zaak_maken(gemeenten[0], bsn="999990032")
        monkeypatch.undo()
        for _ in range(10):  # 300 s of sweeps every 30 s, all refused (then some 503s)
            clock.shift(timedelta(seconds=30))
            if _ == 5:
                subscriber.up()
                subscriber.status = 503
            notificaties_bijwerken()
        assert subscriber.posts == []
        subscriber.status = 204
        for _ in range(120):  # back: the sweep each minute until the backoff lets every delivery through
            clock.shift(timedelta(minutes=1))
            notificaties_bijwerken()
            if not Levering.objects.filter(afgeleverd_op__isnull=True).exists():
                break
    written = set(Notificatie.objects.values_list("uuid", flat=True))
    assert len(written) == 12
    assert sorted(subscriber.ids()) == sorted(str(u) for u in written)  # each once: no loss, no duplicate
    assert Levering.objects.filter(afgeleverd_op__isnull=True).count() == 0
    assert max(Levering.objects.values_list("pogingen", flat=True)) > 1


def test_the_minute_sweep_queues_the_delivery_sweep(gemeenten, subscriber, abonneren):
    from zaken.timers import sweep

    abonneren(gemeente=gemeenten[0], url=subscriber.url())
    subscriber.status = 503
    zaak_maken(gemeenten[0])
    subscriber.status = 204
    with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=False):
        sweep()
    assert len(subscriber.posts) == 3


def test_the_admin_never_shows_the_auth_header_back_and_keeps_it_when_left_empty(gemeenten, abonneren):
    from zaken.notificaties.admin import AbonnementForm

    abonnement = abonneren(gemeente=gemeenten[0], url="https://ontvanger.example/cb", auth="Bearer geheim-token")
    form = AbonnementForm(instance=abonnement)
    assert "geheim-token" not in str(form)
    form = AbonnementForm(instance=abonnement, data={"gemeente": gemeenten[0].pk, "actief": "on",
                                                      "callback_url": "https://ontvanger.example/cb", "auth": ""})
    assert form.is_valid(), form.errors
    assert form.save().auth == "Bearer geheim-token"


def test_the_admin_pages_open_and_the_change_page_hides_the_secret(gemeenten, abonneren, client, django_user_model):
    abonnement = abonneren(gemeente=gemeenten[0], url="https://ontvanger.example/cb", auth="Bearer geheim-token")
    zaak_maken(gemeenten[0])
    client.force_login(django_user_model.objects.create_superuser("beheer", "beheer@example.nl", "x"))
    for model in ("kanaal", "abonnement", "notificatie", "levering"):
        assert client.get(f"/admin/notificaties/{model}/").status_code == 200
    page = client.get(f"/admin/notificaties/abonnement/{abonnement.pk}/change/")
    assert page.status_code == 200 and "geheim-token" not in page.content.decode()


def test_the_admin_refuses_a_callback_into_our_own_network(gemeenten, settings):
    from zaken.notificaties.admin import AbonnementForm

    settings.ZGW_NOTIFICATIES_CALLBACK = {"HTTPS_ONLY": True, "PRIVATE_ADDRESSES": False}
    form = AbonnementForm(data={"gemeente": gemeenten[0].pk, "actief": "on", "auth": "Bearer x",
                                "callback_url": "https://169.254.169.254/latest/meta-data"})
    assert not form.is_valid() and "openbaar" in form.errors["callback_url"][0]
