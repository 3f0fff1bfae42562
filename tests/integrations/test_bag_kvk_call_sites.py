"""The call sites of BAG and KvK ask on behalf of the municipality whose portal is used: its own
registerkoppeling (here: its own API key) reaches the register."""

import pytest

from zaken.integrations.mockservice import bag as bag_service
from zaken.integrations.mockservice import kvk as kvk_service
from zaken.integrations.models import RegisterKoppeling

from .register_requests import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys(monkeypatch):
    """The API key of every request the mock BAG and KvK registers receive, in order."""
    bag, kvk = record(monkeypatch, bag_service), record(monkeypatch, kvk_service)
    return lambda: [h.get("x-api-key") for _, h in bag] + [h.get("apikey") for _, h in kvk]


def koppeling(gemeente, soort, settings):
    RegisterKoppeling.objects.create(gemeente=gemeente, soort=soort, url=settings.REGISTERS[soort]["url"],
                                     api_key=f"{soort}-{gemeente.slug}", timeout=3)


def test_eherkenning_login_asks_the_kvk_for_the_municipality(client, demo, keys, settings):
    koppeling(demo["den-haag"], "kvk", settings)
    response = client.post("/den-haag/inloggen/eherkenning/", {"kvk_nummer": "69599084", "level": "EH3"})
    assert response.status_code == 302
    assert keys() == ["kvk-den-haag", "kvk-den-haag"]  # basisprofiel and vestigingen


def test_parking_prefill_asks_the_bag_for_the_municipality(demo, keys, settings):
    from zaken.forms.parkeervergunning.prefill import parkeer_prefill

    koppeling(demo["rotterdam"], "bag", settings)
    parkeer_prefill(bsn="999993653", gemeente=demo["rotterdam"], reason="test")
    assert keys() and set(keys()) == {"bag-rotterdam"}


def test_company_check_asks_the_kvk_for_the_municipality(demo, keys, settings):
    from portal.selectors import company_sbi_codes

    koppeling(demo["rotterdam"], "kvk", settings)
    assert company_sbi_codes("69599084", demo["rotterdam"].pk) == ["96031"]
    assert keys() == ["kvk-rotterdam"]
