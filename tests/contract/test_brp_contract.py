"""Our mock BRP answers as Haal Centraal BRP Personen 2 (and our BRP-bijhouding contract) specify.

Every answer is checked against tests/contract/schemas/brp.json, written from the specification.
The requests go through the mock registers' WSGI app, as the client's do.
"""

import json
from pathlib import Path

import pytest
import requests
from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker

from zaken.integrations.brp.base import VOLLEDIG
from zaken.integrations.http.inprocess import InProcessAdapter
from zaken.integrations.models import BrpMockMutatie

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "brp.json").read_text(encoding="utf-8"))
PERSONEN = "/haalcentraal/api/brp/personen"
BIJHOUDING = "/gemeente/brp/bijhouding/v1"
RAADPLEEG = "RaadpleegMetBurgerservicenummer"
ZOEK_AOID = "ZoekMetAdresseerbaarObjectIdentificatie"
MOULIN = "999993653"
JOHAN, WILMA = "999999345", "999999357"
OVERLEDEN = "999990147"
HOFDIJK_651 = "0599010000110069"


def validate(data, definition: str) -> None:
    schema = {**SCHEMA, "$ref": f"#/$defs/{definition}"}
    errors = sorted(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(data), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


@pytest.fixture
def post():
    session = requests.Session()
    session.mount(settings.MOCK_REGISTERS_URL + "/", InProcessAdapter())

    def _post(path, body, **kwargs):
        return session.post(settings.MOCK_REGISTERS_URL + path, json=body, **kwargs)

    return _post


def raadpleeg(bsns, fields, **extra):
    return {"type": RAADPLEEG, "burgerservicenummer": bsns, "fields": fields, **extra}


# Answers

def test_every_person_of_the_test_set_follows_the_persoon_schema(post, mock_registers):
    personen = json.loads((mock_registers / "brp" / "personen.json").read_text(encoding="utf-8"))
    bsns = [p["burgerservicenummer"] for p in personen]
    seen_dates = set()
    for start in range(0, len(bsns), 20):
        response = post(PERSONEN, raadpleeg(bsns[start:start + 20], list(VOLLEDIG)))
        assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/json")
        validate(response.json(), "RaadpleegMetBurgerservicenummerResponse")
        seen_dates |= set(_date_types(response.json()))
    assert {"Datum", "JaarMaandDatum", "JaarDatum", "DatumOnbekend"} <= seen_dates  # each variant is checked


def _date_types(value):
    if isinstance(value, dict):
        if "langFormaat" in value and "type" in value:
            yield value["type"]
        for item in value.values():
            yield from _date_types(item)
    elif isinstance(value, list):
        for item in value:
            yield from _date_types(item)


def test_residents_follow_the_gezag_persoon_beperkt_schema(post):
    response = post(PERSONEN, {"type": ZOEK_AOID, "adresseerbaarObjectIdentificatie": HOFDIJK_651,
                               "fields": ["burgerservicenummer", "naam", "geboorte", "geslacht", "leeftijd"]})
    assert response.status_code == 200
    data = response.json()
    validate(data, "ZoekMetAdresseerbaarObjectIdentificatieResponse")
    assert {p["burgerservicenummer"] for p in data["personen"]} >= {JOHAN, WILMA}
    assert all("aanduidingNaamgebruik" not in p["naam"] for p in data["personen"])  # not in PersoonBeperkt


def test_a_vacant_address_and_unknown_bsns_give_an_empty_list(post):
    assert post(PERSONEN, {"type": ZOEK_AOID, "adresseerbaarObjectIdentificatie": "0518010000990001",
                           "fields": ["burgerservicenummer"]}).json() == {"type": ZOEK_AOID, "personen": []}
    assert post(PERSONEN, raadpleeg(["123456782"], ["naam"])).json() == {"type": RAADPLEEG, "personen": []}


# The fields parameter

def _persoon(post, fields, bsn=MOULIN):
    response = post(PERSONEN, raadpleeg([bsn], fields))
    assert response.status_code == 200, response.json()
    validate(response.json(), "RaadpleegMetBurgerservicenummerResponse")
    [persoon] = response.json()["personen"]
    return persoon


def test_only_the_asked_fields_come_back(post):
    assert _persoon(post, ["burgerservicenummer"]) == {"burgerservicenummer": MOULIN}
    assert _persoon(post, ["naam.geslachtsnaam"]) == {"naam": {"geslachtsnaam": "Moulin"}}
    persoon = _persoon(post, ["naam"])
    assert set(persoon) == {"naam"} and {"voornamen", "volledigeNaam", "aanduidingNaamgebruik"} <= set(persoon["naam"])


def test_part_of_a_table_value_or_a_date_gives_all_of_it(post):
    assert _persoon(post, ["geslacht.code"]) == {"geslacht": {"code": "V", "omschrijving": "vrouw"}}
    assert _persoon(post, ["geboorte.datum.langFormaat"]) == {"geboorte": {"datum": {
        "type": "Datum", "datum": "1985-12-01", "langFormaat": "1 december 1985"}}}


def test_a_field_of_a_collection_comes_from_every_item(post):
    persoon = _persoon(post, ["partners.burgerservicenummer", "kinderen.burgerservicenummer"], bsn=JOHAN)
    assert persoon["partners"] == [{"burgerservicenummer": WILMA}]
    assert len(persoon["kinderen"]) == 6 and all(set(k) == {"burgerservicenummer"} for k in persoon["kinderen"])


def test_polymorphic_verblijfplaats_keeps_its_type_and_the_alias_works(post):
    persoon = _persoon(post, ["verblijfplaats.adresseerbaarObjectIdentificatie"])
    assert persoon == {"verblijfplaats": {"type": "Adres", "adresseerbaarObjectIdentificatie": "0599010000208579"}}
    assert _persoon(post, ["verblijfplaatsBinnenland.adresseerbaarObjectIdentificatie"]) == persoon


def test_what_the_brp_always_delivers_comes_unasked(post):
    persoon = _persoon(post, ["naam.volledigeNaam"], bsn=OVERLEDEN)
    assert persoon["opschortingBijhouding"]["reden"] == {"code": "O", "omschrijving": "overlijden"}
    assert "overlijden" not in persoon and "leeftijd" not in _persoon(post, ["leeftijd"], bsn=OVERLEDEN)


def test_the_gemeente_van_inschrijving_filter(post):
    response = post(PERSONEN, raadpleeg([MOULIN], ["burgerservicenummer"], gemeenteVanInschrijving="0518"))
    assert response.json()["personen"] == []
    response = post(PERSONEN, raadpleeg([MOULIN], ["burgerservicenummer"], gemeenteVanInschrijving="0599"))
    assert response.json()["personen"] == [{"burgerservicenummer": MOULIN}]


# Errors, as the specification's feature files word them

BAD = [
    ({"fields": ["naam"]}, [("type", "required")]),
    ({"type": "OnbekendZoekType", "fields": ["naam"]}, [("type", "value")]),
    ({"type": RAADPLEEG, "burgerservicenummer": [MOULIN]}, [("fields", "required")]),
    (raadpleeg([MOULIN], "burgerservicenummer,naam"), [("fields", "array")]),
    (raadpleeg([MOULIN], []), [("fields", "minItems")]),
    (raadpleeg([MOULIN], ["naam"] * 131), [("fields", "maxItems")]),
    (raadpleeg([MOULIN], ["naam<script>"]), [("fields[0]", "pattern")]),
    (raadpleeg([MOULIN], ["naam", "Naam.voornamen"]), [("fields[1]", "fields")]),
    (raadpleeg([MOULIN], ["opschortingBijhouding.reden"]), [("fields[0]", "fields")]),
    (raadpleeg([MOULIN], ["geslacht.soort"]), [("fields[0]", "fields")]),
    ({"type": RAADPLEEG, "fields": ["naam"]}, [("burgerservicenummer", "required")]),
    (raadpleeg(MOULIN, ["naam"]), [("burgerservicenummer", "array")]),
    (raadpleeg([], ["naam"]), [("burgerservicenummer", "minItems")]),
    (raadpleeg([MOULIN] * 21, ["naam"]), [("burgerservicenummer", "maxItems")]),
    (raadpleeg(["12345678", MOULIN, "1234567890"], ["naam"]),
     [("burgerservicenummer[0]", "pattern"), ("burgerservicenummer[2]", "pattern")]),
    (raadpleeg([MOULIN], ["naam"], gemeenteVanInschrijving="599"), [("gemeenteVanInschrijving", "pattern")]),
    (raadpleeg([MOULIN], ["naam"], voornamen="Pietje"), [("voornamen", "unknownParam")]),
    ({"type": ZOEK_AOID, "fields": ["naam"]}, [("adresseerbaarObjectIdentificatie", "required")]),
    ({"type": ZOEK_AOID, "adresseerbaarObjectIdentificatie": "", "fields": ["naam"]},
     [("adresseerbaarObjectIdentificatie", "required")]),
    ({"type": ZOEK_AOID, "adresseerbaarObjectIdentificatie": "123456789012345", "fields": ["naam"]},
     [("adresseerbaarObjectIdentificatie", "pattern")]),
    ({"type": ZOEK_AOID, "adresseerbaarObjectIdentificatie": HOFDIJK_651, "fields": ["partners"]},
     [("fields[0]", "fields")]),  # not a field of PersoonBeperkt
]


@pytest.mark.parametrize("body,expected", BAD)
def test_bad_requests_answer_a_bad_request_foutbericht(post, body, expected):
    response = post(PERSONEN, body)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/problem+json")
    data = response.json()
    validate(data, "BadRequestFoutbericht")
    assert [(p["name"], p["code"]) for p in data["invalidParams"]] == expected
    assert data["instance"] == PERSONEN and data["title"] == "Een of meerdere parameters zijn niet correct."
    assert data["detail"] == f"De foutieve parameter(s) zijn: {', '.join(dict.fromkeys(n for n, _ in expected))}."


def test_other_errors_answer_a_foutbericht(post, settings):
    for path, body, status in [("/haalcentraal/api/brp/bestaat-niet", {}, 404),
                               (PERSONEN, {"type": "ZoekMetPostcodeEnHuisnummer", "fields": ["naam"]}, 501)]:
        response = post(path, body)
        assert response.status_code == status
        validate(response.json(), "Foutbericht")
    settings.MOCK_UNAVAILABLE = {"brp"}
    response = post(PERSONEN, raadpleeg([MOULIN], ["naam"]))
    assert response.status_code == 503
    validate(response.json(), "Foutbericht")


# Our BRP-bijhouding contract

def test_bijhouding_registers_once_per_reference(post):
    body = {"referentie": "ZAAK-2026-0000001", "burgerservicenummer": JOHAN, "datumOverlijden": "2026-02-14",
            "gemeenteOverlijden": "0599"}
    first, again = post(f"{BIJHOUDING}/overlijdens", body), post(f"{BIJHOUDING}/overlijdens", body)
    assert (first.status_code, again.status_code) == (201, 200)
    for response in (first, again):
        validate(response.json(), "BijhoudingAntwoord")
    assert BrpMockMutatie.objects.filter(soort="overlijden").count() == 1


def test_bijhouding_moves_and_refuses_a_bad_address(post):
    body = {"referentie": "ZAAK-2026-0000002", "burgerservicenummer": MOULIN,
            "datumAanvangAdreshouding": "2026-03-01",
            "adres": {"adresseerbaarObjectIdentificatie": "0518010000990001", "officieleStraatnaam": "Weimarstraat",
                      "huisnummer": 180, "postcode": "2562HG", "woonplaats": "'s-Gravenhage", "gemeentecode": "0518"}}
    response = post(f"{BIJHOUDING}/verhuizingen", body)
    assert response.status_code == 201
    validate(response.json(), "BijhoudingAntwoord")
    bad = post(f"{BIJHOUDING}/verhuizingen", {**body, "adres": {"postcode": "2562 HG"}})
    assert bad.status_code == 400
    validate(bad.json(), "BadRequestFoutbericht")
    unknown = post(f"{BIJHOUDING}/verhuizingen", {**body, "burgerservicenummer": "123456782"})
    assert unknown.status_code == 404
    validate(unknown.json(), "Foutbericht")
    for missing in ("burgerservicenummer", "datumAanvangAdreshouding"):
        response = post(f"{BIJHOUDING}/verhuizingen", {k: v for k, v in body.items() if k != missing})
        assert response.status_code == 400 and response.json()["invalidParams"][0]["name"] == missing
