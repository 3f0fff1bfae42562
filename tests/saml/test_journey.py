"""The whole SP-initiated DigiD journey against the local IdP: login, level enforced, single logout."""

from urllib.parse import urlencode, urlsplit

from portal.session import SESSION_KEY

from .conftest import IDP_BASE, hidden_inputs, post_to_acs, start_login
from .wsgi import call

BSN = "999993653"  # a valid BSN of the RvIG test set


def test_digid_journey_login_level_and_single_logout(client, koppeling, idps):
    koppeling("den-haag")
    idp = idps["digid"]
    query = start_login(client, "den-haag", next_url="/den-haag/mijn-zaken/")
    assert query["SigAlg"].endswith("rsa-sha256") and query["Signature"]

    # The IdP's login page, then its form: a signed Response posted back to our ACS.
    status, _headers, page = call(idp, "GET", f"{IDP_BASE}/digid/idp/sso/?" + urlencode(query))
    assert status == 200 and "Burgerservicenummer" in page
    form = hidden_inputs(page)
    status, _headers, page = call(idp, "POST", f"{IDP_BASE}/digid/idp/sso/",
                                  {"request": form["request"], "bsn": BSN, "level": "midden", "inloggen": "1"})
    assert status == 200
    posted = hidden_inputs(page)
    assert 'action="http://testserver/den-haag/inloggen/digid/acs/"' in page

    answer = post_to_acs(client, "http://testserver/den-haag/inloggen/digid/acs/", posted["SAMLResponse"],
                         posted["RelayState"])
    assert answer.status_code == 302 and answer["Location"] == "/den-haag/mijn-zaken/"
    auth = client.session[SESSION_KEY]
    assert (auth["means"], auth["level"], auth["bsn"]) == ("digid", "midden", BSN)
    assert auth["extra"]["authn_context"] == "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"

    # A product that needs Substantieel refuses a Midden login with the existing message.
    refused = client.get("/den-haag/aanvragen/rijbewijs/")
    assert refused.status_code == 403
    assert "Voor dit product is een hoger betrouwbaarheidsniveau nodig" in refused.content.decode()
    assert client.get("/den-haag/aanvragen/verhuizing/").status_code == 200

    # Logout: local logout, then a signed LogoutRequest to the IdP, whose answer comes back to our SLO.
    out = client.post("/den-haag/uitloggen/")
    assert SESSION_KEY not in client.session
    location = out["Location"]
    assert location.startswith(f"{IDP_BASE}/digid/idp/slo/?SAMLRequest=")
    status, headers, _body = call(idp, "GET", location)
    assert status == 302 and headers["Location"].startswith("http://testserver/den-haag/inloggen/digid/slo/?")
    back = client.get(urlsplit(headers["Location"]).path + "?" + urlsplit(headers["Location"]).query)
    assert back.status_code == 302 and back["Location"] == "/den-haag/"
    home = client.get("/den-haag/")
    assert "U bent uitgelogd." in home.content.decode()
    assert "uitloggen niet bevestigd" not in home.content.decode()


def test_annuleren_on_the_idp_page_comes_back_as_a_cancel(client, koppeling, idps):
    koppeling("den-haag")
    idp = idps["digid"]
    query = start_login(client, "den-haag")
    _status, _headers, page = call(idp, "GET", f"{IDP_BASE}/digid/idp/sso/?" + urlencode(query))
    status, _headers, page = call(idp, "POST", f"{IDP_BASE}/digid/idp/sso/",
                                  {"request": hidden_inputs(page)["request"], "annuleren": "1"})
    posted = hidden_inputs(page)
    answer = post_to_acs(client, "http://testserver/den-haag/inloggen/digid/acs/", posted["SAMLResponse"])
    assert answer.status_code == 200 and SESSION_KEY not in client.session
    assert "U heeft het inloggen met DigiD geannuleerd. U bent niet ingelogd." in answer.content.decode()


def test_the_idp_refuses_an_unsigned_authn_request(client, koppeling, idps):
    koppeling("den-haag")
    query = start_login(client, "den-haag")
    del query["Signature"]
    status, _headers, page = call(idps["digid"], "GET", f"{IDP_BASE}/digid/idp/sso/?" + urlencode(query))
    assert status == 400 and "Ongeldig SAML-bericht" in page


def test_pysaml2_logs_nothing_below_warning(client, koppeling, idps, caplog):
    """Below WARNING pysaml2 logs whole assertions (NameID, attributes); settings keep its loggers at WARNING."""
    import logging

    koppeling("den-haag")
    acs, encoded, relay = idps["digid"].authn_response(None, start_login(client, "den-haag"),
                                                       subject={"bsn": BSN, "level": "midden"})
    with caplog.at_level(logging.DEBUG):
        assert post_to_acs(client, acs, encoded, relay).status_code == 302
    assert [r for r in caplog.records if r.name.startswith("saml2") and r.levelno < logging.WARNING] == []


def test_the_acs_stays_within_its_query_budget(client, koppeling, idps, django_assert_max_num_queries):
    koppeling("den-haag")
    acs, encoded, relay = idps["digid"].authn_response(None, start_login(client, "den-haag"),
                                                       subject={"bsn": BSN, "level": "midden"})
    # The connection with its municipality (1), two replay claims in savepoints (6), their clean-up (1),
    # the name from the BRP mock (1), the new session (4).
    with django_assert_max_num_queries(13):
        assert post_to_acs(client, acs, encoded, relay).status_code == 302


def test_log_in_again_at_a_higher_level_goes_through_single_logout(client, koppeling, idps):
    koppeling("den-haag")
    idp = idps["digid"]
    acs, encoded, relay = idp.authn_response(None, start_login(client, "den-haag"),
                                             subject={"bsn": BSN, "level": "midden"})
    assert post_to_acs(client, acs, encoded, relay).status_code == 302
    out = client.post("/den-haag/uitloggen/", {"next": "/den-haag/aanvragen/rijbewijs/"})
    _status, headers, _body = call(idp, "GET", out["Location"])
    back = urlsplit(headers["Location"])
    answer = client.get(f"{back.path}?{back.query}")
    assert answer["Location"] == "/den-haag/inloggen/?next=%2Fden-haag%2Faanvragen%2Frijbewijs%2F"
