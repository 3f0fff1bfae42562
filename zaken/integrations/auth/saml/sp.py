"""A pysaml2 service provider built per request from a municipality's SamlKoppeling.

pysaml2 keeps one configuration per client object; we build a client for the connection of the
request's municipality and means, so every municipality is its own SP (own entity id, keys, IdP).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from saml2 import BINDING_HTTP_ARTIFACT, BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.client import Saml2Client
from saml2.config import SPConfig
from saml2.metadata import entity_descriptor, sign_entity_descriptor
from saml2.sigver import get_xmlsec_binary, security_context, verify_redirect_signature
from saml2.validate import valid_instance

from zaken.identity import DIGID, DIGID_AUTHN_CONTEXT, EHERKENNING_AUTHN_CONTEXT

from .keyfiles import pem_file
from .models import SamlKoppeling

SIGN_ALG = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
DIGEST_ALG = "http://www.w3.org/2001/04/xmlenc#sha256"


@dataclass(frozen=True)
class SpUrls:
    acs: str
    slo: str
    metadata: str


def response_binding(koppeling: SamlKoppeling) -> str:
    return BINDING_HTTP_ARTIFACT if koppeling.artifact_binding else BINDING_HTTP_POST


def authn_context_map(means: str) -> dict[str, str]:
    return DIGID_AUTHN_CONTEXT if means == DIGID else EHERKENNING_AUTHN_CONTEXT


def koppeling_for(gemeente, means: str) -> SamlKoppeling | None:
    if gemeente is None:
        return None
    return SamlKoppeling.objects.filter(gemeente=gemeente, middel=means, actief=True).select_related("gemeente").first()


def sp_config(koppeling: SamlKoppeling, urls: SpUrls) -> SPConfig:
    key_file = pem_file(koppeling.sp_sleutel, "key")
    cert_file = pem_file(koppeling.sp_certificaat, "crt")
    conf = {
        "entityid": koppeling.sp_entity_id,
        "xmlsec_binary": get_xmlsec_binary(["/usr/bin"]),
        "key_file": key_file,
        "cert_file": cert_file,
        "encryption_keypairs": [{"key_file": key_file, "cert_file": cert_file}],
        "metadata": {"inline": [koppeling.idp_metadata]},
        "accepted_time_diff": settings.SAML_CLOCK_SKEW_SECONDS,
        # Artifact resolution goes over TLS with our certificate as client certificate; check the IdP's.
        "verify_ssl_cert": True,
        "http_client_timeout": 10,
        "allow_unknown_attributes": True,
        "signing_algorithm": SIGN_ALG,
        "digest_algorithm": DIGEST_ALG,
        "service": {"sp": {
            "name": koppeling.gemeente.naam,
            "endpoints": {
                "assertion_consumer_service": [(urls.acs, BINDING_HTTP_POST), (urls.acs, BINDING_HTTP_ARTIFACT)],
                "single_logout_service": [(urls.slo, BINDING_HTTP_REDIRECT)],
            },
            "authn_requests_signed": True,
            "logout_requests_signed": True,
            "logout_responses_signed": True,
            "want_assertions_signed": True,
            "want_response_signed": True,
            "allow_unsolicited": False,
            "requested_authn_context": {
                "authn_context_class_ref": [authn_context_map(koppeling.middel)[koppeling.minimum_niveau]],
                "comparison": "minimum",
            },
        }},
    }
    config = SPConfig()
    config.load(conf)
    return config


def client_for(koppeling: SamlKoppeling, urls: SpUrls) -> Saml2Client:
    return Saml2Client(config=sp_config(koppeling, urls))


def idp_entity_id(client: Saml2Client) -> str:
    return next(iter(client.metadata.identity_providers()))


def metadata_xml(koppeling: SamlKoppeling, urls: SpUrls) -> str:
    """Our SP metadata for this connection, signed with its own key."""
    config = sp_config(koppeling, urls)
    descriptor = entity_descriptor(config)
    _descriptor, xml = sign_entity_descriptor(descriptor, None, security_context(config), SIGN_ALG, DIGEST_ALG)
    valid_instance(_descriptor)
    return xml


def redirect_signature_ok(client: Saml2Client, params: dict[str, str], issuer: str) -> bool:
    """Verify the query-string signature of an HTTP-Redirect message against the IdP's metadata certs."""
    if not params.get("Signature") or not params.get("SigAlg"):
        return False
    try:
        certs = client.metadata.certs(issuer, "idpsso", "signing")
    except KeyError:
        return False
    return any(verify_redirect_signature(params, client.sec.sec_backend, cert) for _name, cert in certs)
