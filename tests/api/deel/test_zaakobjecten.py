"""/api/zaken/v1/zaakobjecten: the new address of a move (filed through the real service), read only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.verhuizing.helpers import file_move
from zaken.api.zaken import objecten_deel
from zaken.models import AuditLog, Zaak
from zaken.services import subject_hash

from ..conftest import auth

URL = "/api/zaken/v1/zaakobjecten"
SUZANNE = "999993653"  # lives alone in Rotterdam


def zaak_url(zaak):
    return f"http://testserver/api/zaken/v1/zaken/{zaak.uuid}"


@pytest.fixture
def verhuizing(demo):
    return file_move(bsn=SUZANNE, postcode="3035AW", huisnummer=60, days=1)


@pytest.fixture
def rdam(zrc_client):
    return zrc_client(client_id="rdam", gemeente="rotterdam")


def test_the_address_of_a_move(client, rdam, verhuizing):
    zaak = verhuizing.zaak
    response = client.get(URL, **auth("rdam"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == 1
    item = body["results"][0]
    assert item["zaak"] == zaak_url(zaak)
    assert item["objectType"] == "adres"
    ident = item["objectIdentificatie"]
    assert ident["identificatie"] == verhuizing.nieuw_adresseerbaar_object
    assert ident["postcode"] == "3035AW" and ident["huisnummer"] == 60
    assert ident["gorOpenbareRuimteNaam"] and ident["wplWoonplaatsNaam"]
    detail = client.get(item["url"], **auth("rdam"))
    assert detail.status_code == 200
    assert detail.json() == item
    # stable: the same object has the same uuid on every read
    assert client.get(URL, **auth("rdam")).json()["results"][0]["uuid"] == item["uuid"]


def test_filters(client, rdam, verhuizing):
    def count(**params):
        response = client.get(URL, params, **auth("rdam"))
        assert response.status_code == 200, response.content
        return response.json()["count"], len(response.json()["results"])

    assert count(zaak=zaak_url(verhuizing.zaak)) == (1, 1)
    assert count(zaak="http://testserver/api/zaken/v1/zaken/00000000-0000-4000-8000-000000000000") == (0, 0)
    assert count(objectType="adres") == (1, 1)
    assert count(objectType="pand") == (0, 0)
    assert count(object="https://bag.example/adressen/1") == (0, 0)
    assert client.get(URL, {"objectType": "iets"}, **auth("rdam")).status_code == 400


def test_reads_are_logged(client, rdam, verhuizing):
    client.get(URL, **auth("rdam"))
    line = AuditLog.objects.get(name="zaakobject_inzien")
    assert (line.zaak, line.actor_type, line.operation) == (verhuizing.zaak, "applicatie", "read")
    assert line.data_subject_hash == subject_hash(SUZANNE)


def test_other_municipality_and_scope(client, zrc_client, rdam, verhuizing):
    item = client.get(URL, **auth("rdam")).json()["results"][0]
    zrc_client(client_id="dh")
    assert client.get(URL, **auth("dh")).json()["count"] == 0
    assert client.get(item["url"], **auth("dh")).status_code == 404
    zrc_client(client_id="openbaar", gemeente="rotterdam", max_vertrouwelijkheidaanduiding="openbaar")
    assert client.get(item["url"], **auth("openbaar")).status_code == 404
    zrc_client(client_id="zonder", gemeente="rotterdam", scopes=("zaken.bijwerken",))
    assert client.get(URL, **auth("zonder")).status_code == 403


def test_unknown_uuid_is_404(client, rdam, verhuizing):
    assert client.get(f"{URL}/00000000-0000-4000-8000-000000000000", **auth("rdam")).status_code == 404


def test_uuid_round_trip():
    import uuid

    zaak_uuid = uuid.uuid4()
    key = objecten_deel.zaakobject_uuid(zaak_uuid, "adres")
    assert key.version == 4 and key != zaak_uuid
    assert objecten_deel.zaak_uuids_of_zaakobject(key)[zaak_uuid] == "adres"


def test_query_count_constant(client, rdam, verhuizing):
    client.get(URL, **auth("rdam"))
    with CaptureQueriesContext(connection) as one:
        client.get(URL, **auth("rdam"))
    # More moves of the same household are refused while one is open: copy the case's data instead.
    from zaken.processes.verhuizing.models import Verhuizing

    for i in range(49):
        zaak = Zaak.objects.get(pk=verhuizing.zaak_id)
        zaak.pk, zaak.uuid, zaak.identificatie = None, __import__("uuid").uuid4(), f"ZAAK-X-{i}"
        zaak.huidige_status = None
        zaak.save()
        copy = Verhuizing.objects.get(pk=verhuizing.pk)
        copy.pk, copy.id, copy.zaak = None, None, zaak
        copy.save()
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL, **auth("rdam")).json()["count"] == 50
    assert len(many) == len(one)
