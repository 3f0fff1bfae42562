"""The register HTTP client over a real socket: time-outs, retries, circuit breaker, typed errors, logs."""

import logging
import re
import socket
import threading

import pytest
from django.core.exceptions import ImproperlyConfigured

from zaken.integrations.errors import Misconfigured, NotFound, Rejected, Unavailable
from zaken.integrations.http.client import RegisterClient
from zaken.integrations.http.verbinding import Verbinding, verbinding
from zaken.integrations.management.commands.mock_registers_serve import make_server
from zaken.integrations.mockservice import app, rdw
from zaken.integrations.mockservice.app import MockResponse, foutbericht, invalid_param

SEEN: list[str] = []


def _echo(request):
    SEEN.append(request.method)
    status = int(request.param("status", "200"))
    if status == 400:
        return foutbericht(request, 400, code="paramsValidation", title="Fout",
                           invalid_params=[invalid_param("burgerservicenummer", "pattern", "9 cijfers")])
    return MockResponse(status, {"body": request.json(), "key": request.headers.get("x-api-key", "")})


@pytest.fixture
def server(monkeypatch, settings):
    """The mock registers' server on a free port, with one test route."""
    SEEN.clear()
    monkeypatch.setattr(rdw, "ROUTES", [*rdw.ROUTES, ("GET", re.compile(r"/test/echo"), _echo),
                                        ("POST", re.compile(r"/test/echo"), _echo)])
    httpd = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def _client(url, **kwargs):
    return RegisterClient(Verbinding(kind="rdw", url=url, api_key="geheim", api_key_header="X-Api-Key",
                                     timeout=kwargs.pop("timeout", 2), retries=kwargs.pop("retries", 2)))


@pytest.mark.django_db(transaction=True)
def test_answer_headers_and_api_key(server):
    answer = _client(server).post("/test/echo", json={"a": 1}, idempotent=True)
    assert answer.status == 200 and answer.data == {"body": {"a": 1}, "key": "geheim"}


@pytest.mark.django_db(transaction=True)
def test_typed_errors(server):
    client = _client(server, retries=0)
    with pytest.raises(Rejected) as rejected:
        client.get("/test/echo", params={"status": "400"})
    assert rejected.value.invalid_params == ("burgerservicenummer",)
    with pytest.raises(NotFound):
        client.get("/bestaat/niet")
    with pytest.raises(Misconfigured):
        client.get("/test/echo", params={"status": "401"})
    with pytest.raises(Unavailable):
        client.get("/test/echo", params={"status": "500"})


@pytest.mark.django_db(transaction=True)
def test_reads_are_retried_writes_are_not(server):
    with pytest.raises(Unavailable):
        _client(server, retries=2).get("/test/echo", params={"status": "503"})
    assert SEEN == ["GET"] * 3
    SEEN.clear()
    with pytest.raises(Unavailable):
        _client(server, retries=2).request("POST", "/test/echo", params={"status": "503"}, json={},
                                           idempotent=False)
    assert SEEN == ["POST"]


@pytest.mark.django_db(transaction=True)
def test_breaker_opens_and_fails_fast(server, settings):
    settings.REGISTER_BREAKER_FAILURES = 3
    client = _client(server, retries=0)
    for _ in range(3):
        with pytest.raises(Unavailable):
            client.get("/test/echo", params={"status": "503"})
    assert len(SEEN) == 3
    with pytest.raises(Unavailable, match="circuit open"):
        client.get("/test/echo")
    assert len(SEEN) == 3  # not sent


@pytest.mark.django_db(transaction=True)
def test_not_found_does_not_open_the_breaker(server, settings):
    settings.REGISTER_BREAKER_FAILURES = 2
    client = _client(server, retries=0)
    for _ in range(4):
        with pytest.raises(NotFound):
            client.get("/bestaat/niet")
    assert client.get("/test/echo").status == 200


def test_timeout_is_unavailable():
    """A register that accepts the connection and never answers costs the time-out, not a worker."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    try:
        client = _client(f"http://127.0.0.1:{listener.getsockname()[1]}", timeout=0.3, retries=0)
        with pytest.raises(Unavailable):
            client.get("/x")
    finally:
        listener.close()


def test_connection_refused_is_unavailable():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(Unavailable):
        _client(f"http://127.0.0.1:{port}", retries=0).get("/x")


@pytest.mark.django_db(transaction=True)
def test_log_shows_the_template_not_the_identifier(server, caplog):
    with caplog.at_level(logging.INFO, logger="samenloket.integrations.http"):
        with pytest.raises(NotFound):
            _client(server, retries=0).get("/bestaat/999999990", log_path="/bestaat/{bsn}",
                                           params={"postcode": "2511AB"})
    text = caplog.text
    assert "/bestaat/{bsn}" in text and "999999990" not in text and "2511AB" not in text


@pytest.mark.django_db
def test_municipality_connection_overrides_the_default(settings):
    from tests.factories import GemeenteFactory
    from zaken.integrations.models import RegisterKoppeling

    gemeente = GemeenteFactory()
    assert verbinding("kvk", gemeente).url == settings.REGISTERS["kvk"]["url"]
    RegisterKoppeling.objects.create(gemeente=gemeente, soort="kvk", url="https://kvk.example.nl/api/v1/",
                                     api_key="k", timeout=3)
    eigen = verbinding("kvk", gemeente)
    assert (eigen.url, eigen.api_key, eigen.api_key_header, eigen.timeout) == (
        "https://kvk.example.nl/api/v1", "k", "apikey", 3)
    assert not eigen.is_mock
    assert verbinding("kvk", None).is_mock  # the test settings' default is the mock registers


def test_missing_url_is_a_configuration_error(settings):
    settings.REGISTERS = {**settings.REGISTERS, "kvk": {**settings.REGISTERS["kvk"], "url": ""}}
    with pytest.raises(ImproperlyConfigured):
        verbinding("kvk")


def test_unknown_path_is_a_foutbericht():
    from zaken.integrations.mockservice.app import MockRequest, _dispatch

    response = _dispatch(MockRequest("GET", "/nergens", {}, {}, b""))
    assert response.status == 404 and response.content_type == "application/problem+json"
    assert set(response.data) >= {"type", "title", "status", "instance", "code"}
    assert app.REGISTERS  # every register module is wired in
