"""The conversion of the RvIG test set into the mock registers' fixture files."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command


def _json(directory, name):
    return json.loads((directory / name).read_text(encoding="utf-8"))


def test_every_person_list_bsn_becomes_one_person(registers, rvig_bsns):
    directory, output = registers
    personen = _json(directory, "brp/personen.json")
    person_lists, _every = rvig_bsns
    assert {p["burgerservicenummer"] for p in personen} == person_lists
    assert len(personen) == len(person_lists)
    assert f"persons {len(person_lists)} " in output


def test_former_bsns_on_history_rows_are_not_persons(registers, rvig_bsns):
    # Column 01.01.20 also holds BSNs on history rows (a BSN that was replaced); a person is
    # found by the current one only, as in the BRP.
    person_lists, every = rvig_bsns
    personen = {p["burgerservicenummer"] for p in _json(registers[0], "brp/personen.json")}
    assert every - person_lists
    assert not (every - person_lists) & personen


def test_counts_are_printed(registers):
    _directory, output = registers
    adressen = _json(registers[0], "bag/adressen.json")
    bedrijven = _json(registers[0], "kvk/basisprofielen.json")
    assert re.search(rf"addresses {len(adressen)} \(of which 18 demo extras\)", output)
    rijbewijzen = _json(registers[0], "rdw/rijbewijzen.json")["personen"]
    voertuigen = _json(registers[0], "rdw/voertuigen.json")["voertuigen"]
    assert f"companies {len(bedrijven)}, driving licences {len(rijbewijzen)}, vehicles {len(voertuigen)}." in output


def test_fixture_shapes(registers):
    personen = _json(registers[0], "brp/personen.json")
    for persoon in personen:
        assert re.fullmatch(r"\d{9}", persoon["burgerservicenummer"])
        assert "leeftijd" not in persoon  # computed on every read
        if persoon["naam"].get("geslachtsnaam"):  # one test person has no name at all
            assert persoon["naam"]["volledigeNaam"]
        datum = persoon.get("geboorte", {}).get("datum", {"type": "DatumOnbekend"})
        assert datum["type"] in {"Datum", "DatumOnbekend", "JaarDatum", "JaarMaandDatum"}
        if datum["type"] == "Datum":
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", datum["datum"])
    types = {p.get("verblijfplaats", {}).get("type") for p in personen}
    assert {"Adres", "VerblijfplaatsBuitenland"} <= types  # emigrants and RNI persons go in too


def test_every_brp_address_is_a_bag_address(registers):
    personen = _json(registers[0], "brp/personen.json")
    adressen = {a["adresseerbaarObjectIdentificatie"]: a for a in _json(registers[0], "bag/adressen.json")}
    assert len(adressen) == len(_json(registers[0], "bag/adressen.json"))  # ids are unique
    for persoon in personen:
        verblijfplaats = persoon.get("verblijfplaats", {})
        if verblijfplaats.get("type") != "Adres":
            continue
        adres = adressen[verblijfplaats["adresseerbaarObjectIdentificatie"]]
        assert adres["postcode"] == verblijfplaats["verblijfadres"]["postcode"]
        assert adres["huisnummer"] == verblijfplaats["verblijfadres"]["huisnummer"]
        assert adres["nummeraanduidingIdentificatie"] == verblijfplaats["nummeraanduidingIdentificatie"]
    for adres in adressen.values():
        assert re.fullmatch(r"\d{4}0[123]\d{10}", adres["adresseerbaarObjectIdentificatie"])
        assert re.fullmatch(r"\d{4}20\d{10}", adres["nummeraanduidingIdentificatie"])
        assert re.fullmatch(r"\d{4}", adres["gemeenteIdentificatie"])


def test_build_is_idempotent(tmp_path):
    for run in range(2):
        call_command("mock_registers_build", target=str(tmp_path / str(run)), stdout=io.StringIO())
    for name in ("brp/personen.json", "brp/gemeenten.json", "bag/adressen.json",
                 "kvk/basisprofielen.json", "kvk/vestigingen.json"):
        assert (tmp_path / "0" / name).read_bytes() == (tmp_path / "1" / name).read_bytes()


def test_missing_source_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="--source"):
        call_command("mock_registers_build", source=str(tmp_path), target=str(tmp_path / "out"))

