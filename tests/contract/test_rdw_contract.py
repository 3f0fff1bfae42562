"""The mock RDW answers as our contract says (docs/rdw-openapi.json): every operation, its successes and
its errors, checked against the document's schemas, content types and headers; and the client's
requests follow the same document.
"""

import json
import re

import pytest
import requests
from django.conf import settings
from jsonschema import Draft202012Validator

from tests.integrations.test_rdw_client import sent  # noqa: F401  (the fixture)
from zaken.integrations.http.inprocess import InProcessAdapter
from zaken.validators import is_valid_bsn

pytestmark = pytest.mark.django_db

SPEC = json.loads((settings.BASE_DIR / "docs" / "rdw-openapi.json").read_text(encoding="utf-8"))
NOT_FROM_THE_MOCK = {"401", "403", "500"}  # credentials and the RDW's own faults: the mock has neither

SUZANNE = "999993653"  # a valid licence, a car in her own name
ZONDER_PASFOTO = "999990081"
CBR_GELDIG, CBR_VERLOPEN, ZONDER_CBR = "999999345", "999993859", "000009866"


def node_ref(ref: str) -> dict:
    node = SPEC
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def _validate(schema: dict, instance) -> None:
    Draft202012Validator({**schema, "components": SPEC["components"]},
                         format_checker=Draft202012Validator.FORMAT_CHECKER).validate(instance)


def _operation(method: str, path: str) -> tuple[str, dict]:
    for template, operations in SPEC["paths"].items():
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), path) and method.lower() in operations:
            return template, operations[method.lower()]
    raise AssertionError(f"{method} {path} is not in the contract")


class Rdw:
    """Requests to the mock RDW; every answer is checked against the contract and remembered."""

    def __init__(self):
        self.session = requests.Session()
        self.session.mount(settings.MOCK_REGISTERS_URL + "/", InProcessAdapter())
        self.base = settings.REGISTERS["rdw"]["url"]
        self.seen: set[tuple[str, str]] = set()

    def __call__(self, method, path, expected: int, json=None, headers=None, data=None):
        response = self.session.request(method, self.base + path, json=json, data=data, headers=headers)
        assert response.status_code == expected, response.text
        _template, operation = _operation(method, path)
        documented = operation["responses"].get(str(expected))
        assert documented, f"{operation['operationId']} does not document {expected}"
        documented = node_ref(documented["$ref"]) if "$ref" in documented else documented
        (content_type, media), = documented["content"].items()
        assert response.headers["Content-Type"].split(";")[0] == content_type
        _validate(media["schema"], response.json())
        for name in documented.get("headers", {}):
            assert name in response.headers, name
        self.seen.add((operation["operationId"], str(expected)))
        return response.json()


def _zoek_body(bsn):
    return {"burgerservicenummer": bsn}


def _onbekend_bsn():
    """A BSN that passes the elfproef and that the RDW does not know."""
    known = set(json.loads((settings.MOCK_DATA_DIR / "rdw" / "rijbewijzen.json").read_text())["personen"])
    return next(f"{n:09d}" for n in range(100000000, 200000000) if is_valid_bsn(f"{n:09d}") and f"{n:09d}" not in known)


def personen(rdw):
    onbekend = _onbekend_bsn()
    rijbewijs = rdw("POST", "/rijbewijzen/_zoek", 200, _zoek_body(SUZANNE))["rijbewijzen"]
    assert len(rijbewijs) == 1 and rijbewijs[0]["status"] == "geldig"
    assert rdw("POST", "/rijbewijzen/_zoek", 200, _zoek_body(onbekend)) == {"rijbewijzen": []}
    assert rdw("POST", "/pasfotoregistraties/_zoek", 200, _zoek_body(SUZANNE))["pasfotoregistraties"]
    assert rdw("POST", "/pasfotoregistraties/_zoek", 200, _zoek_body(ZONDER_PASFOTO)) == {"pasfotoregistraties": []}
    zoek = "/gezondheidsverklaringen/_zoek"
    assert rdw("POST", zoek, 200, _zoek_body(CBR_GELDIG))["gezondheidsverklaringen"][0]["status"] == "geldig"
    assert rdw("POST", zoek, 200, _zoek_body(CBR_VERLOPEN))["gezondheidsverklaringen"][0]["status"] == "verlopen"
    assert rdw("POST", zoek, 200, _zoek_body(ZONDER_CBR)) == {"gezondheidsverklaringen": []}


