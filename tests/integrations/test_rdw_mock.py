"""The RDW mock: licences for every RvIG person aged 18+, typed errors, outage, orders."""

import json
from datetime import date

import pytest
import time_machine

from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.http.client import reset_breakers
from zaken.integrations.rdw import generate
from zaken.integrations.rdw.base import CATEGORIEEN, STATUSSEN
from zaken.integrations.registry import get_adapter

pytestmark = pytest.mark.django_db


@pytest.fixture
def rdw():
    return get_adapter("rdw")


@pytest.fixture(scope="module")
def personen(registers):
    with open(registers[0] / "brp" / "personen.json", encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture(scope="module")
def dossiers(registers):
    with open(registers[0] / "rdw" / "rijbewijzen.json", encoding="utf-8") as handle:
        return json.load(handle)["personen"]


def _volwassen(personen):
    today = date.today()
    return [p["burgerservicenummer"] for p in personen if "overlijden" not in p
            and p.get("geboorte", {}).get("datum", {}).get("type") == "Datum"
            and generate.leeftijd(date.fromisoformat(p["geboorte"]["datum"]["datum"]), today) >= 18]


def test_every_person_of_18_and_over_has_a_licence(rdw, personen):
    bsns = _volwassen(personen)
    assert len(bsns) > 500
    for bsn in bsns:
        rijbewijs = rdw.rijbewijs(bsn)
        assert rijbewijs["status"] in STATUSSEN
        assert {c["categorie"] for c in rijbewijs["categorieen"]} <= set(CATEGORIEEN)


def test_shape(rdw, dossiers):
    bsn = next(b for b, d in dossiers.items() if d["pasfoto"] and "B" in
               [c["categorie"] for c in d["rijbewijs"]["categorieen"]])
    rijbewijs = rdw.rijbewijs(bsn)
    assert len(rijbewijs["rijbewijsnummer"]) == 10 and rijbewijs["rijbewijsnummer"].isdigit()
    b = next(c for c in rijbewijs["categorieen"] if c["categorie"] == "B")
    assert date.fromisoformat(b["afgiftedatum"]) < date.fromisoformat(b["geldigTot"])
    foto = rdw.pasfoto_registratie(bsn)
    assert set(foto) == {"fotoOntvangen", "handtekeningOntvangen", "gezichtsvergelijking", "datum", "fotograaf"}
    assert foto["gezichtsvergelijking"] in ("geslaagd", "mislukt")
    assert set(rdw.cbr_gezondheidsverklaring(bsn)) == {"opDossier", "geldigTot"}


def test_the_data_has_every_situation(dossiers):
    statussen = {d["rijbewijs"].get("status") for d in dossiers.values()}
    assert {"vermist_gestolen", "ingetrokken"} <= statussen
    assert any(d["pasfoto"] is None for d in dossiers.values())
    assert any(d["pasfoto"] and d["pasfoto"]["gezichtsvergelijking"] == "mislukt" for d in dossiers.values())
    cats = {c["categorie"] for d in dossiers.values() for c in d["rijbewijs"]["categorieen"]}
    assert {"AM", "A", "B", "BE", "C", "CE", "D", "DE"} <= cats
    today = date.today().isoformat()
    verlopen = [d for d in dossiers.values() if max(c["geldigTot"] for c in d["rijbewijs"]["categorieen"]) < today]
    assert 0 < len(verlopen) < len(dossiers) / 5


def test_the_generated_data_is_deterministic(personen):
    assert generate.build(personen, date(2026, 6, 1)) == generate.build(personen, date(2026, 6, 1))


def test_expired_licence_is_verlopen(rdw, dossiers):
    bsn = next(b for b, d in dossiers.items() if "status" not in d["rijbewijs"]
               and max(c["geldigTot"] for c in d["rijbewijs"]["categorieen"]) < date.today().isoformat())
    assert rdw.rijbewijs(bsn)["status"] == "verlopen"


@pytest.mark.parametrize("bsn", ["123456789", "12345678", "abc", "", None])
def test_unknown_bsn_is_not_found(rdw, bsn):
    for call in (rdw.rijbewijs, rdw.pasfoto_registratie, rdw.cbr_gezondheidsverklaring):
        with pytest.raises(NotFound):
            call(bsn)


def test_minor_and_deceased_are_not_found(rdw, personen):
    minderjarig = next(p["burgerservicenummer"] for p in personen if p.get("leeftijd", 99) < 18
                       or (p.get("geboorte", {}).get("datum", {}).get("type") == "Datum"
                           and p["geboorte"]["datum"]["datum"] > f"{date.today().year - 17}"))
    overleden = next(p["burgerservicenummer"] for p in personen if "overlijden" in p)
    for bsn in (minderjarig, overleden):
        with pytest.raises(NotFound):
            rdw.rijbewijs(bsn)


def test_outage(rdw, settings, dossiers):
    bsn = next(iter(dossiers))
    order = rdw.bestelling_plaatsen(order_key="k-outage", bsn=bsn, categorieen=["B"], afhaallocatie="x")
    settings.MOCK_UNAVAILABLE = {"rdw"}
    for call in (lambda: rdw.rijbewijs(bsn), lambda: rdw.pasfoto_registratie(bsn),
                 lambda: rdw.cbr_gezondheidsverklaring(bsn), lambda: rdw.bestelling_status(order),
                 lambda: rdw.niet_uitgereikt_melden(order),
                 lambda: rdw.bestelling_plaatsen(order_key="k2", bsn=bsn, categorieen=["B"], afhaallocatie="x")):
        with pytest.raises(Unavailable):
            call()
    settings.MOCK_UNAVAILABLE = set()
    reset_breakers()  # six failures in a row opened the client's circuit; it closes again after a while
    assert rdw.bestelling_status(order)["status"] in ("in_productie", "gereed")


def test_order_is_idempotent(rdw, dossiers):
    bsn = next(iter(dossiers))
    first = rdw.bestelling_plaatsen(order_key="zaak-1", bsn=bsn, categorieen=["AM", "B"], afhaallocatie="stadhuis")
    again = rdw.bestelling_plaatsen(order_key="zaak-1", bsn=bsn, categorieen=["AM", "B"], afhaallocatie="stadhuis")
    other = rdw.bestelling_plaatsen(order_key="zaak-2", bsn=bsn, categorieen=["B"], afhaallocatie="stadhuis")
    assert first == again != other
    from zaken.integrations.models import RdwMockBestelling
    assert RdwMockBestelling.objects.count() == 2


def test_unknown_order_is_not_found(rdw):
    with pytest.raises(NotFound):
        rdw.bestelling_status("RDW000000000000")


def test_status_after_two_working_days(rdw, dossiers):
    bsn = next(iter(dossiers))
    # Thursday 30 April 2026: Friday 1 May is a working day, then the weekend, Monday 4 May.
    with time_machine.travel(date(2026, 4, 30), tick=False):
        order = rdw.bestelling_plaatsen(order_key="k", bsn=bsn, categorieen=["B"], afhaallocatie="x")
        assert rdw.bestelling_status(order) == {"orderId": order, "status": "in_productie", "gereedOp": "2026-05-04"}
    with time_machine.travel(date(2026, 5, 3), tick=False):
        assert rdw.bestelling_status(order)["status"] == "in_productie"
    with time_machine.travel(date(2026, 5, 4), tick=False):
        assert rdw.bestelling_status(order)["status"] == "gereed"


def test_delay_is_configurable_and_skips_holidays(rdw, dossiers, settings):
    settings.RDW_MOCK_PRODUCTIEWERKDAGEN = 5
    bsn = next(iter(dossiers))
    # Monday 4 May 2026: 5 May (Bevrijdingsdag) is no working day.
    order = rdw.bestelling_plaatsen(order_key="k5", bsn=bsn, categorieen=["B"], afhaallocatie="x",
                                    datum=date(2026, 5, 4))
    assert rdw.bestelling_status(order)["gereedOp"] == "2026-05-12"


def test_niet_uitgereikt(rdw, dossiers):
    bsn = next(iter(dossiers))
    order = rdw.bestelling_plaatsen(order_key="k-nu", bsn=bsn, categorieen=["B"], afhaallocatie="x")
    rdw.niet_uitgereikt_melden(order)
    rdw.niet_uitgereikt_melden(order)  # a retried task
    assert rdw.bestelling_status(order)["status"] == "niet_uitgereikt"


def test_the_readme_demo_persons(rdw):
    assert rdw.rijbewijs("999993653")["status"] == "geldig"
    assert rdw.cbr_gezondheidsverklaring("999999345")["opDossier"]
    assert not rdw.cbr_gezondheidsverklaring("999990019")["opDossier"]
    assert rdw.rijbewijs("999995583")["status"] == "verlopen"
    assert rdw.rijbewijs("999995819")["status"] == "vermist_gestolen"
    assert rdw.rijbewijs("999993380")["status"] == "ingetrokken"
    assert rdw.pasfoto_registratie("999990081") is None
    assert not rdw.pasfoto_registratie("999993185")["handtekeningOntvangen"]
    assert rdw.pasfoto_registratie("999992478")["gezichtsvergelijking"] == "mislukt"
    assert rdw.cbr_gezondheidsverklaring("999990068")["opDossier"]
    assert rdw.cbr_gezondheidsverklaring("000009866") == {"opDossier": False, "geldigTot": None}
    cbr = rdw.cbr_gezondheidsverklaring("999993859")
    assert not cbr["opDossier"] and cbr["geldigTot"]
    assert [c["categorie"] for c in rdw.rijbewijs("999990974")["categorieen"]] == ["AM"]


def test_missing_data_says_how_to_build_it(rdw, settings, tmp_path):
    from django.core.exceptions import ImproperlyConfigured

    settings.MOCK_DATA_DIR = tmp_path
    with pytest.raises(ImproperlyConfigured, match="mock_registers_build"):
        rdw.rijbewijs("999993653")


@pytest.mark.parametrize("peildatum", [None, date(2026, 6, 1), date(2031, 1, 1)])
def test_every_licence_was_issued_at_18_or_later_and_before_it_expires(dossiers, personen, peildatum):
    if peildatum:
        dossiers = generate.build(personen, peildatum)["personen"]
    geboren = {p["burgerservicenummer"]: generate.geboortedatum(p) for p in personen}
    for bsn, dossier in dossiers.items():
        for categorie in dossier["rijbewijs"]["categorieen"]:
            afgifte = date.fromisoformat(categorie["afgiftedatum"])
            assert generate.leeftijd(geboren[bsn], afgifte) >= 18, bsn
            assert afgifte < date.fromisoformat(categorie["geldigTot"]), bsn
