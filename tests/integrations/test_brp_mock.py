"""The BRP mock service through the Haal Centraal client: persons from the RvIG test set, plus
registered moves and deaths."""

import json
from datetime import date

import pytest

from zaken.integrations.brp import hc, mockdata
from zaken.integrations.errors import NotFound
from zaken.integrations.models import BrpMockMutatie
from zaken.integrations.registry import get_adapter
from zaken.validators import is_valid_bsn

pytestmark = pytest.mark.django_db

MOULIN = "999993653"  # Rotterdam, married, partner not in the set, no children
JOHAN = "999999345"  # Rotterdam, married to WILMA, children living with them
WILMA = "999999357"
TEUN = "999999369"  # their son, born 2011
HOFDIJK_651 = "0599010000110069"
OVERLEDEN = "999990147"  # Margriet Overvaart-Buidel, died 26 May 2018
WEIMARSTRAAT_180 = "0518010000990001"  # a vacant demo dwelling in Den Haag


@pytest.fixture
def brp():
    return get_adapter("brp")


@pytest.fixture
def bag():
    return get_adapter("bag")


def test_adapter_is_the_haal_centraal_client_on_the_mock_service(brp):
    assert brp.is_mock and brp.key == "brp-haalcentraal"


def test_known_person(brp):
    persoon = brp.persoon(MOULIN)
    assert persoon["naam"]["volledigeNaam"] == "Suzanne Moulin"
    assert persoon["naam"]["voorletters"] == "S."
    assert persoon["geslacht"] == {"code": "V", "omschrijving": "vrouw"}
    assert persoon["geboorte"]["datum"] == {"type": "Datum", "datum": "1985-12-01",
                                            "langFormaat": "1 december 1985"}
    assert persoon["leeftijd"] >= 40
    assert persoon["gemeenteVanInschrijving"] == {"code": "0599", "omschrijving": "Rotterdam"}
    verblijfplaats = persoon["verblijfplaats"]
    assert verblijfplaats["type"] == "Adres"
    assert verblijfplaats["verblijfadres"] == {
        "officieleStraatnaam": "Boterdiep", "korteStraatnaam": "Boterdiep", "huisnummer": 31,
        "postcode": "3077AW", "woonplaats": "Rotterdam"}
    assert verblijfplaats["adresseerbaarObjectIdentificatie"] == "0599010000208579"
    assert verblijfplaats["nummeraanduidingIdentificatie"] == "0599200000219678"
    assert verblijfplaats["functieAdres"]["code"] == "W"
    [partner] = persoon["partners"]
    assert partner["naam"]["geslachtsnaam"] == "Beaudelaire"
    assert partner["soortVerbintenis"] == {"code": "H", "omschrijving": "huwelijk"}
    assert partner["aangaanHuwelijkPartnerschap"]["datum"]["datum"] == "2008-12-01"
    assert [o["ouderAanduiding"] for o in persoon["ouders"]] == ["1", "2"]
    assert "overlijden" not in persoon and "kinderen" not in persoon


def test_family_links_to_full_persons(brp):
    johan = brp.persoon(JOHAN)
    assert [p["burgerservicenummer"] for p in johan["partners"]] == [WILMA]
    kinderen = {k["burgerservicenummer"] for k in johan["kinderen"]}
    assert TEUN in kinderen and len(kinderen) == 6
    # Relations link to the full person where that one is in the set.
    teun = brp.persoon(TEUN)
    assert {o["burgerservicenummer"] for o in teun["ouders"]} == {JOHAN, WILMA}
    geboren = date.fromisoformat(teun["geboorte"]["datum"]["datum"])
    assert teun["leeftijd"] == hc.leeftijd(geboren)
    wilma = brp.persoon(WILMA)
    assert wilma["naam"]["volledigeNaam"] == "Wilma Groot Esselink-Haverkamp"  # naamgebruik V


def test_deceased_person_has_overlijden_and_no_leeftijd(brp):
    persoon = brp.persoon(OVERLEDEN)
    assert persoon["overlijden"]["datum"]["datum"] == "2018-05-26"
    assert "leeftijd" not in persoon
    assert persoon["opschortingBijhouding"]["reden"]["code"] == "O"


def test_every_valid_bsn_can_be_fetched(brp, registers):
    personen = json.loads((registers[0] / "brp" / "personen.json").read_text(encoding="utf-8"))
    bsns = [p["burgerservicenummer"] for p in personen if is_valid_bsn(p["burgerservicenummer"])]
    assert len(bsns) > 600
    for bsn in bsns:
        assert brp.persoon(bsn)["burgerservicenummer"] == bsn
    assert [p["burgerservicenummer"] for p in brp.personen(bsns)] == bsns


@pytest.mark.parametrize("born,today,age", [
    (date(2011, 6, 15), date(2026, 6, 14), 14), (date(2011, 6, 15), date(2026, 6, 15), 15),
    (date(2008, 2, 29), date(2026, 2, 28), 17), (date(2008, 2, 29), date(2026, 3, 1), 18),
])
def test_leeftijd(born, today, age):
    assert hc.leeftijd(born, today) == age


