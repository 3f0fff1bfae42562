"""A local SAML IdP standing in for DigiD or an eHerkenning broker (pysaml2's Server), for tests and staging.

`make_idp_app(means, mount)` is a WSGI app serving, below `mount`:
  metadata/  the IdP metadata;
  sso/       the SSO service (HTTP-Redirect): a login page, then a signed Response with a signed
             Assertion posted to the SP's ACS (a plain form with a button; the static autopost.js
             presses it);
  slo/       single logout (HTTP-Redirect): answers an SP's LogoutRequest, or takes the SP's answer
             to a logout this IdP started (`logout_url`).
It trusts any SP whose metadata it can fetch: by default from the SP's entity id when that is an
http(s) URL (our entity ids are the metadata URLs). Never expose it outside a test stack.
"""

from __future__ import annotations

import base64
import threading
import urllib.request
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlencode

from saml2 import BINDING_HTTP_ARTIFACT, BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, BINDING_SOAP, saml, samlp
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.s_utils import rndstr
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_UNSPECIFIED
from saml2.sigver import get_xmlsec_binary

from zaken.identity import (DIGID, DIGID_AUTHN_CONTEXT, DIGID_LEVELS, EHERKENNING_AUTHN_CONTEXT,
                            EHERKENNING_LEVELS)

from .certs import self_signed
from .idp_artifact import ArtifactStore, soap_artifact_response
from .idp_assertion import IdpServer, eherkenning_statement
from .idp_pages import AUTOPOST_JS, login_page, page, post_page, redirect, reply

SIGN_ALG = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
DIGEST_ALG = "http://www.w3.org/2001/04/xmlenc#sha256"
ServiceIds = Callable[[str, str | None], str]


def fetch_metadata(entity_id: str) -> str | None:
    if not entity_id.startswith(("http://", "https://")):
        return None
    with urllib.request.urlopen(entity_id, timeout=5) as answer:  # noqa: S310 (http(s) only, checked above)
        return answer.read().decode()


def default_service_id(sp_entity_id: str, index: str | None) -> str:
    """A broker maps the AttributeConsumingServiceIndex to a ServiceID of its catalogue; ours is fixed."""
    return f"urn:etoegang:DV:00000001000000000000:services:{index or '1'}"


