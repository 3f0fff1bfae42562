"""HTTP-Artifact binding, as DigiD answers: the browser brings an artifact, we fetch the Response for it.

The ArtifactResolve is signed and sent over SOAP to the IdP's ArtifactResolutionService, over TLS
with the connection's certificate as client certificate (pysaml2 uses its key and cert files).
The Response is taken out of the SOAP answer as the IdP wrote it, so that its signatures still
verify, and then goes through exactly the checks of a posted Response.
"""

from __future__ import annotations

import base64
import logging

from defusedxml import minidom
from saml2.samlp import NAMESPACE as SAMLP

from .models import SamlKoppeling
from .sp import DIGEST_ALG, SIGN_ALG, SpUrls, client_for

logger = logging.getLogger(__name__)


def resolve_artifact(koppeling: SamlKoppeling, urls: SpUrls, artifact: str) -> str | None:
    """The base64 Response the artifact stands for, or None."""
    client = client_for(koppeling, urls)
    try:
        answer = client.artifact2message(artifact, "idpsso", sign=True, sign_alg=SIGN_ALG, digest_alg=DIGEST_ALG)
        return response_from_soap(answer.content)
    except Exception as exc:  # unknown issuer, IdP down, HTTP error, broken SOAP: the login is refused
        logger.warning("SAML artifact not resolved: gemeente=%s means=%s error=%s", koppeling.gemeente.slug,
                       koppeling.middel, type(exc).__name__)
        return None


def response_from_soap(content: bytes) -> str | None:
    """The samlp:Response inside the ArtifactResponse, with its prefixes as written (the signatures cover
    the canonical form, which keeps prefixes) and the namespace declarations it inherits made its own."""
    document = minidom.parseString(content)
    found = document.getElementsByTagNameNS(SAMLP, "ArtifactResponse")
    if not found:
        return None
    artifact_response = found[0]
    codes = [c for c in artifact_response.getElementsByTagNameNS(SAMLP, "StatusCode")
             if c.parentNode.parentNode is artifact_response]
    responses = [r for r in artifact_response.getElementsByTagNameNS(SAMLP, "Response")
                 if r.parentNode is artifact_response]
    if not codes or not codes[0].getAttribute("Value").endswith(":Success") or len(responses) != 1:
        return None
    response = responses[0]
    ancestor = response.parentNode
    while ancestor is not None and ancestor.nodeType == ancestor.ELEMENT_NODE:
        for name, value in ancestor.attributes.items():
            if (name == "xmlns" or name.startswith("xmlns:")) and not response.hasAttribute(name):
                response.setAttribute(name, value)
        ancestor = ancestor.parentNode
    return base64.b64encode(response.toxml().encode()).decode()
