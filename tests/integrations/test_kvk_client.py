"""The KvK client (kvk-basisprofiel) over HTTP against the mock register: the apikey header,
typed errors, logs with the path template only, and a municipality's own connection."""

import logging

import pytest

from tests.factories import GemeenteFactory
from zaken.integrations.errors import Misconfigured, NotFound, Rejected, Unavailable
from zaken.integrations.kvk.client import KvkBasisprofiel
from zaken.integrations.mockservice import kvk as kvk_service
from zaken.integrations.models import RegisterKoppeling
from zaken.integrations.registry import get_adapter

from .register_requests import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen(monkeypatch):
    return record(monkeypatch, kvk_service)


def test_the_configured_adapter_is_the_http_client():
    assert isinstance(get_adapter("kvk"), KvkBasisprofiel)


def test_paths(seen):
    kvk = get_adapter("kvk")
    assert kvk.basisprofiel("69599084")["naam"] == "Uitvaartzorg Hofstad B.V."
    assert [v["indHoofdvestiging"] for v in kvk.vestigingen("69599084")] == ["Ja", "Nee"]
    assert [path for path, _ in seen] == ["/kvk/api/v1/basisprofielen/69599084",
                                          "/kvk/api/v1/basisprofielen/69599084/vestigingen"]


def test_typed_errors(settings, seen):
    kvk = get_adapter("kvk")
    with pytest.raises(Rejected):  # 400 IPD0004
        kvk.basisprofiel("6959908")
    with pytest.raises(NotFound) as unknown:  # 404 IPD0005
        kvk.vestigingen("12345678")
    assert not isinstance(unknown.value, Rejected)
    with pytest.raises(NotFound):
        kvk.basisprofiel(None)
    with pytest.raises(Rejected):  # a slash cannot reach another path
        kvk.basisprofiel("69599084/vestigingen")
    assert len(seen) == 3
    settings.MOCK_UNAVAILABLE = {"kvk"}
    with pytest.raises(Unavailable):
        kvk.basisprofiel("69599084")


def test_refused_credentials_are_misconfigured(monkeypatch):
    monkeypatch.setattr(kvk_service, "ROUTES", [(m, p, lambda request, **g: kvk_service.fout(
        401, "IPD0001", "Niet geautoriseerd.")) for m, p, _ in kvk_service.ROUTES])
    with pytest.raises(Misconfigured):
        get_adapter("kvk").basisprofiel("69599084")


def test_log_shows_the_template_not_the_kvk_nummer(caplog):
    with caplog.at_level(logging.INFO, logger="samenloket.integrations.http"):
        get_adapter("kvk").basisprofiel("69599084")
        get_adapter("kvk").vestigingen("69599084")
        with pytest.raises(NotFound):
            get_adapter("kvk").basisprofiel("12345678")
    text = caplog.text
    assert "kvk GET /basisprofielen/{kvkNummer} -> 200" in text
    assert "/basisprofielen/{kvkNummer}/vestigingen -> 200" in text
    assert "69599084" not in text and "12345678" not in text


def test_a_municipality_uses_its_own_connection(settings, seen):
    gemeente = GemeenteFactory()
    RegisterKoppeling.objects.create(gemeente=gemeente, soort="kvk", url=settings.REGISTERS["kvk"]["url"],
                                     api_key="kvk-sleutel", timeout=3)
    get_adapter("kvk", gemeente).basisprofiel("69599084")
    get_adapter("kvk").basisprofiel("69599084")
    assert [headers.get("apikey") for _, headers in seen] == ["kvk-sleutel", None]
