"""GET /zaken and POST /zaken/_zoek with the rol__ filters: a person's or a company's cases, as a portal
like Open Inwoner asks for them. One rol must meet every rol__ filter; the search is logged as a read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaken.models import AuditLog, Rol
from zaken.services import subject_hash

pytestmark = pytest.mark.django_db

LIST = "/api/zaken/v1/zaken"
BSN = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
KVK = "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId"
SUZANNE, ANDER = "999993653", "999990019"  # RvIG test BSNs


def rol(zaak, roltype, **identity):
    kind = Rol.BetrokkeneType.NATUURLIJK_PERSOON if "inp_bsn" in identity else Rol.BetrokkeneType.NIET_NATUURLIJK_PERSOON
    return Rol.objects.create(zaak=zaak, roltype=roltype, betrokkene_type=kind, naam="Iemand", **identity)


@pytest.fixture
def zaken(zaak):
    """Rotterdam: Suzanne's own case, a case where she is belanghebbende of someone else's, a stranger's
    case, a company's case; Den Haag: a case of hers there."""
    eigen = zaak()  # the factory's initiator is Suzanne
    belang = zaak()
    belang.rollen.update(inp_bsn=ANDER)
    rol(belang, Rol.RolType.BELANGHEBBENDE, inp_bsn=SUZANNE)
    vreemd = zaak()
    vreemd.rollen.update(inp_bsn=ANDER)
    bedrijf = zaak()
    bedrijf.rollen.all().delete()
    rol(bedrijf, Rol.RolType.INITIATOR, nnp_kvk_nummer="68750110")
    elders = zaak(gemeente="den-haag")
    return {"eigen": eigen, "belang": belang, "vreemd": vreemd, "bedrijf": bedrijf, "elders": elders}


def found(client, headers, **params) -> set[str]:
    response = client.get(LIST, params, **headers)
    assert response.status_code == 200, response.json()
    return {r["uuid"] for r in response.json()["results"]}


def uuids(zaken, *names) -> set[str]:
    return {str(zaken[name].uuid) for name in names}


def test_a_persons_cases_with_the_rol_they_have(client, zrc, zaken):
    headers = zrc()
    assert found(client, headers, **{BSN: SUZANNE}) == uuids(zaken, "eigen", "belang")
    assert found(client, headers, **{BSN: SUZANNE, "rol__omschrijvingGeneriek": "initiator"}) == uuids(zaken, "eigen")
    assert found(client, headers, **{BSN: SUZANNE, "rol__omschrijvingGeneriek": "belanghebbende"}) == \
        uuids(zaken, "belang")
    # One rol meets them all: the other person is the initiator of "belang", Suzanne only belanghebbende.
    assert found(client, headers, **{BSN: ANDER, "rol__omschrijvingGeneriek": "belanghebbende"}) == set()
    assert found(client, headers, **{BSN: SUZANNE, "rol__betrokkeneType": "niet_natuurlijk_persoon"}) == set()
    assert found(client, headers, **{KVK: "68750110"}) == uuids(zaken, "bedrijf")
    # What we keep no data for matches nothing, never everything.
    assert found(client, headers, **{"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer": "1234567890"}) \
        == set()


def test_another_municipalitys_client_finds_only_its_own_cases(client, zrc, zaken):
    assert found(client, zrc(gemeente="den-haag", client_id="dh"), **{BSN: SUZANNE}) == uuids(zaken, "elders")


def test_a_number_that_is_no_bsn_is_a_validatiefout(client, zrc, zaken):
    for wrong in ("123456789", "12345", "abcdefghi"):
        response = client.get(LIST, {BSN: wrong}, **zrc(client_id=f"c{wrong}"))
        assert response.status_code == 400, wrong
        (param,) = response.json()["invalidParams"]
        assert param["name"] == BSN and param["code"] in ("invalid", "max_length")
        assert "BSN" in param["reason"] or "9" in param["reason"]
    # The rollen list checks the same parameter the same way.
    rollen = client.get("/api/zaken/v1/rollen", {BSN.removeprefix("rol__"): "123456789"}, **zrc(client_id="rl"))
    assert rollen.status_code == 400 and rollen.json()["invalidParams"][0]["name"] == BSN.removeprefix("rol__")
    bad = client.get(LIST, {"rol__omschrijvingGeneriek": "koning"}, **zrc(client_id="kz"))
    assert bad.status_code == 400 and bad.json()["invalidParams"][0]["name"] == "rol__omschrijvingGeneriek"


def test_the_search_is_logged_per_case_under_the_persons_hash(client, zrc, zaken):
    headers = zrc()
    AuditLog.objects.all().delete()
    found(client, headers, **{BSN: SUZANNE})
    lines = AuditLog.objects.filter(name="zaken_zoeken_op_rol")
    assert {line.zaak_id for line in lines} == {zaken["eigen"].pk, zaken["belang"].pk}
    for line in lines:
        assert line.operation == AuditLog.Operation.READ and line.actor_type == AuditLog.Actor.APPLICATIE
        assert line.data_subject_hash == subject_hash(SUZANNE) and line.categories == ["rol: bsn"]
        assert SUZANNE not in f"{line.name} {line.reason} {line.processing_activity} {line.actor_label}"
    # A list without a person's number logs no reads.
    found(client, headers, identificatie=zaken["eigen"].identificatie)
    assert AuditLog.objects.filter(operation=AuditLog.Operation.READ).count() == 2


def test_zoek_takes_the_rol_filters_in_its_body(client, zrc, zaken):
    headers = zrc()
    response = client.post(f"{LIST}/_zoek", {BSN: SUZANNE, "rol__omschrijvingGeneriek": "initiator"},
                           content_type="application/json", **headers)
    assert response.status_code == 200, response.json()
    assert {r["uuid"] for r in response.json()["results"]} == uuids(zaken, "eigen")
    nested = client.post(f"{LIST}/_zoek", {"betrokkeneIdentificatie": {"inpBsn": SUZANNE}},
                         content_type="application/json", **headers)
    assert nested.status_code == 400 and nested.json()["invalidParams"][0]["code"] == "niet-ondersteund"


def test_queries_do_not_grow_with_the_persons_cases(client, zrc, zaak):
    headers = zrc()
    zaak()

    def queries():
        client.get(LIST, {BSN: SUZANNE}, **headers)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LIST, {BSN: SUZANNE}, **headers).status_code == 200
        return len(ctx.captured_queries)

    one = queries()
    for _ in range(20):
        zaak()
    assert queries() == one