def personen_fouten(rdw, settings):
    for path in ("/rijbewijzen/_zoek", "/pasfotoregistraties/_zoek", "/gezondheidsverklaringen/_zoek"):
        for body, name, code in (({"burgerservicenummer": "12345678"}, "burgerservicenummer", "pattern"),
                                 ({"burgerservicenummer": "123456789"}, "burgerservicenummer", "elfproef"),
                                 ({}, "burgerservicenummer", "required"),
                                 ({"burgerservicenummer": SUZANNE, "bsn": SUZANNE}, "bsn", "unknownParam")):
            fout = rdw("POST", path, 400, body)
            assert [(p["name"], p["code"]) for p in fout["invalidParams"]] == [(name, code)]
            assert SUZANNE not in json.dumps(fout) and "123456789" not in json.dumps(fout)  # never echoed
        assert rdw("POST", path, 400, data="geen json", headers={"Content-Type": "application/json"}
                   )["invalidParams"][0]["name"] == "body"
    settings.MOCK_UNAVAILABLE = {"rdw"}
    for path in ("/rijbewijzen/_zoek", "/pasfotoregistraties/_zoek", "/gezondheidsverklaringen/_zoek",
                 "/voertuigen/_zoek"):
        rdw("POST", path, 503, _zoek_body(SUZANNE))
    settings.MOCK_UNAVAILABLE = set()


def _bestelopdracht(**overrides):
    return {"burgerservicenummer": SUZANNE, "categorieen": ["AM", "B"], "afhaallocatie": "0599:1",
            "besteldatum": "2026-04-30", **overrides}


def bestellingen(rdw, settings):
    key = {"Idempotency-Key": "samenloket:ZAAK-1"}
    eerste = rdw("POST", "/bestellingen", 201, _bestelopdracht(), headers=key)
    assert eerste["besteldatum"] == "2026-04-30" and eerste["gereedOp"] == "2026-05-04"
    assert rdw("POST", "/bestellingen", 200, _bestelopdracht(besteldatum="2026-05-01"), headers=key) == eerste
    rdw("POST", "/bestellingen", 409, _bestelopdracht(categorieen=["B"]), headers=key)
    onbekend = _onbekend_bsn()
    rdw("POST", "/bestellingen", 422, _bestelopdracht(burgerservicenummer=onbekend), headers={"Idempotency-Key": "k2"})
    fout = rdw("POST", "/bestellingen", 400, _bestelopdracht(categorieen=["B", "X"], afhaallocatie=""))
    assert [(p["name"], p["code"]) for p in fout["invalidParams"]] == [
        ("Idempotency-Key", "required"), ("categorieen[1]", "enum"), ("afhaallocatie", "maxLength")]
    fout = rdw("POST", "/bestellingen", 400, _bestelopdracht(categorieen=[], besteldatum="30-04-2026"),
               headers={"Idempotency-Key": "met spatie"})
    assert [(p["name"], p["code"]) for p in fout["invalidParams"]] == [
        ("Idempotency-Key", "pattern"), ("categorieen", "minItems"), ("besteldatum", "date")]

    order = eerste["orderId"]
    assert rdw("GET", f"/bestellingen/{order}", 200) == eerste
    rdw("GET", "/bestellingen/RDW000000000000", 404)
    rdw("GET", "/bestellingen/12345", 400)
    melding = f"/bestellingen/{order}/niet-uitgereikt-melding"
    gemeld = rdw("PUT", melding, 200, {"reden": "afhaaltermijnVerstreken"})
    assert rdw("PUT", melding, 200, {"reden": "afhaaltermijnVerstreken"}) == gemeld  # idempotent
    assert rdw("GET", f"/bestellingen/{order}", 200)["status"] == "niet_uitgereikt"
    assert rdw("PUT", melding, 400, {"reden": "kwijt"})["invalidParams"][0]["code"] == "enum"
    rdw("PUT", "/bestellingen/RDW000000000000/niet-uitgereikt-melding", 404, {"reden": "afhaaltermijnVerstreken"})
    rdw("PUT", "/bestellingen/x/niet-uitgereikt-melding", 400, {"reden": "afhaaltermijnVerstreken"})

    settings.MOCK_UNAVAILABLE = {"rdw"}
    rdw("POST", "/bestellingen", 503, _bestelopdracht(), headers={"Idempotency-Key": "k3"})
    rdw("GET", f"/bestellingen/{order}", 503)
    rdw("PUT", melding, 503, {"reden": "afhaaltermijnVerstreken"})
    settings.MOCK_UNAVAILABLE = set()


