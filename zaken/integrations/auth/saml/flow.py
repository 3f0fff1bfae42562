"""The SP side of a login and a logout: AuthnRequest out, Response in, LogoutRequest both ways.

The outstanding AuthnRequest rides in a short-lived signed cookie, not in the session: the IdP posts
the Response cross-site, and the session cookie (SameSite=Lax) is not sent with that POST.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone as dt_timezone

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.utils import timezone
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, saml, samlp
from saml2.response import (IncorrectlySigned, StatusAuthnFailed, StatusError, StatusNoAuthnContext,
                            StatusRequestDenied, UnsolicitedResponse)
from saml2.samlp import STATUS_SUCCESS, STATUS_UNKNOWN_PRINCIPAL
from saml2.s_utils import status_message_factory, success_status_factory
from saml2.sigver import SignatureError, SigverError
from saml2.time_util import str_to_time
from saml2.validate import ResponseLifetimeExceed, ToEarly

from zaken.identity import level_satisfies

from . import errors
from .errors import SamlLoginError
from .models import SamlGebruiktBericht, SamlKoppeling
from .artifact import resolve_artifact
from .sp import (DIGEST_ALG, SIGN_ALG, SpUrls, authn_context_map, client_for, idp_entity_id, redirect_signature_ok,
                 response_binding)

logger = logging.getLogger(__name__)

COOKIE = "samenloket_saml"
COOKIE_SALT = "samenloket.saml.outstanding"
OUTSTANDING_SECONDS = 600
LOGOUT_KEY = "samenloket.saml_logout"


@dataclass(frozen=True)
class Assertion:
    """What the verified assertion says, before the means-specific mapping."""

    level: str
    name_id: saml.NameID
    session_index: str
    attributes: dict[str, list]
    idp: str


def _label(koppeling: SamlKoppeling) -> str:
    return str(koppeling.get_middel_display())


def refuse(koppeling: SamlKoppeling, reason: str) -> SamlLoginError:
    logger.warning("SAML login refused: reason=%s gemeente=%s means=%s", reason, koppeling.gemeente.slug,
                   koppeling.middel)
    return SamlLoginError(reason, _label(koppeling))


# --- login ------------------------------------------------------------------------------------------

def login_redirect(request, koppeling: SamlKoppeling, urls: SpUrls, next_url: str, cookie_path: str) -> HttpResponse:
    client = client_for(koppeling, urls)
    extra = {}
    if koppeling.attribute_consuming_service_index is not None:
        extra["attribute_consuming_service_index"] = str(koppeling.attribute_consuming_service_index)
    request_id, info = client.prepare_for_authenticate(
        entityid=idp_entity_id(client), binding=BINDING_HTTP_REDIRECT, sign=True, sigalg=SIGN_ALG,
        digest_alg=DIGEST_ALG, response_binding=response_binding(koppeling), **extra)
    response = HttpResponseRedirect(dict(info["headers"])["Location"])
    value = json.dumps({"id": request_id, "k": koppeling.pk, "next": next_url})
    secure = request.is_secure()
    response.set_signed_cookie(COOKIE, value, salt=COOKIE_SALT, max_age=OUTSTANDING_SECONDS, path=cookie_path,
                               secure=secure, httponly=True, samesite="None" if secure else "Lax")
    return response


def _outstanding(request, koppeling: SamlKoppeling) -> tuple[dict[str, str], str]:
    """{request id: next} of this browser's outstanding request for this very connection."""
    try:
        data = json.loads(request.get_signed_cookie(COOKIE, salt=COOKIE_SALT, max_age=OUTSTANDING_SECONDS))
    except (KeyError, signing.BadSignature, ValueError):
        return {}, ""
    if data.get("k") != koppeling.pk:
        return {}, ""
    return {data["id"]: data.get("next", "")}, data.get("next", "")


def _claim(message_id: str, until) -> bool:
    """Record a consumed id; False when some process already consumed it (a replay).

    Stored hashed: an entity id and a message id together may be longer than the column.
    """
    key = hashlib.sha256(message_id.encode()).hexdigest()
    try:
        with transaction.atomic():
            SamlGebruiktBericht.objects.create(bericht_id=key, verloopt=until)
    except IntegrityError:
        return False
    return True


