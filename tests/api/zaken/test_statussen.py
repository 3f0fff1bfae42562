"""GET/POST /statussen: the status history per client, and a status over the API as a legal transition of the
case's process (parkeervergunning: `beeindigen` is the one transition it opens to the API)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.parkeervergunning.support import make_vergunning
from zaken.actors import Actor
from zaken.api.zaken import refs
from zaken.models import AuditLog, Resultaat, Status, StatusType, Zaak
from zaken.notificaties.models import Notificatie
from zaken.processes.parkeervergunning.demo import zones_ensure
from zaken.services import status_record

pytestmark = pytest.mark.django_db

LIST = "/api/zaken/v1/statussen"
WRITE = ("zaken.lezen", "zaken.statussen.toevoegen")
FORCED = (*WRITE, "zaken.geforceerd-bijwerken")


def statustype_url(zaak, code, zaaktype=None):
    zaaktype = zaaktype or zaak.zaaktype
    key = refs.statustype_uuid(zaak.gemeente, zaaktype.identificatie, code)
    return "http://testserver" + reverse("api:catalogi:statustype-detail", kwargs={"uuid": key})


def zaak_url(zaak):
    return f"http://testserver/api/zaken/v1/zaken/{zaak.uuid}"


@pytest.fixture
def vergunning(demo):
    """vergunning(state) -> a Rotterdam parkeervergunning whose public status matches its state."""
    zones_ensure()

    def _make(state):
        v = make_vergunning(state)
        if state != "ontvangen":
            status_record(zaak=v.zaak, code=state, actor=Actor.system("test"), to_state=state, transition="test")
        v.zaak.refresh_from_db()
        return v

    return _make


def post(client, headers, zaak, code, zaaktype=None):
    return client.post(LIST, {"zaak": zaak_url(zaak), "statustype": statustype_url(zaak, code, zaaktype),
                              "datumStatusGezet": "2026-12-01T10:00:00Z", "statustoelichting": "Verhuisd"},
                       content_type="application/json", **headers)


def test_list_detail_and_filters(client, zrc, zaak):
    headers = zrc()
    case, other = zaak(), zaak()
    response = client.get(LIST, {"zaak": zaak_url(case)}, **headers)
    assert response.status_code == 200
    [item] = response.json()["results"]
    status = Status.objects.get(zaak=case)
    assert item["url"] == f"http://testserver{LIST}/{status.uuid}" and item["zaak"] == zaak_url(case)
    assert item["statustype"] == statustype_url(case, "ontvangen") and item["indicatieLaatstGezetteStatus"] is True
    assert client.get(item["statustype"], **headers).status_code == 200  # the Catalogi API serves it
    assert client.get(item["url"], **headers).json() == item
    assert client.get(LIST, {"statustype": item["statustype"]}, **headers).json()["count"] == 2
    assert client.get(LIST, {"indicatieLaatstGezetteStatus": "false"}, **headers).json()["count"] == 0
    assert client.get(LIST, {"zaak": "http://testserver/elders"}, **headers).json()["count"] == 0
    assert other


def test_another_municipalitys_client_sees_no_status(client, zrc, zaak):
    case = zaak()
    headers = zrc(gemeente="den-haag", client_id="andere")
    status = Status.objects.get(zaak=case)
    assert client.get(f"{LIST}/{status.uuid}", **headers).status_code == 404
    assert client.get(LIST, **headers).json()["count"] == 0


def test_list_query_count_is_the_same_for_1_and_50_statussen(client, zrc, zaak):
    headers = zrc()
    zaak()
    client.get(LIST, **headers)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LIST, **headers).status_code == 200
        return len(ctx.captured_queries)

    one = count()
    for _ in range(49):
        zaak()
    assert count() == one


def test_post_needs_a_write_scope(client, zrc, vergunning):
    v = vergunning("verleend")
    assert post(client, zrc(scopes=("zaken.lezen",)), v.zaak, "beeindigd").status_code == 403


def test_a_legal_status_moves_the_case_and_writes_one_status_audit_line_and_message(client, zrc, vergunning):
    v = vergunning("verleend")
    Resultaat.objects.create(zaak=v.zaak, omschrijving="Verleend")
    before = Status.objects.filter(zaak=v.zaak).count()
    messages = Notificatie.objects.count()
    response = post(client, zrc(scopes=FORCED), v.zaak, "beeindigd")
    assert response.status_code == 201, response.json()
    v.refresh_from_db()
    assert v.state == "beeindigd"
    assert Status.objects.filter(zaak=v.zaak).count() == before + 1
    status = Status.objects.filter(zaak=v.zaak).latest("pk")
    assert response["Location"] == response.json()["url"] == f"http://testserver{LIST}/{status.uuid}"
    assert status.transition == "beeindigen" and status.statustoelichting == "Verhuisd" and "zac" in status.gezet_door
    assert Zaak.objects.get(pk=v.zaak.pk).huidige_status_id == status.pk
    line = AuditLog.objects.get(zaak=v.zaak, name="status_zetten")
    assert line.actor_type == "applicatie" and line.operation == "write"
    assert Notificatie.objects.count() == messages + 1
    assert Notificatie.objects.latest("pk").resource == "status"


def _nothing_changed(v, statuses, messages):
    state = v.state
    v.refresh_from_db()
    assert v.state == state
    assert Status.objects.filter(zaak=v.zaak).count() == statuses
    assert Notificatie.objects.count() == messages


def test_an_illegal_status_is_a_validatiefout_and_changes_nothing(client, zrc, vergunning):
    v = vergunning("ontvangen")
    Resultaat.objects.create(zaak=v.zaak, omschrijving="?")
    statuses, messages = Status.objects.filter(zaak=v.zaak).count(), Notificatie.objects.count()
    response = post(client, zrc(scopes=WRITE), v.zaak, "beeindigd")
    assert response.status_code == 400
    [param] = response.json()["invalidParams"]
    assert param["name"] == "statustype" and param["code"] == "transition-not-allowed"
    assert "Ontvangen" in param["reason"] and "Beëindigd" in param["reason"]
    _nothing_changed(v, statuses, messages)


def test_a_task_step_is_not_open_to_the_api(client, zrc, vergunning):
    v = vergunning("ontvangen")
    statuses, messages = Status.objects.filter(zaak=v.zaak).count(), Notificatie.objects.count()
    response = post(client, zrc(scopes=WRITE), v.zaak, "in_behandeling")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "transition-not-open"
    _nothing_changed(v, statuses, messages)


def test_zrc_016_statustype_of_the_zaaktype(client, zrc, vergunning):
    v = vergunning("verleend")
    verhuizing = StatusType.objects.get(zaaktype__process_slug="verhuizing", code="ontvangen").zaaktype
    response = post(client, zrc(scopes=FORCED), v.zaak, "ontvangen", zaaktype=verhuizing)
    assert response.status_code == 400
    assert response.json()["invalidParams"][0] == {
        "name": "statustype", "code": "zaaktype-mismatch", "reason": response.json()["invalidParams"][0]["reason"]}


def test_zrc_007_a_closed_case_needs_geforceerd_bijwerken(client, zrc, vergunning):
    v = vergunning("verleend")
    Resultaat.objects.create(zaak=v.zaak, omschrijving="Verleend")
    assert post(client, zrc(scopes=WRITE), v.zaak, "beeindigd").status_code == 403
    v.refresh_from_db()
    assert v.state == "verleend"


def test_zrc_007_the_end_status_needs_a_resultaat_first(client, zrc, vergunning):
    v = vergunning("verleend")
    response = post(client, zrc(scopes=FORCED), v.zaak, "beeindigd")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "resultaat-does-not-exist"


def test_zrc_008_reopening_needs_heropenen_and_a_transition_back(client, zrc, vergunning):
    v = vergunning("verleend")
    assert post(client, zrc(scopes=FORCED), v.zaak, "in_behandeling").status_code == 403
    # With the scope, our parkeervergunning has no way back from a granted permit: a 400 naming the rule.
    response = post(client, zrc(client_id="heropener", scopes=(*FORCED, "zaken.heropenen")), v.zaak, "in_behandeling")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] in ("transition-not-allowed", "transition-not-open")
