"""The KvK mock: the demo companies in the KvK Basisprofiel API v1 shape."""

import re

import pytest

from zaken.integrations.errors import NotFound
from zaken.integrations.registry import get_adapter
from zaken.validators import is_valid_rsin

DEMO = ("69599084", "68750110", "68727720", "69599068", "90004760")


@pytest.fixture
def kvk():
    return get_adapter("kvk")


def test_basisprofiel(kvk):
    profiel = kvk.basisprofiel("69599084")
    assert profiel["kvkNummer"] == "69599084"
    assert profiel["naam"] == "Uitvaartzorg Hofstad B.V."
    assert re.fullmatch(r"\d{8}", profiel["formeleRegistratiedatum"])
    assert profiel["sbiActiviteiten"][0]["sbiCode"] == "96031"
    eigenaar = profiel["_embedded"]["eigenaar"]
    assert is_valid_rsin(eigenaar["rsin"]) and eigenaar["rechtsvorm"] == "BeslotenVennootschap"
    hoofd = profiel["_embedded"]["hoofdvestiging"]
    assert hoofd["vestigingsnummer"] == "000038417350"
    assert hoofd["adressen"][0]["plaats"] == "'s-Gravenhage"


def test_vestigingen(kvk):
    vestigingen = kvk.vestigingen("69599084")
    assert [v["indHoofdvestiging"] for v in vestigingen] == ["Ja", "Nee"]
    assert vestigingen[1]["volledigAdres"].endswith("Rotterdam")


@pytest.mark.parametrize("kvk_nummer", DEMO)
def test_every_demo_company_is_consistent(kvk, kvk_nummer):
    profiel = kvk.basisprofiel(kvk_nummer)
    assert is_valid_rsin(profiel["_embedded"]["eigenaar"]["rsin"])
    vestigingen = kvk.vestigingen(kvk_nummer)
    assert all(re.fullmatch(r"\d{12}", v["vestigingsnummer"]) for v in vestigingen)
    assert vestigingen[0]["vestigingsnummer"] == profiel["_embedded"]["hoofdvestiging"]["vestigingsnummer"]


@pytest.mark.parametrize("kvk_nummer", ["12345678", "6959908", "abcdefgh", "", None])
def test_unknown_kvk_is_not_found(kvk, kvk_nummer):
    with pytest.raises(NotFound):
        kvk.basisprofiel(kvk_nummer)
    with pytest.raises(NotFound):
        kvk.vestigingen(kvk_nummer)
