"""/api/zaken/v1/resultaten: list, detail, POST through the service (zrc-020, one per zaak, audit, outbox)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaken.models import AuditLog, Resultaat, ZaakType
from zaken.notificaties.models import Notificatie

from ..conftest import auth

URL = "/api/zaken/v1/resultaten"


def zaak_url(zaak):
    return f"http://testserver/api/zaken/v1/zaken/{zaak.uuid}"


@pytest.fixture
def zac(zrc_client):
    return zrc_client(scopes=("zaken.lezen", "zaken.bijwerken"), extra=[("ztc", ["catalogi.lezen"])])


def resultaattypen(client, zaak):
    zaaktype = client.get("/api/catalogi/v1/zaaktypen", **auth("zac")).json()["results"]
    url = next(z["url"] for z in zaaktype if z["identificatie"] == zaak.zaaktype.identificatie)
    return client.get("/api/catalogi/v1/resultaattypen", {"zaaktype": url}, **auth("zac")).json()["results"]


def post(client, client_id="zac", **body):
    return client.post(URL, json.dumps(body), content_type="application/json", **auth(client_id))


def test_post_list_detail(client, zac, maak_zaak):
    zaak = maak_zaak()
    resultaattype = resultaattypen(client, zaak)[0]
    response = post(client, zaak=zaak_url(zaak), resultaattype=resultaattype["url"], toelichting="Klaar")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["zaak"] == zaak_url(zaak)
    assert body["resultaattype"] == resultaattype["url"]
    assert body["toelichting"] == "Klaar"
    assert client.get(body["url"], **auth("zac")).json() == body
    listed = client.get(URL, {"zaak": zaak_url(zaak)}, **auth("zac")).json()
    assert listed["results"] == [body]
    assert client.get(URL, {"resultaattype": resultaattype["url"]}, **auth("zac")).json()["count"] == 1
    other = resultaattypen(client, zaak)[1]["url"]
    assert client.get(URL, {"resultaattype": other}, **auth("zac")).json()["count"] == 0


def test_post_writes_audit_line_and_notification(client, zac, maak_zaak):
    zaak = maak_zaak()
    resultaattype = resultaattypen(client, zaak)[0]["url"]
    assert post(client, zaak=zaak_url(zaak), resultaattype=resultaattype).status_code == 201
    line = AuditLog.objects.get(name="resultaat_vastleggen")
    assert (line.zaak, line.actor_type, line.operation) == (zaak, "applicatie", "write")
    resultaat = Resultaat.objects.get()
    assert Notificatie.objects.filter(resource="resultaat", actie="create",
                                      resource_url__endswith=str(resultaat.uuid)).count() == 1


def test_zrc_020_resultaattype_of_the_zaaktype(client, zac, maak_zaak):
    zaak = maak_zaak()
    verhuizing = ZaakType.objects.get(process_slug="verhuizing")
    other = [r["url"] for r in client.get("/api/catalogi/v1/resultaattypen", **auth("zac")).json()["results"]
             if r["zaaktypeIdentificatie"] == verhuizing.identificatie]
    assert other, "the demo catalogus has resultaattypen of another zaaktype"
    for url in (other[0], "http://testserver/api/catalogi/v1/resultaattypen/00000000-0000-0000-0000-000000000000"):
        response = post(client, zaak=zaak_url(zaak), resultaattype=url)
        assert response.status_code == 400
        assert response.json()["invalidParams"][0]["name"] == "resultaattype"
        assert response.json()["invalidParams"][0]["code"] == "zaaktype-mismatch"
    assert not Resultaat.objects.exists()


def test_one_resultaat_per_zaak(client, zac, maak_zaak):
    zaak = maak_zaak()
    url = resultaattypen(client, zaak)[0]["url"]
    assert post(client, zaak=zaak_url(zaak), resultaattype=url).status_code == 201
    response = post(client, zaak=zaak_url(zaak), resultaattype=url)
    assert response.status_code == 400
    assert response.json()["invalidParams"][0] == {"name": "zaak", "code": "unique", "reason": response.json()[
        "invalidParams"][0]["reason"]}
    assert Resultaat.objects.count() == 1


def test_zaak_of_another_municipality_or_outside_scope_is_a_400(client, zac, zrc_client, maak_zaak):
    eigen = maak_zaak()
    url = resultaattypen(client, eigen)[0]["url"]
    rdam = maak_zaak(gemeente="rotterdam")
    response = post(client, zaak=zaak_url(rdam), resultaattype=url)
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "zaak"
    zrc_client(client_id="lezer", scopes=("zaken.lezen",))
    assert post(client, "lezer", zaak=zaak_url(eigen), resultaattype=url).status_code == 403
    zrc_client(client_id="openbaar", scopes=("zaken.bijwerken",), max_vertrouwelijkheidaanduiding="openbaar")
    assert post(client, "openbaar", zaak=zaak_url(eigen), resultaattype=url).status_code == 400
    assert not Resultaat.objects.exists()


def test_other_municipality_reads_nothing(client, zac, zrc_client, maak_zaak):
    zaak = maak_zaak()
    assert post(client, zaak=zaak_url(zaak), resultaattype=resultaattypen(client, zaak)[0]["url"]).status_code == 201
    zrc_client(client_id="rdam", gemeente="rotterdam")
    resultaat = Resultaat.objects.get()
    assert client.get(URL, **auth("rdam")).json()["count"] == 0
    assert client.get(f"{URL}/{resultaat.uuid}", **auth("rdam")).status_code == 404


def test_required_fields(client, zac):
    response = post(client)
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"zaak", "resultaattype"}


def test_query_count_constant(client, zac, maak_zaak):
    from zaken.api.zaken.services_deel import resultaat_vastleggen
    from zaken.actors import Actor

    def vastleggen(zaak):
        resultaat_vastleggen(zaak=zaak, statuscode="afgehandeld", toelichting="", actor=Actor.system("test"))

    vastleggen(maak_zaak())
    client.get(URL, **auth("zac"))
    with CaptureQueriesContext(connection) as one:
        client.get(URL, **auth("zac"))
    for _ in range(49):
        vastleggen(maak_zaak())
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL, **auth("zac")).json()["count"] == 50
    assert len(many) == len(one)


def test_zaaktype_or_vertrouwelijkheid_outside_the_autorisatie_reads_nothing(client, zac, zrc_client, maak_zaak):
    zaak = maak_zaak()
    assert post(client, zaak=zaak_url(zaak), resultaattype=resultaattypen(client, zaak)[0]["url"]).status_code == 201
    resultaat = Resultaat.objects.get()
    zrc_client(client_id="ander-type", zaaktype=ZaakType.objects.get(process_slug="verhuizing"))
    zrc_client(client_id="openbaar", max_vertrouwelijkheidaanduiding="openbaar")
    for client_id in ("ander-type", "openbaar"):
        assert client.get(URL, **auth(client_id)).json()["count"] == 0
        assert client.get(f"{URL}/{resultaat.uuid}", **auth(client_id)).status_code == 404
