"""The local IdP's HTTP-Artifact binding: artifacts for its Responses, and the ArtifactResolutionService.

An artifact is good for one resolution; an unknown or used one gets an ArtifactResponse without a
message, as the SAML binding prescribes.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from xml.sax.saxutils import escape, quoteattr

from saml2.entity import create_artifact
from saml2.s_utils import sid
from saml2.time_util import instant

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success"


class ArtifactStore:
    def __init__(self):
        self._messages: dict[str, str] = {}
        self._lock = threading.Lock()

    def put(self, entity_id: str, message_xml: str) -> str:
        artifact = create_artifact(entity_id, hashlib.sha1(secrets.token_bytes(32)).digest(), 0)
        with self._lock:
            self._messages[artifact] = message_xml
        return artifact

    def take(self, artifact: str) -> str | None:
        with self._lock:
            return self._messages.pop(artifact, None)


def soap_artifact_response(issuer: str, in_response_to: str, message_xml: str | None) -> str:
    """A SOAP-enveloped ArtifactResponse carrying the signed Response as the IdP made it."""
    body = message_xml.split("?>", 1)[-1] if message_xml and message_xml.startswith("<?xml") else (message_xml or "")
    return (f'<soap-env:Envelope xmlns:soap-env="{SOAP_ENV}"><soap-env:Body>'
            f'<samlp:ArtifactResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
            f'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{sid()}" Version="2.0" '
            f'IssueInstant="{instant()}" InResponseTo={quoteattr(in_response_to)}>'
            f'<saml:Issuer>{escape(issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="{SUCCESS}"/>'
            f'</samlp:Status>{body}</samlp:ArtifactResponse></soap-env:Body></soap-env:Envelope>')
