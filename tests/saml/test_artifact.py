"""HTTP-Artifact binding, as DigiD answers: an artifact in the browser, the Response fetched over SOAP."""

import logging
import os
from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

import pytest
import saml2.httpbase

from portal.session import SESSION_KEY

from .conftest import IDP_BASE, hidden_inputs, start_login
from .test_refusals import _request_xml
from .wsgi import call

BSN = "999993653"


class _Answer:
    def __init__(self, status: int, body: str):
        self.status_code, self.text, self.content, self.headers = status, body, body.encode(), {}


@pytest.fixture
def soap_to_idp(monkeypatch, idps):
    """pysaml2's SOAP calls reach the in-process IdP; each call's URL and TLS arguments are kept."""
    calls = SimpleNamespace(urls=[], tls=[])

    def send(self, url, method="GET", **kwargs):
        calls.urls.append(url)
        calls.tls.append(dict(self.request_args))
        app = idps[urlsplit(url).path.split("/")[1]]
        status, _headers, body = call(app, method, url, raw=kwargs.get("data", "").encode())
        return _Answer(status, body)

    monkeypatch.setattr(saml2.httpbase.HTTPBase, "send", send)
    return calls


def test_digid_login_over_http_artifact(client, koppeling, idps, soap_to_idp):
    koppeling("den-haag", artifact_binding=True)
    idp = idps["digid"]
    query = start_login(client, "den-haag", next_url="/den-haag/mijn-zaken/")
    assert 'ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"' in _request_xml(query)
    _status, _headers, page = call(idp, "GET", f"{IDP_BASE}/digid/idp/sso/?" + urlencode(query))
    status, headers, _body = call(idp, "POST", f"{IDP_BASE}/digid/idp/sso/",
                                  {"request": hidden_inputs(page)["request"], "bsn": BSN, "level": "midden"})
    assert status == 302
    back = urlsplit(headers["Location"])
    assert back.path == "/den-haag/inloggen/digid/acs/" and "SAMLart=" in back.query
    answer = client.get(f"{back.path}?{back.query}")
    assert answer.status_code == 302 and answer["Location"] == "/den-haag/mijn-zaken/"
    assert soap_to_idp.urls == [f"{IDP_BASE}/digid/idp/ars/"]
    # Over TLS: the IdP's certificate checked, ours presented as client certificate.
    tls = soap_to_idp.tls[0]
    assert tls["verify"] is True and all(os.path.exists(path) for path in tls["cert"])
    assert (client.session[SESSION_KEY]["bsn"], client.session[SESSION_KEY]["level"]) == (BSN, "midden")


def test_an_artifact_is_good_once(client, koppeling, idps, soap_to_idp, caplog):
    koppeling("den-haag", artifact_binding=True)
    location = idps["digid"].artifact_redirect(None, start_login(client, "den-haag"),
                                               subject={"bsn": BSN, "level": "midden"})
    back = urlsplit(location)
    assert client.get(f"{back.path}?{back.query}").status_code == 302
    with caplog.at_level(logging.WARNING):
        again = client.get(f"{back.path}?{back.query}")
    assert again.status_code == 403 and "reason=artifact " in caplog.text


def test_only_the_binding_the_connection_asked_for(client, koppeling, idps, soap_to_idp, caplog):
    koppeling("den-haag")  # HTTP-POST
    location = idps["digid"].artifact_redirect(None, start_login(client, "den-haag"),
                                               subject={"bsn": BSN, "level": "midden"})
    back = urlsplit(location)
    with caplog.at_level(logging.WARNING):
        assert client.get(f"{back.path}?{back.query}").status_code == 403
    assert "reason=binding " in caplog.text and soap_to_idp.urls == []


def test_an_unreachable_idp_refuses_the_login(client, koppeling, idps, monkeypatch, caplog):
    koppeling("den-haag", artifact_binding=True)
    location = idps["digid"].artifact_redirect(None, start_login(client, "den-haag"),
                                               subject={"bsn": BSN, "level": "midden"})

    def down(self, url, method="GET", **kwargs):
        raise ConnectionError("no route")

    monkeypatch.setattr(saml2.httpbase.HTTPBase, "send", down)
    back = urlsplit(location)
    with caplog.at_level(logging.WARNING):
        assert client.get(f"{back.path}?{back.query}").status_code == 403
    assert "reason=artifact " in caplog.text
