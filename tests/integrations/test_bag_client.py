"""The BAG client (bag-kadaster) over HTTP against the mock register: headers the API needs,
the gemeente from the woonplaats, typed errors, paging, logs without address data, and a
municipality's own connection."""

import logging
import re

import pytest

from tests.factories import GemeenteFactory
from zaken.integrations.bag import client as bag_client
from zaken.integrations.errors import Misconfigured, NotFound, Rejected, Unavailable
from zaken.integrations.mockservice import bag as bag_service
from zaken.integrations.models import RegisterKoppeling
from zaken.integrations.registry import get_adapter

from .register_requests import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen(monkeypatch):
    """Every request the mock BAG register receives: (path, headers)."""
    return record(monkeypatch, bag_service)


def test_the_configured_adapter_is_the_http_client():
    bag = get_adapter("bag")
    assert isinstance(bag, bag_client.BagKadaster) and bag.is_mock  # its URL lies under the mock registers


def test_lookup_sends_accept_crs_and_hal(seen):
    [adres] = get_adapter("bag").adres_zoeken(postcode="3077 aw", huisnummer="31")
    assert adres["gemeenteIdentificatie"] == "0599" and adres["gebruiksdoelen"] == ["woonfunctie"]
    assert "_links" not in adres and adres["isNevenadres"] is False
    (search, headers), (woonplaats, _) = seen
    assert search.endswith("/adressenuitgebreid")
    assert woonplaats.endswith("/woonplaatsen/" + adres["woonplaatsIdentificatie"])
    assert headers["accept-crs"] == "epsg:28992" and headers["accept"] == "application/hal+json"


def test_the_woonplaats_gemeente_is_asked_once(seen):
    bag = get_adapter("bag")
    bag.adres_zoeken(postcode="3077AW", huisnummer=31)
    bag.adres_zoeken(postcode="3077AW", huisnummer=31)
    bag.adres("0599010000208579")
    assert [path.rsplit("/", 2)[-2] if "woonplaatsen" in path else path.rsplit("/", 1)[-1] for path, _ in seen] == [
        "adressenuitgebreid", "woonplaatsen", "adressenuitgebreid", "adressenuitgebreid"]


def test_malformed_input_costs_no_request(seen):
    bag = get_adapter("bag")
    assert bag.adres_zoeken(postcode="garbage", huisnummer=1) == []
    assert bag.adres_zoeken(postcode="3077AW", huisnummer="x") == []
    assert bag.adres_zoeken(postcode="3077AW", huisnummer=0) == []
    assert seen == []


def test_a_refused_question_is_no_address(seen):
    assert get_adapter("bag").adres_zoeken(postcode="3077AW", huisnummer=31, huisletter="AB") == []
    assert len(seen) == 1  # asked, refused with 400 (huisletter pattern), read as no match


def test_typed_errors_of_adres(settings):
    bag = get_adapter("bag")
    with pytest.raises(Rejected):  # 400: the identification does not match the pattern
        bag.adres("0599040000")
    with pytest.raises(NotFound) as unknown:  # 200 without addresses
        bag.adres("0599010000000001")
    assert not isinstance(unknown.value, Rejected)
    settings.MOCK_UNAVAILABLE = {"bag"}
    with pytest.raises(Unavailable):
        bag.adres("0599010000208579")
    with pytest.raises(Unavailable):
        bag.adres_zoeken(postcode="3077AW", huisnummer=31)


def test_refused_credentials_are_misconfigured(monkeypatch):
    def refuse(request, **groups):
        return bag_service.fout(request, 401, code="authentication", title="Niet correct geauthenticeerd.",
                                detail="Geef een geldige X-Api-Key mee.")
    monkeypatch.setattr(bag_service, "ROUTES", [(m, p, refuse) for m, p, _ in bag_service.ROUTES])
    with pytest.raises(Misconfigured):
        get_adapter("bag").adres_zoeken(postcode="3077AW", huisnummer=31)


def test_every_page_is_read(monkeypatch, seen):
    many = [{**bag_service.backend.adres_zoeken(postcode="3077AW", huisnummer=31)[0], "huisnummertoevoeging": str(n)}
            for n in range(1, 26)]
    monkeypatch.setattr(bag_service.backend, "adres_zoeken", lambda **kwargs: many)
    monkeypatch.setattr(bag_client, "PAGE_SIZE", 10)
    found = get_adapter("bag").adres_zoeken(postcode="3077AW", huisnummer=31)
    assert [a["huisnummertoevoeging"] for a in found] == [str(n) for n in range(1, 26)]
    assert [path.rsplit("/", 1)[-1] for path, _ in seen].count("adressenuitgebreid") == 3


def test_log_names_paths_not_addresses(caplog):
    with caplog.at_level(logging.INFO, logger="samenloket.integrations.http"):
        [adres] = get_adapter("bag").adres_zoeken(postcode="3077AW", huisnummer=31)
        get_adapter("bag").adres("0599010000208579")
    text = caplog.text
    assert "bag GET /adressenuitgebreid -> 200" in text and "/woonplaatsen/{identificatie} -> 200" in text
    for secret in ("3077", "huisnummer", "0599010000208579", adres["woonplaatsIdentificatie"], "Boterdiep"):
        assert secret not in text


def test_a_municipality_uses_its_own_connection(settings, seen):
    gemeente = GemeenteFactory()
    RegisterKoppeling.objects.create(gemeente=gemeente, soort="bag", url=settings.REGISTERS["bag"]["url"],
                                     api_key="sleutel-van-de-gemeente", timeout=3)
    get_adapter("bag", gemeente).adres_zoeken(postcode="3077AW", huisnummer=31)
    assert [headers.get("x-api-key") for _, headers in seen] == ["sleutel-van-de-gemeente"] * 2
    seen.clear()
    get_adapter("bag").adres("0599010000208579")  # the default connection has no key in the tests
    assert [headers.get("x-api-key") for _, headers in seen] == [None]


def test_gemeente_of_an_unknown_woonplaats_is_empty(monkeypatch):
    stored = bag_service.backend.adres_zoeken(postcode="3077AW", huisnummer=31)
    monkeypatch.setattr(bag_service.backend, "adres_zoeken", lambda **kwargs: [
        {**a, "woonplaatsIdentificatie": "9998"} for a in stored])
    monkeypatch.setattr(bag_service.backend, "woonplaats", lambda identificatie: None)
    [adres] = get_adapter("bag").adres_zoeken(postcode="3077AW", huisnummer=31)
    assert adres["gemeenteIdentificatie"] == "" and re.fullmatch(r"\d{4}", adres["woonplaatsIdentificatie"])
