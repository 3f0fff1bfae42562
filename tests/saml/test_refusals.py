"""What the SP must refuse, each with a Dutch message and never a 500: the local IdP's answers, altered."""

import base64
import logging
import re

import pytest

from portal.session import SESSION_KEY
from zaken.integrations.auth.saml.flow import COOKIE
from zaken.integrations.auth.saml.models import SamlGebruiktBericht

from .conftest import post_to_acs, start_login

BSN = "999993653"
ACS = "http://testserver/den-haag/inloggen/digid/acs/"
FAILED = "kon niet worden gecontroleerd of was verlopen"


@pytest.fixture
def den_haag(koppeling):
    return koppeling("den-haag")


def answer(idps, query, means="digid", **overrides):
    subject = overrides.pop("subject", {"bsn": BSN, "level": "midden"})
    return idps[means].authn_response(None, query, subject=subject, **overrides)


def refused(response, caplog, reason: str, text: str = FAILED):
    assert response.status_code == 403
    assert text in response.content.decode()
    assert f"reason={reason} " in caplog.text
    assert BSN not in caplog.text  # nothing personal in the log


def not_logged_in(client):
    return SESSION_KEY not in client.session


def _tampered(xml: str) -> str:
    assert f"s00000000:{BSN}" in xml
    return xml.replace(f"s00000000:{BSN}", "s00000000:111222333")  # another person, same signature


def _unsigned(xml: str) -> str:
    stripped = re.sub(r"<(\w+:)?Signature[ >].*?</(\w+:)?Signature>", "", xml, flags=re.S)
    assert "SignatureValue" not in stripped
    return stripped


@pytest.mark.parametrize("alter", [_tampered, _unsigned])
def test_a_response_without_a_valid_signature_is_refused(client, den_haag, idps, caplog, alter):
    acs, encoded, relay = answer(idps, start_login(client, "den-haag"))
    altered = base64.b64encode(alter(base64.b64decode(encoded).decode()).encode()).decode()
    with caplog.at_level(logging.WARNING):
        response = post_to_acs(client, acs, altered, relay)
    refused(response, caplog, "signature")
    assert not_logged_in(client)


def test_an_expired_assertion_is_refused(client, den_haag, idps, caplog, monkeypatch):
    acs, encoded, relay = answer(idps, start_login(client, "den-haag"))
    import saml2.time_util

    real_now = saml2.time_util.utc_now
    monkeypatch.setattr(saml2.time_util, "utc_now", lambda: real_now() + 10 * 60)  # posted 10 minutes later
    with caplog.at_level(logging.WARNING):
        response = post_to_acs(client, acs, encoded, relay)
    refused(response, caplog, "expired")
    assert not_logged_in(client)


def test_a_replayed_assertion_is_refused_even_with_the_outstanding_request(client, den_haag, idps, caplog):
    acs, encoded, relay = answer(idps, start_login(client, "den-haag"))
    outstanding = client.cookies[COOKIE].value
    assert post_to_acs(client, acs, encoded, relay).status_code == 302
    assert SamlGebruiktBericht.objects.count() == 2  # the assertion and the request it answered

    # Another browser (or process) with a copy of the cookie and the captured POST.
    from django.test import Client

    other = Client()
    other.cookies[COOKIE] = outstanding
    with caplog.at_level(logging.WARNING):
        response = post_to_acs(other, acs, encoded, relay)
    refused(response, caplog, "replay")
    assert not_logged_in(other)


@pytest.mark.parametrize("reason, override", [
    ("audience", {"audience": "http://testserver/rotterdam/inloggen/digid/metadata/"}),  # meant for another SP
    ("unsolicited", {"in_response_to": "_niet-van-ons"}),  # answers a request we did not send
    ("destination", {"destination": "http://testserver/den-haag/inloggen/digid/elders/"}),
])
def test_a_response_that_is_not_for_this_login_is_refused(client, den_haag, idps, caplog, reason, override):
    _acs, encoded, relay = answer(idps, start_login(client, "den-haag"), **override)
    with caplog.at_level(logging.WARNING):
        response = post_to_acs(client, ACS, encoded, relay)
    refused(response, caplog, reason)
    assert not_logged_in(client)


def test_a_response_without_an_outstanding_request_in_this_browser_is_refused(client, den_haag, idps, caplog):
    from django.test import Client

    acs, encoded, relay = answer(idps, start_login(client, "den-haag"))
    with caplog.at_level(logging.WARNING):
        response = post_to_acs(Client(), acs, encoded, relay)  # login CSRF: someone else's browser
    refused(response, caplog, "unsolicited")


