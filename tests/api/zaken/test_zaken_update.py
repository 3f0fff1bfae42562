"""PATCH/PUT /zaken/{uuid}: omschrijving, verlenging through the term engine (zrc-012), closed cases (zrc-007);
no DELETE."""

import pytest

from zaken.actors import Actor
from zaken.models import AuditLog, TermijnGebeurtenis, Zaak
from zaken.notificaties.models import Notificatie
from zaken.services import status_record
from zaken.termijn_engine import termijn_ontvangen

pytestmark = pytest.mark.django_db

LIST = "/api/zaken/v1/zaken"
SCOPES = ("zaken.lezen", "zaken.bijwerken")


def patch(client, headers, zaak, data):
    return client.patch(f"{LIST}/{zaak.uuid}", data, content_type="application/json", **headers)


def test_patch_omschrijving_writes_through_audit_and_outbox(client, zrc, zaak, django_capture_on_commit_callbacks):
    # The outbox reports a resource once per transaction: commit the filing first (its callbacks run).
    with django_capture_on_commit_callbacks(execute=True):
        case = zaak()
    messages = Notificatie.objects.count()
    response = patch(client, zrc(scopes=SCOPES), case, {"omschrijving": "Nieuwe omschrijving"})
    assert response.status_code == 200, response.json()
    assert response.json()["omschrijving"] == "Nieuwe omschrijving" and response["Content-Crs"] == "EPSG:4326"
    assert Zaak.objects.get(pk=case.pk).omschrijving == "Nieuwe omschrijving"
    assert AuditLog.objects.get(zaak=case, name="zaak_bijwerken").actor_type == "applicatie"
    assert Notificatie.objects.count() == messages + 1
    assert Notificatie.objects.latest("pk").actie == "update"


def test_put_with_the_body_of_a_get(client, zrc, zaak):
    case = zaak()
    headers = zrc(scopes=SCOPES)
    data = client.get(f"{LIST}/{case.uuid}", **headers).json()
    data["omschrijving"] = "Via PUT"
    response = client.put(f"{LIST}/{case.uuid}", data, content_type="application/json", **headers)
    assert response.status_code == 200, response.json()
    assert response.json()["omschrijving"] == "Via PUT"


def test_a_field_we_cannot_change_is_a_400(client, zrc, zaak):
    case = zaak()
    response = patch(client, zrc(scopes=SCOPES), case, {"startdatum": "2020-01-01"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0] == {"name": "startdatum", "code": "niet-ondersteund",
                                                   "reason": response.json()["invalidParams"][0]["reason"]}


def test_zrc_012_verlenging_through_the_term_engine_and_null_is_absent(client, zrc, zaak):
    case = zaak()
    termijn_ontvangen(zaak=case, actor=Actor.system("test"))
    case.refresh_from_db()
    einde = case.uiterlijke_einddatum_afdoening
    headers = zrc(scopes=SCOPES)
    response = patch(client, headers, case, {"verlenging": {"reden": "Advies nodig", "duur": "P14D"}})
    assert response.status_code == 200, response.json()
    assert TermijnGebeurtenis.objects.filter(zaak=case, soort=TermijnGebeurtenis.Soort.VERLENGD).count() == 1
    case.refresh_from_db()
    assert case.uiterlijke_einddatum_afdoening > einde
    assert response.json()["verlenging"]["reden"] == "Advies nodig"
    # null is "not given": nothing changes, and the response still has the group.
    again = patch(client, headers, case, {"verlenging": None, "opschorting": None})
    assert again.status_code == 200 and again.json()["opschorting"] == {"indicatie": False, "reden": ""}
    assert TermijnGebeurtenis.objects.filter(zaak=case, soort=TermijnGebeurtenis.Soort.VERLENGD).count() == 1


def test_zrc_007_a_closed_case_changes_only_with_geforceerd_bijwerken(client, zrc, zaak):
    case = zaak()
    status_record(zaak=case, code="geweigerd", actor=Actor.system("test"))
    assert patch(client, zrc(scopes=SCOPES), case, {"omschrijving": "x"}).status_code == 403
    forced = zrc(client_id="b", scopes=(*SCOPES, "zaken.geforceerd-bijwerken"))
    assert patch(client, forced, case, {"omschrijving": "x"}).status_code == 200


def test_update_scope_and_municipality(client, zrc, zaak):
    case = zaak()
    assert patch(client, zrc(scopes=("zaken.lezen",)), case, {"omschrijving": "x"}).status_code == 403
    assert patch(client, zrc(gemeente="den-haag", client_id="b", scopes=SCOPES), case,
                 {"omschrijving": "x"}).status_code == 404


def test_no_delete(client, zrc, zaak):
    case = zaak()
    response = client.delete(f"{LIST}/{case.uuid}", **zrc(scopes=(*SCOPES, "zaken.verwijderen")))
    assert response.status_code == 405
    assert Zaak.objects.filter(pk=case.pk).exists()
