"""A real SAML IdP (pysaml2's Server, zaken.integrations.auth.saml.idp) with keys made per run.

The IdP runs in-process as a WSGI app at http://idp.test; it reads our SP metadata through the
Django test client, exactly as it would fetch it over HTTP.
"""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from zaken.integrations.auth.saml.certs import self_signed
from zaken.integrations.auth.saml.idp import make_idp_app
from zaken.integrations.auth.saml.models import SamlKoppeling

IDP_BASE = "http://idp.test"


def sp_metadata_via_client(entity_id: str) -> str | None:
    parts = urlsplit(entity_id)
    if parts.netloc != "testserver":
        return None
    answer = Client().get(parts.path)
    return answer.content.decode() if answer.status_code == 200 else None


@pytest.fixture(scope="session")
def sp_keys():
    """Two key pairs, made once per run (RSA generation is the slow part)."""
    return [self_signed("SP test A"), self_signed("SP test B")]


@pytest.fixture(scope="session")
def idps(tmp_path_factory):
    key_dir = tmp_path_factory.mktemp("idp-keys")
    return {means: make_idp_app(means, f"/{means}/idp/", key_dir=key_dir, base_url=IDP_BASE,
                                sp_metadata=sp_metadata_via_client)
            for means in ("digid", "eherkenning")}


@pytest.fixture
def saml_settings(settings):
    settings.INTEGRATIONS = {**settings.INTEGRATIONS, "digid": "digid-saml", "eherkenning": "eherkenning-saml"}
    return settings


@pytest.fixture
def koppeling(demo, idps, sp_keys, saml_settings):
    """make(slug, means, **fields): the SamlKoppeling of a demo municipality against the local IdP."""

    def make(slug: str, means: str = "digid", key: int = 0, **fields):
        cert, private = sp_keys[key]
        values = {"actief": True, "sp_entity_id": f"http://testserver/{slug}/inloggen/{means}/metadata/",
                  "sp_certificaat": cert, "sp_sleutel": private, "idp_metadata": idps[means].metadata(),
                  "minimum_niveau": "basis" if means == "digid" else "EH2"}
        if means == "eherkenning":
            values.update(attribute_consuming_service_index=1,
                          dienst_id="urn:etoegang:DV:00000001000000000000:services:1")
        values.update(fields)
        return SamlKoppeling.objects.create(gemeente=demo[slug], middel=means, **values)

    return make


def idp_query(location: str) -> dict[str, str]:
    parts = urlsplit(location)
    assert f"{parts.scheme}://{parts.netloc}" == IDP_BASE, location
    return {k: v[0] for k, v in parse_qs(parts.query).items()}


def start_login(client, slug: str, means: str = "digid", next_url: str = "") -> dict[str, str]:
    """The portal's redirect to the IdP; returns the HTTP-Redirect query (SAMLRequest, SigAlg, ...)."""
    url = f"/{slug}/inloggen/{means}/" + (f"?next={next_url}" if next_url else "")
    answer = client.get(url)
    assert answer.status_code == 302, answer.content[:500]
    return idp_query(answer["Location"])


def post_to_acs(client, acs: str, encoded: str, relay: str = ""):
    return client.post(urlsplit(acs).path, {"SAMLResponse": encoded, "RelayState": relay})


def hidden_inputs(page: str) -> dict[str, str]:
    return {m.group(1): unescape(m.group(2))
            for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)}