def test_cancel_shows_a_message(client, den_haag, idps, caplog):
    acs, encoded, relay = answer(idps, start_login(client, "den-haag"), subject=None)
    with caplog.at_level(logging.WARNING):
        response = post_to_acs(client, acs, encoded, relay)
    assert response.status_code == 200
    assert "U heeft het inloggen met DigiD geannuleerd" in response.content.decode()
    assert "reason=cancelled " in caplog.text
    assert not_logged_in(client)


def test_a_level_below_the_connections_minimum_is_refused(client, koppeling, idps, caplog):
    koppeling("den-haag", minimum_niveau="midden")
    query = start_login(client, "den-haag")
    assert "MobileTwoFactorContract" in _request_xml(query)  # asked as the minimum
    acs, encoded, relay = answer(idps, query, subject={"bsn": BSN, "level": "basis"})
    with caplog.at_level(logging.WARNING):
        response = post_to_acs(client, acs, encoded, relay)
    refused(response, caplog, "level_too_low", "lager betrouwbaarheidsniveau")
    assert not_logged_in(client)


def test_an_assertion_for_another_municipality_is_refused(client, koppeling, idps, caplog):
    koppeling("den-haag")
    koppeling("rotterdam", key=1)
    rotterdam_acs = "http://testserver/rotterdam/inloggen/digid/acs/"
    acs, encoded, relay = answer(idps, start_login(client, "den-haag"))
    with caplog.at_level(logging.WARNING):
        response = post_to_acs(client, rotterdam_acs, encoded, relay)
    assert response.status_code == 403
    assert "reason=destination gemeente=rotterdam" in caplog.text
    assert not_logged_in(client)
    # Addressed to Rotterdam's ACS and answering Rotterdam's outstanding request, but the assertion
    # itself was made for Den Haag's service provider.
    rotterdam_id = _request_id(start_login(client, "rotterdam"))
    outstanding = client.cookies[COOKIE].value
    _acs, encoded, relay = answer(idps, start_login(client, "den-haag"), destination=rotterdam_acs,
                                  in_response_to=rotterdam_id)
    client.cookies[COOKIE] = outstanding
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        response = post_to_acs(client, rotterdam_acs, encoded, relay)
    assert response.status_code == 403 and not_logged_in(client)
    assert "reason=audience gemeente=rotterdam" in caplog.text


def test_garbage_is_refused_not_a_500(client, den_haag, caplog):
    start_login(client, "den-haag")
    for body in ("bm9nIGdlZW4gWE1M", "%%%", base64.b64encode(b"<samlp:Response/>").decode()):
        response = post_to_acs(client, ACS, body)
        assert response.status_code == 403, body
    assert client.post("/den-haag/inloggen/digid/acs/").status_code == 403


def test_a_municipality_without_a_connection_says_so(client, den_haag, saml_settings):
    response = client.get("/rotterdam/inloggen/digid/")
    assert response.status_code == 200
    assert "Inloggen met DigiD is bij deze gemeente nog niet mogelijk" in response.content.decode()
    assert client.post("/rotterdam/inloggen/digid/acs/", {"SAMLResponse": "x"}).status_code == 403
    assert client.get("/rotterdam/inloggen/digid/metadata/").status_code == 404


def test_a_broken_connection_gives_a_message_not_a_500(client, koppeling):
    koppeling("den-haag", idp_metadata="<kapot/>")
    response = client.get("/den-haag/inloggen/digid/")
    assert response.status_code == 200
    assert "niet mogelijk door een storing" in response.content.decode()


def _request_xml(query) -> str:
    import zlib

    return zlib.decompress(base64.b64decode(query["SAMLRequest"]), -15).decode()


def _request_id(query) -> str:
    return re.search(r' ID="([^"]+)"', _request_xml(query)).group(1)


def test_a_broken_key_gives_no_500_on_metadata_or_logout(client, koppeling):
    koppeling("den-haag", sp_sleutel="-----BEGIN PRIVATE KEY-----\nkapot\n-----END PRIVATE KEY-----\n")
    assert client.get("/den-haag/inloggen/digid/metadata/").status_code == 503
    assert client.get("/den-haag/inloggen/digid/slo/?SAMLRequest=x&SigAlg=y&Signature=z").status_code == 302
