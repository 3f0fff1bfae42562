"""The rdw-http client: typed errors, the idempotent order, no BSN in URLs or logs, a municipality's own
connection."""

import logging
import re
from datetime import date
import threading

import pytest

from zaken.integrations.errors import Misconfigured, NotFound, Rejected, Unavailable
from zaken.integrations.http.inprocess import InProcessAdapter
from zaken.integrations.management.commands.mock_registers_serve import make_server
from zaken.integrations.mockservice import app
from zaken.integrations.mockservice import rdw as routes
from zaken.integrations.models import RdwMockBestelling
from zaken.integrations.rdw.client import RdwHttp
from zaken.integrations.rdw.mock import RdwMock
from zaken.integrations.registry import get_adapter

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"


@pytest.fixture
def sent(monkeypatch):
    """Every request the client hands to the (in-process) mock RDW."""
    requests = []
    original = InProcessAdapter.send

    def capture(self, request, **kwargs):
        requests.append(request)
        return original(self, request, **kwargs)

    monkeypatch.setattr(InProcessAdapter, "send", capture)
    return requests


def _answer(monkeypatch, path, handler):
    """The mock RDW answers `path` with `handler` (a route in front of the real ones)."""
    monkeypatch.setattr(routes, "ROUTES", [("POST", re.compile(routes.PREFIX + path), handler), *routes.ROUTES])


def test_the_configured_adapter_is_the_http_client():
    rdw = get_adapter("rdw")
    assert isinstance(rdw, RdwHttp) and rdw.key == "rdw-http" and rdw.is_mock  # its URL is the mock's


def test_a_malformed_bsn_is_rejected_with_the_field_named():
    with pytest.raises(Rejected) as info:
        get_adapter("rdw").rijbewijs("12345678")
    assert info.value.invalid_params == ("burgerservicenummer",)


def test_no_licence_is_not_found_no_photo_is_none_no_cbr_is_not_on_file():
    rdw = get_adapter("rdw")
    with pytest.raises(NotFound):
        rdw.rijbewijs("100000009")  # passes the elfproef, unknown to the RDW
    assert rdw.pasfoto_registratie("999990081") is None
    assert rdw.cbr_gezondheidsverklaring("000009866") == {"opDossier": False, "geldigTot": None}


def test_an_order_the_rdw_refuses_is_not_found():
    with pytest.raises(NotFound):
        get_adapter("rdw").bestelling_plaatsen(order_key="k", bsn="100000009", categorieen=["B"], afhaallocatie="x")
    assert not RdwMockBestelling.objects.exists()


def test_an_order_key_reused_for_other_data_is_an_error_to_look_at(caplog):
    rdw = get_adapter("rdw")
    rdw.bestelling_plaatsen(order_key="k", bsn=SUZANNE, categorieen=["B"], afhaallocatie="x")
    with caplog.at_level(logging.ERROR, logger="samenloket.integrations.rdw"):
        with pytest.raises(Unavailable):
            rdw.bestelling_plaatsen(order_key="k", bsn=SUZANNE, categorieen=["B", "BE"], afhaallocatie="x")
    assert "409" in caplog.text and SUZANNE not in caplog.text
    assert RdwMockBestelling.objects.count() == 1


def test_unknown_or_empty_order_is_not_found(sent):
    rdw = get_adapter("rdw")
    for call in (rdw.bestelling_status, rdw.niet_uitgereikt_melden):
        with pytest.raises(NotFound):
            call("RDW000000000000")
        with pytest.raises(NotFound):
            call("")
    assert len(sent) == 2  # an empty order id is not asked


def test_down_is_unavailable(settings):
    settings.MOCK_UNAVAILABLE = {"rdw"}
    with pytest.raises(Unavailable):
        get_adapter("rdw").voertuig("KSS27G")


def test_refused_credentials_are_misconfigured(monkeypatch):
    _answer(monkeypatch, "/voertuigen/_zoek", lambda request: app.foutbericht(
        request, 401, code="authentication", title="Niet geauthenticeerd."))
    with pytest.raises(Misconfigured):
        get_adapter("rdw").voertuig("KSS27G")


def test_an_answer_outside_the_contract_is_unavailable(monkeypatch):
    _answer(monkeypatch, "/rijbewijzen/_zoek", lambda request: app.MockResponse(200, {"rijbewijs": {}}))
    with pytest.raises(Unavailable, match="lacks rijbewijzen"):
        get_adapter("rdw").rijbewijs(SUZANNE)


def test_the_order_is_sent_with_its_key_as_idempotency_key_and_a_retry_gets_the_same_order(sent):
    rdw = get_adapter("rdw")
    first = rdw.bestelling_plaatsen(order_key="samenloket:ZAAK-1", bsn=SUZANNE, categorieen=["B"], afhaallocatie="x")
    again = rdw.bestelling_plaatsen(order_key="samenloket:ZAAK-1", bsn=SUZANNE, categorieen=["B"], afhaallocatie="x")
    assert first == again and RdwMockBestelling.objects.count() == 1
    assert [r.headers["Idempotency-Key"] for r in sent] == ["samenloket:ZAAK-1"] * 2


