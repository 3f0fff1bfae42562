"""/zaken/{uuid}/audittrail (from our audit log, scope audittrails.lezen) and /zaken/{uuid}/zaakeigenschappen."""

import json

import pytest

from zaken.models import AuditLog

from ..conftest import auth


def trail(zaak):
    return f"/api/zaken/v1/zaken/{zaak.uuid}/audittrail"


def eigenschappen(zaak):
    return f"/api/zaken/v1/zaken/{zaak.uuid}/zaakeigenschappen"


@pytest.fixture
def lezer(zrc_client):
    return zrc_client(client_id="audit", scopes=("audittrails.lezen", "zaken.lezen"))


def test_audittrail_of_a_case(client, lezer, maak_zaak):
    zaak = maak_zaak()
    response = client.get(trail(zaak), **auth("audit"))
    assert response.status_code == 200, response.content
    assert response["API-version"] == "1.5.1"
    lines = response.json()
    assert lines, "zaak_create wrote an audit line"
    first = lines[0]
    for field in ("uuid", "bron", "actie", "resultaat", "hoofdObject", "resource", "resourceUrl", "resourceWeergave",
                  "aanmaakdatum", "wijzigingen", "applicatieId", "applicatieWeergave", "gebruikersId",
                  "gebruikersWeergave", "actieWeergave", "toelichting"):
        assert field in first
    assert first["bron"] == "zrc"
    assert first["actie"] == "create"
    assert first["resultaat"] == 201
    assert first["hoofdObject"] == f"http://testserver/api/zaken/v1/zaken/{zaak.uuid}"
    assert first["resourceWeergave"] == zaak.identificatie
    detail = client.get(f"{trail(zaak)}/{first['uuid']}", **auth("audit"))
    assert detail.status_code == 200
    assert detail.json() == first
    assert client.get(f"{trail(zaak)}/00000000-0000-4000-8000-000000000000", **auth("audit")).status_code == 404


def test_api_writes_appear_with_the_application(client, zrc_client, maak_zaak):
    zrc_client(scopes=("zaken.lezen", "zaken.bijwerken", "audittrails.lezen"), extra=[("ztc", ["catalogi.lezen"])])
    zaak = maak_zaak()
    zaaktype = next(z["url"] for z in client.get("/api/catalogi/v1/zaaktypen", **auth("zac")).json()["results"]
                    if z["identificatie"] == zaak.zaaktype.identificatie)
    resultaattype = client.get("/api/catalogi/v1/resultaattypen", {"zaaktype": zaaktype},
                               **auth("zac")).json()["results"][0]["url"]
    body = {"zaak": f"http://testserver/api/zaken/v1/zaken/{zaak.uuid}", "resultaattype": resultaattype}
    assert client.post("/api/zaken/v1/resultaten", json.dumps(body), content_type="application/json",
                       **auth("zac")).status_code == 201
    line = next(x for x in client.get(trail(zaak), **auth("zac")).json() if x["resource"] == "resultaat")
    assert line["actie"] == "create"
    assert "zac" in line["applicatieWeergave"]


def test_reading_the_audittrail_is_logged(client, lezer, maak_zaak):
    zaak = maak_zaak()
    client.get(trail(zaak), **auth("audit"))
    line = AuditLog.objects.get(name="audittrail_inzien")
    assert (line.zaak, line.actor_type, line.operation) == (zaak, "applicatie", "read")


def test_audittrail_scope_and_other_municipality(client, zrc_client, maak_zaak):
    zaak = maak_zaak()
    zrc_client(client_id="lezer")  # zaken.lezen, not audittrails.lezen
    assert client.get(trail(zaak), **auth("lezer")).status_code == 403
    zrc_client(client_id="rdam", gemeente="rotterdam", scopes=("audittrails.lezen",))
    assert client.get(trail(zaak), **auth("rdam")).status_code == 404
    zrc_client(client_id="openbaar", scopes=("audittrails.lezen",), max_vertrouwelijkheidaanduiding="openbaar")
    assert client.get(trail(zaak), **auth("openbaar")).status_code == 404


def test_zaakeigenschappen_empty_with_404s(client, zrc_client, maak_zaak):
    zaak = maak_zaak()
    zrc_client()
    response = client.get(eigenschappen(zaak), **auth("zac"))
    assert response.status_code == 200
    assert response.json() == []
    assert client.get(f"{eigenschappen(zaak)}/00000000-0000-4000-8000-000000000000", **auth("zac")).status_code == 404
    zrc_client(client_id="rdam", gemeente="rotterdam")
    assert client.get(eigenschappen(zaak), **auth("rdam")).status_code == 404
    other = "/api/zaken/v1/zaken/00000000-0000-4000-8000-000000000000/zaakeigenschappen"
    assert client.get(other, **auth("zac")).status_code == 404
    zrc_client(client_id="schrijver", scopes=("zaken.bijwerken",))
    assert client.get(eigenschappen(zaak), **auth("schrijver")).status_code == 403


def test_audittrail_query_count_constant(client, lezer, maak_zaak, rechten):
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from zaken.backoffice.services import dossier_inzien_record

    zaak = maak_zaak()
    client.get(trail(zaak), **auth("audit"))
    with CaptureQueriesContext(connection) as few:
        client.get(trail(zaak), **auth("audit"))
    user = get_user_model().objects.get(username="behandelaar-den-haag")
    for _ in range(50):
        dossier_inzien_record(user=user, zaak=zaak, categories=["gegevens"])
    with CaptureQueriesContext(connection) as many:
        lines = client.get(trail(zaak), **auth("audit")).json()
    assert any(line["gebruikersId"] == "behandelaar-den-haag" for line in lines)
    assert len(many) == len(few)