def _expiry(assertion) -> datetime:
    skew = timedelta(seconds=settings.SAML_CLOCK_SKEW_SECONDS)
    moment = assertion.conditions.not_on_or_after if assertion.conditions else None
    if not moment:
        return timezone.now() + timedelta(hours=1) + skew
    return datetime(*str_to_time(moment)[:6], tzinfo=dt_timezone.utc) + skew


def _parse(client, koppeling: SamlKoppeling, saml_response: str, outstanding: dict):
    try:
        response = client.parse_authn_request_response(
            saml_response, BINDING_HTTP_POST, outstanding=outstanding,
            conv_info={"entity_id": koppeling.sp_entity_id})
    except (StatusAuthnFailed, StatusRequestDenied):
        raise refuse(koppeling, errors.CANCELLED) from None
    except StatusNoAuthnContext:
        raise refuse(koppeling, errors.LEVEL_TOO_LOW) from None
    except StatusError:
        raise refuse(koppeling, "status_error") from None
    except UnsolicitedResponse:
        raise refuse(koppeling, "unsolicited") from None
    except (SignatureError, SigverError, IncorrectlySigned):
        raise refuse(koppeling, "signature") from None
    except (ResponseLifetimeExceed, ToEarly):
        raise refuse(koppeling, "expired") from None
    except Exception as exc:  # pysaml2 raises bare Exceptions for several failed checks
        text = str(exc)
        reason = ("audience" if "AudienceRestriction" in text else "expired" if "lifetime" in text.lower()
                  else "invalid")
        raise refuse(koppeling, reason) from None
    if response is None or response.assertion is None:
        raise refuse(koppeling, "invalid")
    return response


def consume(request, koppeling: SamlKoppeling, urls: SpUrls) -> tuple[Assertion, str]:
    """Verify the posted Response; the assertion and the `next` URL of the login, or SamlLoginError."""
    saml_response = request.POST.get("SAMLResponse", "")
    artifact = request.GET.get("SAMLart") or request.POST.get("SAMLart", "")
    if artifact and koppeling.artifact_binding:
        saml_response = resolve_artifact(koppeling, urls, artifact)  # None: unknown, used or broken artifact
        if saml_response is None:
            raise refuse(koppeling, "artifact")
    elif artifact or koppeling.artifact_binding:
        raise refuse(koppeling, "binding")  # only the binding the connection asked for
    if not saml_response:
        raise refuse(koppeling, "no_response")
    outstanding, next_url = _outstanding(request, koppeling)
    # pysaml2 checks Destination only when present and Recipient only loosely: both must be our ACS.
    if _destination(saml_response) != urls.acs:
        raise refuse(koppeling, "destination")
    client = client_for(koppeling, urls)
    response = _parse(client, koppeling, saml_response, outstanding)
    assertion = response.assertion
    confirmations = assertion.subject.subject_confirmation if assertion.subject else []
    if not confirmations or any(c.subject_confirmation_data is None
                                or c.subject_confirmation_data.recipient != urls.acs for c in confirmations):
        raise refuse(koppeling, "recipient")
    until = _expiry(assertion)
    if not _claim(f"a:{koppeling.sp_entity_id}:{assertion.id}", until):
        raise refuse(koppeling, "replay")
    if not _claim(f"r:{koppeling.sp_entity_id}:{response.in_response_to}", until):
        raise refuse(koppeling, "replay")
    SamlGebruiktBericht.opruimen()
    return _assertion(koppeling, response), next_url


def _destination(saml_response: str) -> str | None:
    """The Destination of a posted Response, read before any check (pysaml2 re-reads and verifies it)."""
    try:
        return samlp.response_from_string(base64.b64decode(saml_response, validate=False)).destination
    except Exception:
        return None


def _assertion(koppeling: SamlKoppeling, response) -> Assertion:
    refs = {ref: level for level, ref in authn_context_map(koppeling.middel).items()}
    infos = response.authn_info()
    level = refs.get(infos[0][0]) if infos else None
    if level is None:
        raise refuse(koppeling, "unknown_level")
    if not level_satisfies(koppeling.middel, level, koppeling.minimum_niveau):
        raise refuse(koppeling, errors.LEVEL_TOO_LOW)
    statements = response.assertion.authn_statement
    session_index = (statements[0].session_index or "") if statements else ""
    return Assertion(level=level, name_id=response.assertion.subject.name_id, session_index=session_index,
                     attributes=attributes(response.assertion), idp=response.issuer())


