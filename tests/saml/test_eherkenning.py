"""eHerkenning over SAML: KvK number, vestiging, acting subject and service restrictions from the attributes."""

import logging

from portal.session import SESSION_KEY

from .conftest import post_to_acs, start_login

KVK = "69599084"  # in the KvK mock
EH_ACS = "http://testserver/rotterdam/inloggen/eherkenning/acs/"


def login(client, idps, **subject):
    query = start_login(client, "rotterdam", "eherkenning")
    acs, encoded, relay = idps["eherkenning"].authn_response(
        None, query, subject={"kvk": KVK, "level": "EH3", "acting_subject": "pseudo-1", **subject})
    assert acs == EH_ACS
    return post_to_acs(client, acs, encoded, relay)


def test_eherkenning_login_maps_the_attributes(client, koppeling, idps):
    koppeling("rotterdam", "eherkenning")
    query = start_login(client, "rotterdam", "eherkenning")
    from .test_refusals import _request_xml

    request = _request_xml(query)
    assert 'AttributeConsumingServiceIndex="1"' in request
    assert "urn:etoegang:core:assurance-class:loa2" in request and 'Comparison="minimum"' in request
    response = login(client, idps, vestiging="000038417350")
    assert response.status_code == 302
    auth = client.session[SESSION_KEY]
    assert (auth["means"], auth["level"], auth["kvk_nummer"], auth["vestigingsnummer"]) == (
        "eherkenning", "EH3", KVK, "000038417350")
    assert auth["acting_subject"] == "pseudo-1"
    assert auth["extra"]["service_restrictions"] == ["urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"]
    assert auth["company_name"]  # looked up in the KvK register, as the mock does


def test_a_service_restriction_the_connection_does_not_allow_is_refused(client, koppeling, idps, caplog):
    koppeling("rotterdam", "eherkenning")
    with caplog.at_level(logging.WARNING):
        response = login(client, idps, restrictions={"urn:etoegang:1.9:ServiceRestriction:Postcode": "3011AA"})
    assert response.status_code == 403 and SESSION_KEY not in client.session
    assert "reason=restriction_not_allowed " in caplog.text


def test_an_assertion_for_another_service_is_refused(client, koppeling, idps, caplog):
    koppeling("rotterdam", "eherkenning", dienst_id="urn:etoegang:DV:00000001000000000000:services:7")
    with caplog.at_level(logging.WARNING):
        response = login(client, idps)
    assert response.status_code == 403 and SESSION_KEY not in client.session
    assert "reason=wrong_service " in caplog.text


def test_eherkenning_level_below_the_minimum_is_refused(client, koppeling, idps):
    koppeling("rotterdam", "eherkenning", minimum_niveau="EH3")
    response = login(client, idps, level="EH2+")
    assert response.status_code == 403 and SESSION_KEY not in client.session
    assert "lager betrouwbaarheidsniveau" in response.content.decode()