class IdpApp:
    def __init__(self, means: str, mount: str, *, key_dir: Path | str | None = None, base_url: str = "",
                 sp_metadata: Callable[[str], str | None] = fetch_metadata,
                 service_id: ServiceIds = default_service_id):
        self.means = means
        self.mount = "/" + mount.strip("/") + "/"
        self.base_url = base_url.rstrip("/")
        self.sp_metadata = sp_metadata
        self.service_id = service_id
        self.key_file, self.cert_file = self._keys(Path(key_dir) if key_dir else None)
        self.sessions: dict[str, tuple[str, str]] = {}  # session index -> (SP entity id, NameID xml)
        self.artifacts = ArtifactStore()
        self._lock = threading.Lock()

    # --- configuration ----------------------------------------------------------------------------

    def _keys(self, key_dir: Path | None) -> tuple[str, str]:
        if key_dir is None:
            import tempfile

            key_dir = Path(tempfile.mkdtemp(prefix=f"samenloket-idp-{self.means}-"))
        key_dir.mkdir(parents=True, exist_ok=True)
        key, cert = key_dir / f"idp-{self.means}.key", key_dir / f"idp-{self.means}.crt"
        if not (key.exists() and cert.exists()):
            cert_pem, key_pem = self_signed(f"Lokale {self.means} IdP")
            key.write_text(key_pem)
            key.chmod(0o600)
            cert.write_text(cert_pem)
        return str(key), str(cert)

    def url(self, environ: dict | None, path: str) -> str:
        base = self.base_url
        if not base and environ is not None:
            base = f"{environ.get('wsgi.url_scheme', 'http')}://{environ.get('HTTP_HOST') or environ['SERVER_NAME']}"
        return f"{base}{self.mount}{path}"

    def entity_id(self, environ: dict | None) -> str:
        return self.url(environ, "metadata/")

    def server(self, environ: dict | None, sp_entity_id: str | None = None) -> IdpServer:
        conf = {
            "entityid": self.entity_id(environ),
            "xmlsec_binary": get_xmlsec_binary(["/usr/bin"]),
            "key_file": self.key_file,
            "cert_file": self.cert_file,
            "accepted_time_diff": 60,
            "signing_algorithm": SIGN_ALG,
            "digest_algorithm": DIGEST_ALG,
            "service": {"idp": {
                "name": f"Lokale {self.means} (test)",
                "endpoints": {
                    "single_sign_on_service": [(self.url(environ, "sso/"), BINDING_HTTP_REDIRECT)],
                    "single_logout_service": [(self.url(environ, "slo/"), BINDING_HTTP_REDIRECT)],
                    "artifact_resolution_service": [(self.url(environ, "ars/"), BINDING_SOAP, 0)],
                },
                "want_authn_requests_signed": True,
                "name_id_format": [NAMEID_FORMAT_UNSPECIFIED],
                "policy": {"default": {"lifetime": {"minutes": 5}, "name_form": NAME_FORMAT_URI}},
            }},
        }
        if sp_entity_id:
            xml = self.sp_metadata(sp_entity_id)
            if not xml:
                raise LookupError("unknown SP")
            conf["metadata"] = {"inline": [xml]}
        config = IdPConfig()
        config.load(conf)
        return IdpServer(config=config)

    def metadata(self, environ: dict | None = None) -> str:
        server = self.server(environ)
        return create_metadata_string(None, config=server.config, sign=False).decode()

    # --- messages ---------------------------------------------------------------------------------

    def parse_request(self, environ: dict | None, query: dict[str, str]):
        """(server, AuthnRequest message, binding info) of a signed HTTP-Redirect AuthnRequest."""
        unsigned = samlp.authn_request_from_string(_inflate(query["SAMLRequest"]))
        server = self.server(environ, unsigned.issuer.text)
        parsed = server.parse_authn_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT,
                                            relay_state=query.get("RelayState"), sigalg=query.get("SigAlg"),
                                            signature=query.get("Signature"))
        if parsed is None:
            raise ValueError("AuthnRequest not valid")
        return server, parsed.message

    def authn_response(self, environ: dict | None, query: dict[str, str], *, subject: dict | None,
                       audience: str | None = None, in_response_to: str | None = None,
                       destination: str | None = None) -> tuple[str, str, str]:
        """(ACS URL, base64 SAMLResponse, RelayState). `subject` None answers AuthnFailed (cancel).

        The keyword overrides exist for the tests of what the SP must refuse.
        """
        server, message = self.parse_request(environ, query)
        args = server.response_args(message, [BINDING_HTTP_POST])
        acs = destination or args["destination"]
        reply_to = in_response_to or args["in_response_to"]
        if subject is None:
            response = server.create_error_response(reply_to, acs, (samlp.STATUS_AUTHN_FAILED, "Geannuleerd"),
                                                    sign=True, sign_alg=SIGN_ALG, digest_alg=DIGEST_ALG)
        else:
            server.audience = audience
            response = self._assertion_response(server, message, subject, acs, reply_to, args["sp_entity_id"])
        encoded = base64.b64encode(str(response).encode()).decode()
        return acs, encoded, query.get("RelayState", "")

    def artifact_redirect(self, environ: dict | None, query: dict[str, str], *, subject: dict | None,
                          **overrides) -> str:
        """HTTP-Artifact binding: the browser goes to the ACS with an artifact for the Response."""
        acs, encoded, relay = self.authn_response(environ, query, subject=subject, **overrides)
        artifact = self.artifacts.put(self.entity_id(environ), base64.b64decode(encoded).decode())
        return f"{acs}?{urlencode({'SAMLart': artifact, 'RelayState': relay} if relay else {'SAMLart': artifact})}"

    def resolve(self, environ: dict | None, soap: bytes) -> str:
        """The ArtifactResolutionService: the SOAP ArtifactResponse for an ArtifactResolve."""
        resolve = self.server(environ).parse_artifact_resolve(soap.decode())
        return soap_artifact_response(self.entity_id(environ), resolve.id, self.artifacts.take(resolve.artifact.text))

    def _assertion_response(self, server, message, subject: dict, acs: str, reply_to: str, audience: str):
        refs = DIGID_AUTHN_CONTEXT if self.means == DIGID else EHERKENNING_AUTHN_CONTEXT
        if self.means == DIGID:
            name_id = saml.NameID(format=NAMEID_FORMAT_UNSPECIFIED, text=f"s00000000:{subject['bsn']}")
            server.statement = None
        else:
            pseudonym = subject.get("acting_subject") or rndstr(32)
            name_id = saml.NameID(format=NAMEID_FORMAT_UNSPECIFIED, text=pseudonym)
            service = self.service_id(message.issuer.text, message.attribute_consuming_service_index)
            server.statement = eherkenning_statement(subject, pseudonym, service)
        response = server.create_authn_response(
            {}, reply_to, acs, audience, name_id=name_id, sign_response=True, sign_assertion=True,
            sign_alg=SIGN_ALG, digest_alg=DIGEST_ALG, session_not_on_or_after=None,
            authn={"class_ref": refs[subject["level"]], "authn_auth": server.config.entityid})
        with self._lock:
            self.sessions[server.session_index] = (message.issuer.text, str(name_id))
        return response

    def logout_url(self, environ: dict | None, session_index: str) -> str:
        """An IdP-initiated LogoutRequest to the SP of that session (HTTP-Redirect, signed)."""
        sp_entity_id, name_id = self.sessions[session_index]
        server = self.server(environ, sp_entity_id)
        destination = server.metadata.single_logout_service(sp_entity_id, BINDING_HTTP_REDIRECT, "spsso")[0]["location"]
        _id, request = server.create_logout_request(destination, sp_entity_id,
                                                    name_id=saml.name_id_from_string(name_id),
                                                    session_indexes=[session_index], sign=False)
        http = server.apply_binding(BINDING_HTTP_REDIRECT, str(request), destination, "", sign=True, sigalg=SIGN_ALG)
        return dict(http["headers"])["Location"]

    def logout_answer(self, environ: dict | None, query: dict[str, str]) -> str:
        """Answer an SP's signed LogoutRequest with a signed LogoutResponse; the redirect URL."""
        unsigned = samlp.logout_request_from_string(_inflate(query["SAMLRequest"]))
        server = self.server(environ, unsigned.issuer.text)
        server.config.setattr("idp", "want_authn_requests_signed", True)
        parsed = server.parse_logout_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT,
                                             relay_state=query.get("RelayState"), sigalg=query.get("SigAlg"),
                                             signature=query.get("Signature"))
        message = parsed.message
        with self._lock:
            for index in message.session_index:
                self.sessions.pop(index.text, None)
        response = server.create_logout_response(message, [BINDING_HTTP_REDIRECT], sign=False)
        destination = server.response_args(message, [BINDING_HTTP_REDIRECT])["destination"]
        http = server.apply_binding(BINDING_HTTP_REDIRECT, str(response), destination,
                                    query.get("RelayState", ""), response=True, sign=True, sigalg=SIGN_ALG)
        return dict(http["headers"])["Location"]

    # --- WSGI -------------------------------------------------------------------------------------

    def __call__(self, environ, start_response):
        path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if not path.startswith(self.mount):
            return reply(start_response, "404 Not Found", "text/plain", "Niet gevonden")
        route = path[len(self.mount):]
        try:
            if route == "metadata/":
                return reply(start_response, "200 OK", "application/samlmetadata+xml", self.metadata(environ))
            if route == "autopost.js":
                return reply(start_response, "200 OK", "text/javascript", AUTOPOST_JS)
            if route == "sso/" and method == "GET" and "SAMLRequest" in query:
                self.parse_request(environ, query)  # refuse a bad request before showing the page
                return reply(start_response, "200 OK", "text/html", login_page(self.means, self.mount, query))
            if route == "sso/" and method == "POST":
                return self._login_post(environ, start_response)
            if route == "ars/" and method == "POST":
                size = int(environ.get("CONTENT_LENGTH") or 0)
                return reply(start_response, "200 OK", "text/xml", self.resolve(environ, environ["wsgi.input"].read(size)))
            if route == "slo/" and "SAMLRequest" in query:
                return redirect(start_response, self.logout_answer(environ, query))
            if route == "slo/" and "SAMLResponse" in query:
                return reply(start_response, "200 OK", "text/html", page("Uitgelogd", "<p>U bent uitgelogd.</p>"))
        except Exception as exc:  # a test IdP: say what was wrong, the SP sees no answer
            return reply(start_response, "400 Bad Request", "text/plain", f"Ongeldig SAML-bericht: {type(exc).__name__}")
        return reply(start_response, "404 Not Found", "text/plain", "Niet gevonden")

    def _login_post(self, environ, start_response):
        size = int(environ.get("CONTENT_LENGTH") or 0)
        form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(size).decode()).items()}
        query = {k: v[0] for k, v in parse_qs(form.get("request", "")).items()}
        subject = None
        if "annuleren" not in form:
            levels = DIGID_LEVELS if self.means == DIGID else EHERKENNING_LEVELS
            level = form.get("level") if form.get("level") in levels else levels[1]
            subject = ({"bsn": form.get("bsn", "").strip(), "level": level} if self.means == DIGID else
                       {"kvk": form.get("kvk", "").strip(), "vestiging": form.get("vestiging", "").strip(),
                        "acting_subject": _pseudonym(form.get("kvk", ""), form.get("medewerker", "")),
                        "level": level})
        _server, message = self.parse_request(environ, query)
        if message.protocol_binding == BINDING_HTTP_ARTIFACT:
            return redirect(start_response, self.artifact_redirect(environ, query, subject=subject))
        acs, encoded, relay = self.authn_response(environ, query, subject=subject)
        return reply(start_response, "200 OK", "text/html", post_page(self.mount, acs, encoded, relay))


def make_idp_app(means: str, mount: str, **options) -> IdpApp:
    return IdpApp(means, mount, **options)


def _pseudonym(kvk: str, medewerker: str) -> str:
    import hashlib

    return hashlib.sha256(f"{kvk}:{medewerker.strip().lower()}".encode()).hexdigest()[:32]


def _inflate(encoded: str) -> str:
    import zlib

    return zlib.decompress(base64.b64decode(encoded), -15).decode()


if __name__ == "__main__":  # python -m zaken.integrations.auth.saml.idp digid 8001
    import sys
    from wsgiref.simple_server import make_server

    means, port = sys.argv[1], int(sys.argv[2])
    app = make_idp_app(means, f"/{means}/idp/", key_dir=sys.argv[3] if len(sys.argv) > 3 else "var/saml")
    print(f"Lokale {means}-IdP: http://127.0.0.1:{port}/{means}/idp/metadata/")
    make_server("127.0.0.1", port, app).serve_forever()