def attributes(assertion) -> dict[str, list]:
    """Attribute values as text, or as {"value", "NameQualifier"} for a NameID inside (eHerkenning)."""
    result: dict[str, list] = {}
    for statement in assertion.attribute_statement:
        for attribute in statement.attribute:
            values = result.setdefault(attribute.name, [])
            for value in attribute.attribute_value:
                nested = [e for e in (value.extension_elements or []) if e.tag == "NameID"]
                if nested:
                    values.extend({"value": (e.text or "").strip(),
                                   "NameQualifier": e.attributes.get("NameQualifier", "")} for e in nested)
                elif value.text:
                    values.append(value.text.strip())
    return result


# --- logout -----------------------------------------------------------------------------------------

def saml_session(assertion: Assertion, koppeling: SamlKoppeling) -> dict:
    """What a later LogoutRequest needs, kept in the AuthContext (the session)."""
    return {"koppeling": koppeling.pk, "name_id": str(assertion.name_id), "session_index": assertion.session_index}


def logout_redirect(request, koppeling: SamlKoppeling, urls: SpUrls, info: dict, relay_state: str) -> HttpResponse:
    """Send the IdP a signed LogoutRequest; its id waits in the (fresh) session for the answer."""
    client = client_for(koppeling, urls)
    idp = idp_entity_id(client)
    destination = client.metadata.single_logout_service(idp, BINDING_HTTP_REDIRECT, "idpsso")[0]["location"]
    request_id, message = client.create_logout_request(
        destination, idp, name_id=saml.name_id_from_string(info["name_id"]),
        session_indexes=[info["session_index"]] if info.get("session_index") else None, sign=False)
    http = client.apply_binding(BINDING_HTTP_REDIRECT, str(message), destination, relay_state, sign=True,
                                sigalg=SIGN_ALG)
    request.session[LOGOUT_KEY] = request_id
    return HttpResponseRedirect(dict(http["headers"])["Location"])


@dataclass(frozen=True)
class SloResult:
    """`logout`: end the local login; `redirect`: where to send the browser; `ok`: the IdP agreed."""

    logout: bool
    redirect: str
    ok: bool


def _params(request) -> dict[str, str]:
    return {k: request.GET[k] for k in ("SAMLRequest", "SAMLResponse", "RelayState", "SigAlg", "Signature")
            if k in request.GET}


def slo(request, koppeling: SamlKoppeling, urls: SpUrls, current_name_id: str | None) -> SloResult:
    """An IdP's LogoutResponse (to our request) or LogoutRequest (IdP-initiated), Redirect binding."""
    client = client_for(koppeling, urls)
    idp = idp_entity_id(client)
    params = _params(request)
    if not redirect_signature_ok(client, params, idp):
        raise refuse(koppeling, "slo_signature")
    try:
        if "SAMLResponse" in params:
            response = client.parse_logout_request_response(params["SAMLResponse"], BINDING_HTTP_REDIRECT)
            expected = request.session.pop(LOGOUT_KEY, None)
            if response is None or not expected or response.in_response_to != expected:
                raise refuse(koppeling, "slo_unsolicited")
            ok = response.response.status.status_code.value == STATUS_SUCCESS
            return SloResult(logout=True, redirect="", ok=ok)
        parsed = client.parse_logout_request(params.get("SAMLRequest", ""), BINDING_HTTP_REDIRECT)
    except SamlLoginError:
        raise
    except Exception:  # a broken message from the IdP is refused, never a 500
        raise refuse(koppeling, "slo_invalid") from None
    if parsed is None:
        raise refuse(koppeling, "slo_invalid")
    message = parsed.message
    matches = current_name_id is not None and message.name_id is not None and (
        message.name_id.text == saml.name_id_from_string(current_name_id).text)
    status = success_status_factory() if matches else status_message_factory("Unknown principal",
                                                                               STATUS_UNKNOWN_PRINCIPAL)
    answer = client.create_logout_response(message, [BINDING_HTTP_REDIRECT], status=status, sign=False)
    destination = client.response_args(message, [BINDING_HTTP_REDIRECT])["destination"]
    http = client.apply_binding(BINDING_HTTP_REDIRECT, str(answer), destination, params.get("RelayState", ""),
                                response=True, sign=True, sigalg=SIGN_ALG)
    return SloResult(logout=matches, redirect=dict(http["headers"])["Location"], ok=matches)
