"""GET /api/zaken/v1/rollen: fields, filters, scope, other municipalities, query counts, read logging."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaken.models import AuditLog, Rol, Zaak
from zaken.services import subject_hash

from ..conftest import auth
from .conftest import BSN

URL = "/api/zaken/v1/rollen"
NP = "betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"


def zaak_url(zaak):
    return f"http://testserver/api/zaken/v1/zaken/{zaak.uuid}"


@pytest.fixture
def zac(zrc_client):
    return zrc_client(extra=[("ztc", ["catalogi.lezen"])])


def test_list_and_detail_fields(client, zac, maak_zaak):
    zaak = maak_zaak()
    response = client.get(URL, **auth("zac"))
    assert response.status_code == 200, response.content
    assert response["API-version"] == "1.5.1"
    body = response.json()
    assert body["count"] == 1
    rol = body["results"][0]
    assert rol["zaak"] == zaak_url(zaak)
    assert rol["betrokkeneType"] == "natuurlijk_persoon"
    assert rol["omschrijvingGeneriek"] == "initiator"
    assert rol["betrokkeneIdentificatie"]["inpBsn"] == BSN
    assert rol["afwijkendeNaamBetrokkene"] == "Test Persoon"
    for field in ("url", "uuid", "zaak", "betrokkeneType", "roltype", "omschrijving", "omschrijvingGeneriek",
                  "roltoelichting", "registratiedatum", "statussen"):
        assert field in rol
    detail = client.get(rol["url"], **auth("zac"))
    assert detail.status_code == 200
    assert detail.json() == rol


def test_roltype_is_the_catalogi_roltype(client, zac, maak_zaak):
    maak_zaak()
    rol = client.get(URL, **auth("zac")).json()["results"][0]
    roltype = client.get(rol["roltype"], **auth("zac"))
    assert roltype.status_code == 200, roltype.content
    assert roltype.json()["omschrijving"] == rol["omschrijving"]
    assert roltype.json()["omschrijvingGeneriek"] == rol["omschrijvingGeneriek"]


def test_filters(client, zac, maak_zaak):
    a, b = maak_zaak(), maak_zaak(bsn="999990019")
    kvk = maak_zaak(betrokkene_type=Rol.BetrokkeneType.NIET_NATUURLIJK_PERSOON, nnp_kvk_nummer="68750110",
                    naam="Test B.V.")
    rol_a = Rol.objects.get(zaak=a)

    def uuids(**params):
        response = client.get(URL, params, **auth("zac"))
        assert response.status_code == 200, response.content
        return {r["zaak"] for r in response.json()["results"]}

    assert uuids(zaak=zaak_url(a)) == {zaak_url(a)}
    assert uuids(**{NP: "999990019"}) == {zaak_url(b)}
    assert uuids(betrokkeneType="niet_natuurlijk_persoon") == {zaak_url(kvk)}
    assert uuids(betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId="68750110") == {zaak_url(kvk)}
    assert uuids(betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie="x") == set()
    assert uuids(betrokkene="http://example.org/x") == set()
    assert uuids(omschrijvingGeneriek="initiator") == {zaak_url(z) for z in (a, b, kvk)}
    assert uuids(omschrijvingGeneriek="behandelaar") == set()
    assert uuids(omschrijving=str(Rol.RolType.INITIATOR.label)) == {zaak_url(z) for z in (a, b, kvk)}
    roltype = client.get(f"{URL}/{rol_a.uuid}", **auth("zac")).json()["roltype"]
    assert uuids(roltype=roltype) == {zaak_url(z) for z in (a, b, kvk)}  # one zaaktype: one initiator roltype
    assert uuids(roltype=roltype.replace(roltype[-36:], "00000000-0000-0000-0000-000000000000")) == set()


def test_invalid_filter_value_is_a_validatiefout(client, zac):
    response = client.get(URL, {"betrokkeneType": "iets", "zaak": "geen-url"}, **auth("zac"))
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"betrokkeneType", "zaak"}


def test_other_municipality_sees_nothing(client, zac, zrc_client, maak_zaak):
    maak_zaak()
    zrc_client(client_id="rdam", gemeente="rotterdam")
    rol = Rol.objects.get()
    assert client.get(URL, **auth("rdam")).json()["count"] == 0
    assert client.get(f"{URL}/{rol.uuid}", **auth("rdam")).status_code == 404


def test_zaaktype_and_vertrouwelijkheid_outside_the_autorisatie(client, zrc_client, maak_zaak, demo):
    from zaken.models import ZaakType

    zaak = maak_zaak()
    rol = Rol.objects.get()
    verhuizing = ZaakType.objects.get(process_slug="verhuizing")
    zrc_client(client_id="ander-type", zaaktype=verhuizing)
    zrc_client(client_id="openbaar", max_vertrouwelijkheidaanduiding="openbaar")
    assert zaak.vertrouwelijkheidaanduiding != "openbaar"
    for client_id in ("ander-type", "openbaar"):
        assert client.get(URL, **auth(client_id)).json()["count"] == 0
        assert client.get(f"{URL}/{rol.uuid}", **auth(client_id)).status_code == 404


@pytest.mark.parametrize("scopes, expected", [((), 403), (("zaken.bijwerken",), 403), (("zaken.lezen",), 200)])
def test_scope_matrix(client, zrc_client, scopes, expected):
    zrc_client(scopes=scopes)
    assert client.get(URL, **auth("zac")).status_code == expected


def test_reads_are_logged_per_rol_in_one_insert(client, zac, maak_zaak):
    zaken = [maak_zaak(), maak_zaak(bsn="999990019")]
    before = AuditLog.objects.filter(operation="read").count()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, **auth("zac")).status_code == 200
    inserts = [q for q in queries.captured_queries if q["sql"].startswith('INSERT INTO "zaken_auditlog"')]
    assert len(inserts) == 1
    logged = AuditLog.objects.filter(operation="read", name="rol_inzien")
    assert logged.count() - 0 == AuditLog.objects.filter(operation="read").count() - before == 2
    line = logged.get(zaak=zaken[1])
    assert line.actor_type == "applicatie"
    assert "zac" in line.actor_label
    assert line.data_subject_hash == subject_hash("999990019")
    assert "999990019" not in str(line.categories) + line.actor_label + line.reason


def test_query_count_constant(client, zac, maak_zaak):
    maak_zaak()
    client.get(URL, **auth("zac"))  # the first request of a process reads settings once
    with CaptureQueriesContext(connection) as one:
        client.get(URL, **auth("zac"))
    for i in range(49):
        maak_zaak(bsn="999990019" if i % 2 else BSN)
    assert Zaak.objects.count() == 50
    with CaptureQueriesContext(connection) as many:
        body = client.get(URL, **auth("zac")).json()
    assert body["count"] == 50
    assert len(many) == len(one)


def test_count_is_capped(client, zac, maak_zaak, monkeypatch):
    """A municipality's rollen are counted up to zaken.paging.CAP, never all of them."""
    from zaken import paging

    for _ in range(3):
        maak_zaak()
    monkeypatch.setattr(paging, "CAP", 2)
    body = client.get(URL, **auth("zac")).json()
    assert body["count"] == 2
    assert len(body["results"]) == 2