@pytest.mark.parametrize("value,expected", [
    ("19851201", {"type": "Datum", "datum": "1985-12-01", "langFormaat": "1 december 1985"}),
    ("20080700", {"type": "JaarMaandDatum", "jaar": 2008, "maand": 7, "langFormaat": "juli 2008"}),
    ("20080000", {"type": "JaarDatum", "jaar": 2008, "langFormaat": "2008"}),
    ("00000000", {"type": "DatumOnbekend", "onbekend": True, "langFormaat": "onbekend"}),
    ("", None),
])
def test_gba_datum(value, expected):
    assert hc.gba_datum(value) == expected


@pytest.mark.parametrize("bsn", ["", "12345", "abcdefghi", "123456782", None])
def test_unknown_or_malformed_bsn_is_not_found(brp, bsn):
    with pytest.raises(NotFound) as excinfo:
        brp.persoon(bsn)
    assert "123456782" not in str(excinfo.value)  # the BSN never ends up in a message or log


def test_personen_leaves_unknown_out(brp):
    found = brp.personen([JOHAN, "123456782", "x", MOULIN])
    assert [p["burgerservicenummer"] for p in found] == [JOHAN, MOULIN]


def test_bewoners_of_an_address(brp):
    bewoners = brp.bewoners(HOFDIJK_651)
    assert {b["burgerservicenummer"] for b in bewoners} == {JOHAN, WILMA, TEUN, "999999370", "999999412"}
    first = bewoners[0]
    assert set(first) <= {"burgerservicenummer", "naam", "geboorte", "geheimhoudingPersoonsgegevens"}
    assert first["naam"]["volledigeNaam"] and first["geboorte"]["datum"]["type"] == "Datum"


def test_vacant_extra_address_has_no_bewoners(brp):
    assert brp.bewoners(WEIMARSTRAAT_180) == []
    with pytest.raises(NotFound):
        brp.bewoners("not-an-id")


def test_adres_wijzigen_moves_a_person(brp, bag):
    [nieuw] = bag.adres_zoeken(postcode="2562 hg", huisnummer=180)
    brp.adres_wijzigen(bsn=JOHAN, adres=nieuw, datum_aanvang=date(2026, 3, 1))

    persoon = brp.persoon(JOHAN)
    assert persoon["verblijfplaats"]["adresseerbaarObjectIdentificatie"] == WEIMARSTRAAT_180
    assert persoon["verblijfplaats"]["verblijfadres"]["officieleStraatnaam"] == "Weimarstraat"
    assert persoon["verblijfplaats"]["datumVan"]["datum"] == "2026-03-01"
    assert persoon["gemeenteVanInschrijving"] == {"code": "0518", "omschrijving": "'s-Gravenhage"}
    assert JOHAN not in {b["burgerservicenummer"] for b in brp.bewoners(HOFDIJK_651)}
    assert [b["burgerservicenummer"] for b in brp.bewoners(WEIMARSTRAAT_180)] == [JOHAN]

    # Stored in the database, not in this process: a fresh read of the fixture still sees it.
    mockdata._load.cache_clear()
    assert brp.persoon(JOHAN)["verblijfplaats"]["adresseerbaarObjectIdentificatie"] == WEIMARSTRAAT_180
    # A retried task registers the same move once.
    brp.adres_wijzigen(bsn=JOHAN, adres=nieuw, datum_aanvang=date(2026, 3, 1))
    assert BrpMockMutatie.objects.filter(soort="adres").count() == 1


def test_adres_wijzigen_needs_a_bag_address(brp):
    with pytest.raises(ValueError):
        brp.adres_wijzigen(bsn=JOHAN, adres={"postcode": "2562HG"}, datum_aanvang=date(2026, 3, 1))
    with pytest.raises(NotFound):
        brp.adres_wijzigen(bsn="123456782", adres={}, datum_aanvang=date(2026, 3, 1))


def test_overlijden_registreren(brp):
    brp.overlijden_registreren(bsn=JOHAN, datum=date(2026, 2, 14), plaats_gemeentecode="0599")

    persoon = brp.persoon(JOHAN)
    assert persoon["overlijden"] == {
        "datum": {"type": "Datum", "datum": "2026-02-14", "langFormaat": "14 februari 2026"},
        "plaats": {"code": "0599", "omschrijving": "Rotterdam"},
        "land": {"code": "6030", "omschrijving": "Nederland"},
    }
    assert "leeftijd" not in persoon
    assert JOHAN not in {b["burgerservicenummer"] for b in brp.bewoners(HOFDIJK_651)}
    # The marriage ends on the surviving partner's list too.
    [partner] = brp.persoon(WILMA)["partners"]
    assert partner["burgerservicenummer"] == JOHAN
    assert partner["ontbindingHuwelijkPartnerschap"]["datum"]["datum"] == "2026-02-14"


def test_municipality_names_are_parsed_once(monkeypatch):
    from zaken.integrations.brp import mock, mockdata

    mock._gemeente("0599")
    parsed, real_load = [], mockdata.json.load
    monkeypatch.setattr(mockdata.json, "load", lambda handle, **kw: parsed.append(handle.name) or real_load(handle, **kw))
    assert mock._gemeente("0599")["omschrijving"] == "Rotterdam"
    assert parsed == []
