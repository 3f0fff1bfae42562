"""The expand batch functions (expand_deel): a page of cases in a constant number of queries, the same
data as the resources' own endpoints, and reads of personal data logged."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.verhuizing.helpers import file_move
from zaken.actors import Actor
from zaken.api.common.auth import ApiClient
from zaken.api.zaken import expand_deel
from zaken.api.zaken.services_deel import resultaat_vastleggen
from zaken.models import AuditLog, Zaak

from ..conftest import auth


def api_request(app):
    request = RequestFactory().get("/api/zaken/v1/zaken")
    request.user = ApiClient(app, list(app.autorisaties.all()), {"user_representation": "Test"})
    return request


@pytest.fixture
def zac(zrc_client):
    return zrc_client(scopes=("zaken.lezen",))


def page(n):
    """A page as the zaken list reads it (zaaktype joined)."""
    return list(Zaak.objects.select_related("zaaktype").order_by("pk")[:n])


def test_rollen_and_resultaat_as_the_endpoints_give_them(client, zac, maak_zaak):
    zaak = maak_zaak()
    resultaat_vastleggen(zaak=zaak, statuscode="afgehandeld", toelichting="", actor=Actor.system("test"))
    request = api_request(zac)
    rollen = expand_deel.rollen(request, page(1))[zaak.pk]
    endpoint = client.get("/api/zaken/v1/rollen", **auth("zac")).json()["results"]
    assert [r["url"] for r in rollen] == [r["url"] for r in endpoint]
    assert rollen[0]["roltype"] == endpoint[0]["roltype"]
    assert rollen[0]["betrokkeneIdentificatie"] == endpoint[0]["betrokkeneIdentificatie"]
    resultaat = expand_deel.resultaat(request, page(1))[zaak.pk]
    assert resultaat["url"] == client.get("/api/zaken/v1/resultaten", **auth("zac")).json()["results"][0]["url"]
    assert expand_deel.eigenschappen(request, page(1)) == {zaak.pk: []}
    assert AuditLog.objects.filter(name="rol_inzien", actor_type="applicatie").exists()


def test_a_case_without_resultaat(zac, maak_zaak):
    zaak = maak_zaak()
    assert expand_deel.resultaat(api_request(zac), page(1)) == {zaak.pk: None}


def test_zaakobjecten_of_a_move(zrc_client, demo):
    verhuizing = file_move(bsn="999993653", postcode="3035AW", huisnummer=60, days=1)
    app = zrc_client(client_id="rdam", gemeente="rotterdam")
    found = expand_deel.zaakobjecten(api_request(app), page(1))[verhuizing.zaak_id]
    assert [o["objectType"] for o in found] == ["adres"]
    assert AuditLog.objects.filter(name="zaakobject_inzien").count() == 1


@pytest.mark.parametrize("name", ["rollen", "resultaat", "zaakobjecten", "eigenschappen"])
def test_query_count_constant(zac, maak_zaak, name):
    function = expand_deel.EXPAND[name]
    maak_zaak()
    request, first = api_request(zac), page(1)
    with CaptureQueriesContext(connection) as one:
        function(request, first)
    for i in range(49):
        zaak = maak_zaak(bsn="999990019" if i % 2 else "999993653")
        if i % 3 == 0:
            resultaat_vastleggen(zaak=zaak, statuscode="afgewezen", toelichting="", actor=Actor.system("test"))
    zaken = page(50)
    with CaptureQueriesContext(connection) as many:
        out = function(request, zaken)
    assert set(out) == {z.pk for z in zaken}
    assert len(many) == len(one)
    selects = [q for q in many.captured_queries if q["sql"].startswith("SELECT")]
    assert len(selects) <= 1 and len(many) - len(selects) <= 1  # one read, at most one INSERT of the log


def test_zaakobjecten_of_a_parking_permit(zrc_client, demo):
    """The parking permit's hook: its address (BAG adresseerbaar object) and kenteken, one query."""
    from tests.parkeervergunning.support import make_vergunning
    from zaken.processes.parkeervergunning.demo import zones_ensure
    from zaken.processes.parkeervergunning.selectors import zaakobjecten

    zones_ensure()
    vergunning = make_vergunning("ontvangen")
    with CaptureQueriesContext(connection) as queries:
        found = zaakobjecten([vergunning.zaak])[vergunning.zaak_id]
    assert len(queries) == 1
    assert [(o["soort"], o["objectType"]) for o in found] == [("adres", "adres"), ("kenteken", "overige")]
    assert found[0]["objectIdentificatie"]["identificatie"] == "0599010000208579"
    assert found[1]["objectIdentificatie"] == {"overigeData": {"kenteken": "KSS27G"}}
    assert set(zaakobjecten.soorten) == {o["soort"] for o in found}