def voertuigen(rdw):
    eigen = rdw("POST", "/voertuigen/_zoek", 200, {"kenteken": "KSS27G"})["voertuigen"]
    assert eigen[0]["houder"] == {"burgerservicenummer": SUZANNE} and eigen[0]["soort"] == "eigen"
    lease = rdw("POST", "/voertuigen/_zoek", 200, {"kenteken": "LGN98D"})["voertuigen"]
    assert set(lease[0]["houder"]) == {"kvkNummer"} and lease[0]["soort"] == "lease"
    assert rdw("POST", "/voertuigen/_zoek", 200, {"kenteken": "ZZZ99Z"}) == {"voertuigen": []}
    for kenteken, code in (("KSS-27-G", "pattern"), ("ABCDEF", "sidecode"), (None, "required")):
        fout = rdw("POST", "/voertuigen/_zoek", 400, {"kenteken": kenteken})
        assert [(p["name"], p["code"]) for p in fout["invalidParams"]] == [("kenteken", code)]


def test_questions_about_a_person():
    personen(Rdw())


def test_questions_about_a_person_refused_or_unavailable(settings):
    personen_fouten(Rdw(), settings)


def test_orders(settings):
    bestellingen(Rdw(), settings)


def test_vehicles():
    voertuigen(Rdw())


def test_every_documented_answer_is_checked(settings):
    rdw = Rdw()
    personen(rdw)
    personen_fouten(rdw, settings)
    bestellingen(rdw, settings)
    voertuigen(rdw)
    documented = {(operation["operationId"], status) for operations in SPEC["paths"].values()
                  for operation in operations.values() for status in operation["responses"]
                  if status not in NOT_FROM_THE_MOCK}
    assert documented == rdw.seen


def test_unknown_path_and_method_are_foutberichten():
    rdw = Rdw()
    response = rdw.session.get(rdw.base + "/rijbewijzen/_zoek")
    assert response.status_code == 405 and response.headers["Content-Type"].startswith("application/problem+json")
    _validate({"$ref": "#/components/schemas/Foutbericht"}, response.json())


def test_the_clients_requests_follow_the_contract(sent):
    """What the rdw-http adapter sends: each body validates against its operation's request schema."""
    from zaken.integrations.registry import get_adapter

    rdw = get_adapter("rdw")
    rdw.rijbewijs(SUZANNE)
    rdw.pasfoto_registratie(SUZANNE)
    rdw.cbr_gezondheidsverklaring(SUZANNE)
    order = rdw.bestelling_plaatsen(order_key="samenloket:ZAAK-9", bsn=SUZANNE, categorieen=["B"],
                                    afhaallocatie="0599:1")
    rdw.bestelling_status(order)
    rdw.niet_uitgereikt_melden(order)
    rdw.voertuig("kss-27-g")
    operations = set()
    base = settings.REGISTERS["rdw"]["url"]
    for request in sent:
        assert request.url.startswith(base) and "?" not in request.url and SUZANNE not in request.url
        _template, operation = _operation(request.method, request.url[len(base):])
        operations.add(operation["operationId"])
        for parameter in operation.get("parameters", []):
            parameter = node_ref(parameter["$ref"]) if "$ref" in parameter else parameter
            if parameter["in"] == "header":
                _validate(parameter["schema"], request.headers[parameter["name"]])
        if "requestBody" in operation:
            _validate(operation["requestBody"]["content"]["application/json"]["schema"], json.loads(request.body))
    assert len(operations) == 7
