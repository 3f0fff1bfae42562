"""The BAG mock: the test set's addresses plus the demo extras, BAG 2.0 adressenuitgebreid shape."""

import pytest

from zaken.integrations.bag.convert import load_extras
from zaken.integrations.errors import NotFound
from zaken.integrations.registry import get_adapter

pytestmark = pytest.mark.django_db  # bewoners() reads the BRP mock's mutations

DEMO_GEMEENTEN = ("0518", "0599", "0530")


@pytest.fixture
def bag():
    return get_adapter("bag")


def test_lookup_with_normalised_postcode(bag):
    [adres] = bag.adres_zoeken(postcode=" 3077 aw ", huisnummer="31")
    assert adres["openbareRuimteNaam"] == "Boterdiep"
    assert adres["postcode"] == "3077AW"
    assert adres["woonplaatsNaam"] == "Rotterdam"
    assert adres["gemeenteIdentificatie"] == "0599"
    assert adres["gebruiksdoelen"] == ["woonfunctie"]
    assert adres["adresseerbaarObjectIdentificatie"] == "0599010000208579"
    assert adres["adresregel5"] == "Boterdiep 31"
    assert adres["adresregel6"] == "3077 AW  ROTTERDAM"


def test_huisletter(bag):
    [adres] = bag.adres_zoeken(postcode="2563CS", huisnummer=120)  # no letter given: any letter
    assert adres["huisletter"] == "A" and adres["adresregel5"] == "Valkenboslaan 120A"
    assert bag.adres_zoeken(postcode="2563CS", huisnummer=120, huisletter="a") == [adres]
    assert bag.adres_zoeken(postcode="2563CS", huisnummer=120, huisletter="B") == []
    assert bag.adres_zoeken(postcode="2563CS", huisnummer=120, exacte_match=True) == []


def test_huisnummertoevoeging(bag):
    [adres] = bag.adres_zoeken(postcode="2513 gt", huisnummer=102, huisnummertoevoeging="3")
    assert adres["huisnummertoevoeging"] == "3"
    assert adres["adresregel5"] == "Elandstraat 102-3"
    assert adres["adresregel6"] == "2513 GT  'S-GRAVENHAGE"


@pytest.mark.parametrize("postcode,huisnummer", [("9999ZZ", 1), ("3077AW", 9999), ("garbage", 1),
                                                 ("3077AW", "x"), ("", "")])
def test_unknown_address_is_an_empty_list(bag, postcode, huisnummer):
    assert bag.adres_zoeken(postcode=postcode, huisnummer=huisnummer) == []


def test_adres_by_identification(bag):
    assert bag.adres("0599010000208579")["postcode"] == "3077AW"
    for wrong in ("0599010000000001", "garbage", ""):
        with pytest.raises(NotFound):
            bag.adres(wrong)


@pytest.mark.parametrize("gemeente", DEMO_GEMEENTEN)
def test_demo_extras_per_municipality(bag, gemeente):
    brp = get_adapter("brp")
    extras = [bag.adres(a["adresseerbaarObjectIdentificatie"]) for a in load_extras()
              if a["gemeenteIdentificatie"] == gemeente]
    for adres in extras:
        assert adres["adresseerbaarObjectIdentificatie"].startswith(f"{gemeente}01")
        assert adres["nummeraanduidingIdentificatie"].startswith(f"{gemeente}20")
        assert bag.adres_zoeken(postcode=adres["postcode"], huisnummer=adres["huisnummer"],
                                huisletter=adres.get("huisletter", ""),
                                huisnummertoevoeging=adres.get("huisnummertoevoeging", "")) == [adres]
    woningen = [a for a in extras if a["gebruiksdoelen"] == ["woonfunctie"]]
    leeg = [a for a in woningen if brp.bewoners(a["adresseerbaarObjectIdentificatie"]) == []]
    assert len(leeg) >= 3
    assert any(a["gebruiksdoelen"] == ["kantoorfunctie"] for a in extras)
    assert any(a.get("huisletter") for a in woningen)
    assert any(a.get("huisnummertoevoeging") for a in woningen)
