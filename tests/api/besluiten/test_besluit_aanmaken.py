"""POST /besluiten: a besluit recorded through the term engine, with the Besluiten API's rules."""

from datetime import date

import pytest

from django.test import RequestFactory

from tests.factories import ZaakFactory
from zaken.api.besluiten.scope import besluittype_url
from zaken.models import AuditLog, Besluit, TermijnGebeurtenis, ZaakType
from zaken.notificaties.models import Notificatie
from zaken.termijn_engine import termijn_ontvangen

from ..conftest import auth
from ..documenten.conftest import ACTOR

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(date(2026, 11, 30))]
BASE = "/api/besluiten/v1/besluiten"
ZAKEN = "http://testserver/api/zaken/v1/zaken"


@pytest.fixture
def schrijver(client_met):
    client_met("brc", "besluiten.lezen", "besluiten.aanmaken")
    return client_met("ztc", "catalogi.lezen")


def _zaak(demo, gemeente="den-haag", process="verhuizing"):
    zaak = ZaakFactory(gemeente=demo[gemeente], zaaktype=ZaakType.objects.get(process_slug=process))
    termijn_ontvangen(zaak=zaak, actor=ACTOR)
    return zaak


def _besluittypen(client) -> dict[str, dict]:
    return {bt["omschrijving"]: bt for bt in client.get("/api/catalogi/v1/besluittypen", **auth("zac")).json()["results"]}


def _body(client, voor, **overrides):
    besluittype = _besluittypen(client)["Afwijzing verhuizing"]["url"]
    return {"verantwoordelijkeOrganisatie": voor.gemeente.rsin, "besluittype": besluittype,
            "zaak": f"{ZAKEN}/{voor.uuid}", "datum": "2026-11-30", "ingangsdatum": "2026-11-30",
            "verzenddatum": "2026-11-30", "toelichting": "Het nieuwe adres bestaat niet.", **overrides}


def _post(client, body):
    return client.post(BASE, body, content_type="application/json", **auth("zac"))


def test_a_besluit_is_recorded_by_the_term_engine_with_an_audit_line_and_a_notification(client, demo, schrijver):
    zaak = _zaak(demo)
    response = _post(client, _body(client, zaak))
    assert response.status_code == 201, response.content
    body = response.json()
    besluit = Besluit.objects.get(zaak=zaak)
    assert body["url"] == f"http://testserver{BASE}/{besluit.uuid}" == response["Location"]
    assert besluit.besluittype == "Afwijzing verhuizing" and besluit.verzenddatum == date(2026, 11, 30)
    assert body["uiterlijkeReactiedatum"] == "2027-01-11"
    assert set(TermijnGebeurtenis.objects.filter(besluit=besluit).values_list("soort", flat=True)) == {
        "besloten", "bekendgemaakt"}
    line = AuditLog.objects.get(name="besluit_vastleggen")
    assert line.actor_type == "applicatie" and line.operation == "write" and line.zaak_id == zaak.pk
    assert Notificatie.objects.filter(kanaal="besluiten", actie="create").count() == 1
    assert client.get(body["url"], **auth("zac")).json() == body


def test_brc_001_besluittype_must_be_in_the_catalogus(client, demo, schrijver):
    zaak = _zaak(demo)
    body = _body(client, zaak)
    unknown = body["besluittype"].rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"
    for besluittype in (unknown, f"{ZAKEN}/{zaak.uuid}"):
        response = _post(client, {**body, "besluittype": besluittype})
        assert response.status_code == 400
        assert response.json()["invalidParams"][0]["name"] == "besluittype"
    # another municipality's besluittype of the same name is not in ours
    rotterdam = _zaak(demo, "rotterdam")
    theirs = besluittype_url(RequestFactory().get("/"), rotterdam.gemeente.gemeentecode, "Afwijzing verhuizing")
    assert _post(client, {**body, "besluittype": theirs}).status_code == 400
    assert not Besluit.objects.exists()


def test_brc_002_identificatie_generated_when_absent_and_unique(client, demo, schrijver):
    zaak = _zaak(demo)
    first = _post(client, _body(client, zaak)).json()
    assert first["identificatie"] == "BESLUIT-2026-0000001"
    own = _post(client, _body(client, zaak, identificatie="MIJN-1"))
    assert own.status_code == 201 and own.json()["identificatie"] == "MIJN-1"
    for taken in ("MIJN-1", "BESLUIT-2026-0000001"):
        again = _post(client, _body(client, zaak, identificatie=taken))
        assert again.status_code == 400
        assert again.json()["invalidParams"][0] == {"name": "identificatie", "code": "identificatie-niet-uniek",
                                                    "reason": again.json()["invalidParams"][0]["reason"]}
    assert Besluit.objects.count() == 2


def test_brc_007_besluittype_of_the_zaaks_zaaktype(client, demo, schrijver):
    zaak = _zaak(demo)
    zaaktype_url = _besluittypen(client)["Afwijzing verhuizing"]["zaaktypen"][0]
    anders = [bt for bt in _besluittypen(client).values() if zaaktype_url not in bt["zaaktypen"]]
    assert anders, "the demo catalogus has besluittypen of other zaaktypen"
    response = _post(client, _body(client, zaak, besluittype=anders[0]["url"]))
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "zaaktype-mismatch"
    assert not Besluit.objects.exists()


def test_zaak_must_be_the_clients_and_is_required(client, demo, schrijver):
    zaak = _zaak(demo)
    rotterdam = _zaak(demo, "rotterdam")
    for value in (f"{ZAKEN}/{rotterdam.uuid}", ""):
        response = _post(client, _body(client, zaak, zaak=value))
        assert response.status_code == 400 and response.json()["invalidParams"][0]["name"] == "zaak"
    wrong_rsin = _post(client, _body(client, zaak, verantwoordelijkeOrganisatie=rotterdam.gemeente.rsin[:8] + "0"))
    assert wrong_rsin.status_code == 400
    assert wrong_rsin.json()["invalidParams"][0]["name"] == "verantwoordelijkeOrganisatie"
    missing = _post(client, {"zaak": f"{ZAKEN}/{zaak.uuid}"})
    assert {p["name"] for p in missing.json()["invalidParams"]} == {
        "verantwoordelijkeOrganisatie", "besluittype", "datum", "ingangsdatum"}
    assert not Besluit.objects.exists()


def test_creating_needs_besluiten_aanmaken(client, demo, client_met):
    client_met("brc", "besluiten.lezen")
    client_met("ztc", "catalogi.lezen")
    zaak = _zaak(demo)
    assert _post(client, _body(client, zaak)).status_code == 403
    assert not Besluit.objects.exists()


def test_an_autorisatie_for_another_zaaktype_cannot_record_on_this_zaak(client, demo, client_met):
    ander = ZaakType.objects.exclude(process_slug="verhuizing").first()
    client_met("brc", "besluiten.aanmaken", zaaktype=ander)
    client_met("ztc", "catalogi.lezen")
    zaak = _zaak(demo)
    response = _post(client, _body(client, zaak))
    assert response.status_code == 400 and response.json()["invalidParams"][0]["name"] == "zaak"
