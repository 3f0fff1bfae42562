"""The mock KvK register answers as the KvK Handelsregister API Basisprofiel v1 does: the
basisprofiel with its embedded hoofdvestiging and eigenaar, the Vestigingenlijst, Ja/Nee
indicators, and the `{"fout": [{"code", "omschrijving"}]}` errors. Checked against
schemas/kvk.json, our own reading of the specification, over the HTTP stack."""

import json
from pathlib import Path

import pytest
import requests
from django.conf import settings
from jsonschema import Draft202012Validator

from zaken.integrations.http.inprocess import InProcessAdapter

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "kvk.json").read_text())
DEMO = ("69599084", "68750110", "68727720", "69599068", "90004760")


def valid(name: str, data) -> None:
    validator = Draft202012Validator({**SCHEMA, "$ref": f"#/$defs/{name}"})
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors


def get(path, params=None):
    session = requests.Session()
    session.mount(settings.MOCK_REGISTERS_URL + "/", InProcessAdapter())
    return session.get(settings.REGISTERS["kvk"]["url"] + path, params=params,
                       headers={"Accept": "application/hal+json", "apikey": "test"})


def ok(path, schema, params=None):
    response = get(path, params)
    assert response.status_code == 200, response.text
    valid(schema, response.json())
    return response.json()


@pytest.mark.parametrize("kvk_nummer", DEMO)
def test_basisprofiel_and_its_parts(kvk_nummer):
    profiel = ok(f"/basisprofielen/{kvk_nummer}", "basisprofiel")
    assert profiel["kvkNummer"] == kvk_nummer
    assert ok(f"/basisprofielen/{kvk_nummer}", "basisprofiel", {"geoData": "true"})["kvkNummer"] == kvk_nummer
    hoofd = ok(f"/basisprofielen/{kvk_nummer}/hoofdvestiging", "vestiging")
    assert hoofd == profiel["_embedded"]["hoofdvestiging"] and hoofd["indHoofdvestiging"] == "Ja"
    assert ok(f"/basisprofielen/{kvk_nummer}/eigenaar", "eigenaar") == profiel["_embedded"]["eigenaar"]


@pytest.mark.parametrize("kvk_nummer", DEMO)
def test_vestigingenlijst(kvk_nummer):
    lijst = ok(f"/basisprofielen/{kvk_nummer}/vestigingen", "vestigingenlijst")
    vestigingen = lijst["vestigingen"]
    assert lijst["totaalAantalVestigingen"] == len(vestigingen) == (
        lijst["aantalCommercieleVestigingen"] + lijst["aantalNietCommercieleVestigingen"])
    assert [v["indHoofdvestiging"] for v in vestigingen].count("Ja") == 1


@pytest.mark.parametrize("path, params, status, code", [
    ("/basisprofielen/6959908", None, 400, "IPD0004"),
    ("/basisprofielen/abcdefgh/vestigingen", None, 400, "IPD0004"),
    ("/basisprofielen/12345678", None, 404, "IPD0005"),
    ("/basisprofielen/12345678/vestigingen", None, 404, "IPD0005"),
    ("/basisprofielen/69599084", {"geoData": "ja"}, 400, "IPD1999"),
    ("/basisprofielen/69599084", {"onbekend": "1"}, 400, "IPD1999"),
    ("/basisprofielen/69599084/vestigingen", {"geoData": "true"}, 400, "IPD1999"),
])
def test_errors(path, params, status, code):
    response = get(path, params)
    assert response.status_code == status
    body = response.json()
    valid("fout", body)
    assert body["fout"][0]["code"] == code
