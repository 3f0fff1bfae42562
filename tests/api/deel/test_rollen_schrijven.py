"""POST and DELETE /api/zaken/v1/rollen: zrc-019, what our Rol holds, audit lines, outbox, scope."""

import json

import pytest

from zaken.models import AuditLog, Rol, ZaakType
from zaken.notificaties.models import Notificatie
from zaken.services import subject_hash

from ..conftest import auth

URL = "/api/zaken/v1/rollen"


def zaak_url(zaak):
    return f"http://testserver/api/zaken/v1/zaken/{zaak.uuid}"


@pytest.fixture
def zac(zrc_client):
    return zrc_client(scopes=("zaken.lezen", "zaken.bijwerken"), extra=[("ztc", ["catalogi.lezen"])])


def roltype(client, zaak, generiek, identificatie=None):
    zaaktypen = client.get("/api/catalogi/v1/zaaktypen", **auth("zac")).json()["results"]
    ident = identificatie or zaak.zaaktype.identificatie
    zt = next(z["url"] for z in zaaktypen if z["identificatie"] == ident)
    roltypen = client.get("/api/catalogi/v1/roltypen", {"zaaktype": zt}, **auth("zac")).json()["results"]
    return next(r["url"] for r in roltypen if r["omschrijvingGeneriek"] == generiek)


def post(client, client_id="zac", **body):
    return client.post(URL, json.dumps(body), content_type="application/json", **auth(client_id))


def behandelaar(client, zaak, username):
    return post(client, zaak=zaak_url(zaak), roltype=roltype(client, zaak, "behandelaar"),
                betrokkeneType="medewerker", roltoelichting="Behandelt",
                betrokkeneIdentificatie={"identificatie": username})


def test_post_behandelaar_medewerker(client, zac, maak_zaak, demo):
    zaak = maak_zaak()
    response = behandelaar(client, zaak, "behandelaar-den-haag")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["betrokkeneType"] == "medewerker"
    assert body["omschrijvingGeneriek"] == "behandelaar"
    assert body["betrokkeneIdentificatie"]["identificatie"] == "behandelaar-den-haag"
    rol = Rol.objects.get(uuid=body["uuid"])
    assert rol.medewerker.username == "behandelaar-den-haag"
    line = AuditLog.objects.get(name="rol_toevoegen")
    assert (line.zaak, line.actor_type, line.operation) == (zaak, "applicatie", "write")
    assert Notificatie.objects.filter(resource="rol", actie="create", resource_url__endswith=body["uuid"]).count() == 1


def test_post_behandelaar_of_another_municipality_is_refused(client, zac, maak_zaak):
    zaak = maak_zaak()
    response = behandelaar(client, zaak, "behandelaar-rotterdam")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "betrokkeneIdentificatie.identificatie"


def test_post_belanghebbende_with_a_valid_bsn(client, zac, maak_zaak):
    zaak = maak_zaak()
    body = {"zaak": zaak_url(zaak), "roltype": roltype(client, zaak, "belanghebbende"),
            "betrokkeneType": "natuurlijk_persoon", "roltoelichting": "Buurman",
            "betrokkeneIdentificatie": {"inpBsn": "999990019", "voornamen": "Jan", "voorvoegselGeslachtsnaam": "de",
                                        "geslachtsnaam": "Vries"}}
    response = post(client, **body)
    assert response.status_code == 201, response.content
    assert response.json()["betrokkeneIdentificatie"]["inpBsn"] == "999990019"
    assert response.json()["afwijkendeNaamBetrokkene"] == "Jan de Vries"
    line = AuditLog.objects.get(name="rol_toevoegen")
    assert line.data_subject_hash == subject_hash("999990019")
    bad = post(client, **{**body, "betrokkeneIdentificatie": {"inpBsn": "123456789"}})
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["name"] == "betrokkeneIdentificatie.inpBsn"


def test_zrc_019_roltype_of_the_zaaktype(client, zac, maak_zaak):
    zaak = maak_zaak()
    verhuizing = ZaakType.objects.get(process_slug="verhuizing")
    other = roltype(client, zaak, "behandelaar", identificatie=verhuizing.identificatie)
    response = post(client, zaak=zaak_url(zaak), roltype=other, betrokkeneType="medewerker", roltoelichting="",
                    betrokkeneIdentificatie={"identificatie": "behandelaar-den-haag"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "roltype"
    assert response.json()["invalidParams"][0]["code"] == "zaaktype-mismatch"
    assert not Rol.objects.filter(roltype="behandelaar").exists()


def test_only_what_our_rol_can_hold(client, zac, maak_zaak):
    zaak = maak_zaak()
    response = post(client, zaak=zaak_url(zaak), roltype=roltype(client, zaak, "behandelaar"),
                    betrokkeneType="organisatorische_eenheid", roltoelichting="",
                    betrokkeneIdentificatie={"identificatie": "team"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "unsupported"
    response = post(client, zaak=zaak_url(zaak), roltype=roltype(client, zaak, "behandelaar"),
                    betrokkeneType="medewerker", roltoelichting="", betrokkene="https://elders.example/mdw/1")
    assert response.status_code == 400


def test_required_fields(client, zac):
    response = post(client)
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"zaak", "roltype", "betrokkeneType",
                                                                     "roltoelichting"}


def test_write_scope_and_other_municipality(client, zac, zrc_client, maak_zaak):
    zaak = maak_zaak()
    url = roltype(client, zaak, "behandelaar")
    zrc_client(client_id="lezer")
    body = {"zaak": zaak_url(zaak), "roltype": url, "betrokkeneType": "medewerker", "roltoelichting": "",
            "betrokkeneIdentificatie": {"identificatie": "behandelaar-den-haag"}}
    assert post(client, "lezer", **body).status_code == 403
    zrc_client(client_id="rdam", gemeente="rotterdam", scopes=("zaken.bijwerken",))
    response = post(client, "rdam", **body)
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "zaak"
    assert not Rol.objects.filter(roltype="behandelaar").exists()


def test_delete_behandelaar(client, zac, zrc_client, maak_zaak):
    zaak = maak_zaak()
    rol_url = behandelaar(client, zaak, "behandelaar-den-haag").json()["url"]
    zrc_client(client_id="rdam", gemeente="rotterdam", scopes=("zaken.lezen", "zaken.bijwerken"))
    assert client.delete(rol_url, **auth("rdam")).status_code == 404
    zrc_client(client_id="lezer")
    assert client.delete(rol_url, **auth("lezer")).status_code == 403
    assert client.delete(rol_url, **auth("zac")).status_code == 204
    assert not Rol.objects.filter(roltype="behandelaar").exists()
    line = AuditLog.objects.get(name="rol_verwijderen")
    assert (line.zaak, line.actor_type) == (zaak, "applicatie")
    assert Notificatie.objects.filter(resource="rol", actie="destroy", resource_url__endswith=rol_url[-36:]).count() == 1
    assert client.get(rol_url, **auth("zac")).status_code == 404


def test_the_initiator_is_never_deleted(client, zac, maak_zaak):
    zaak = maak_zaak()
    initiator = Rol.objects.get(zaak=zaak)
    response = client.delete(f"{URL}/{initiator.uuid}", **auth("zac"))
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert Rol.objects.filter(pk=initiator.pk).exists()
    assert not AuditLog.objects.filter(name="rol_verwijderen").exists()