@pytest.mark.django_db(transaction=True)
def test_an_order_whose_answer_was_lost_is_retried_by_the_client_and_placed_once(monkeypatch, settings):
    """Over a real socket: the RDW stores the order, then answers 503; the client's retry (same key) gets it."""
    httpd = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    settings.REGISTERS = {**settings.REGISTERS, "rdw": {**settings.REGISTERS["rdw"], "retries": 2,
                                                        "url": f"http://127.0.0.1:{httpd.server_port}/rdw/api/v1"}}
    plaatsen, calls = RdwMock.bestelling_plaatsen, []

    def lost_once(self, **kwargs):
        calls.append(kwargs["order_key"])
        order_id = plaatsen(self, **kwargs)
        if len(calls) == 1:
            raise Unavailable("stored, then the answer was lost")
        return order_id

    monkeypatch.setattr(RdwMock, "bestelling_plaatsen", lost_once)
    try:
        order_id = get_adapter("rdw").bestelling_plaatsen(order_key="samenloket:ZAAK-2", bsn=SUZANNE,
                                                          categorieen=["B"], afhaallocatie="x")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert calls == ["samenloket:ZAAK-2"] * 2
    assert list(RdwMockBestelling.objects.values_list("order_id", flat=True)) == [order_id]


def test_no_bsn_or_kenteken_in_urls_or_logs(sent, caplog):
    rdw = get_adapter("rdw")
    with caplog.at_level(logging.DEBUG):
        rdw.rijbewijs(SUZANNE)
        rdw.pasfoto_registratie(SUZANNE)
        rdw.cbr_gezondheidsverklaring(SUZANNE)
        order = rdw.bestelling_plaatsen(order_key="samenloket:ZAAK-3", bsn=SUZANNE, categorieen=["B"],
                                        afhaallocatie="x")
        rdw.bestelling_status(order)
        rdw.niet_uitgereikt_melden(order)
        rdw.voertuig("KSS-27-G")
        with pytest.raises(NotFound):
            rdw.rijbewijs("100000009")
    assert len(sent) == 8
    for request in sent:
        assert SUZANNE not in request.url and "KSS27G" not in request.url and "?" not in request.url
    for text in (SUZANNE, "100000009", "KSS27G", "KSS-27-G", order):
        assert text not in caplog.text
    assert "rdw GET /bestellingen/{orderId} -> 200" in caplog.text


def test_a_municipality_uses_its_own_connection(sent, settings):
    from tests.factories import GemeenteFactory
    from zaken.integrations.models import RegisterKoppeling

    eigen, ander = GemeenteFactory(), GemeenteFactory()
    RegisterKoppeling.objects.create(gemeente=eigen, soort="rdw", url=settings.REGISTERS["rdw"]["url"],
                                     api_key="sleutel-van-de-gemeente", timeout=3)
    get_adapter("rdw", eigen).voertuig("KSS27G")
    get_adapter("rdw", ander).voertuig("KSS27G")
    get_adapter("rdw").voertuig("KSS27G")
    assert [r.headers.get("X-Api-Key") for r in sent] == ["sleutel-van-de-gemeente", None, None]


def test_the_call_sites_ask_for_their_municipality(sent, settings):
    """The e-forms' prefill and the order steps use the case's municipality, not the default connection."""
    from types import SimpleNamespace

    from tests.factories import GemeenteFactory
    from zaken.forms.parkeervergunning.prefill import voertuig_lezen
    from zaken.forms.rijbewijs.prefill import rijbewijs_prefill
    from zaken.integrations.models import RegisterKoppeling
    from zaken.processes.rijbewijs import automation
    from zaken.processes.rijbewijs.services import terms_for

    gemeente = GemeenteFactory()
    RegisterKoppeling.objects.create(gemeente=gemeente, soort="rdw", url=settings.REGISTERS["rdw"]["url"],
                                     api_key="eigen", timeout=3)
    voertuig_lezen(kenteken="KSS27G", bsn=SUZANNE, gemeente=gemeente, reason="test")
    rijbewijs_prefill(bsn=SUZANNE, vandaag=date.today(), terms=terms_for(gemeente), gemeente=gemeente)
    order = get_adapter("rdw").bestelling_plaatsen(order_key="k", bsn=SUZANNE, categorieen=["B"], afhaallocatie="x")
    rijbewijs = SimpleNamespace(pk=1, rdw_niet_uitgereikt_gemeld=False, rdw_order_id=order,
                                zaak=SimpleNamespace(gemeente=gemeente), save=lambda **kwargs: None)
    automation._niet_uitgereikt_melden(rijbewijs)
    assert rijbewijs.rdw_niet_uitgereikt_gemeld
    assert [r.headers.get("X-Api-Key") for r in sent if "/rdw/" in r.url] == ["eigen"] * 4 + [None, "eigen"]
