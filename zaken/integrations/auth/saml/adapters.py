"""The registered SAML adapters `digid-saml` and `eherkenning-saml` (real, not mocks).

Each looks up the connection of the request's municipality itself. The portal passes the absolute
URLs of our endpoints (SpUrls) in the context, so this package needs no portal import.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from zaken.identity import DIGID, EHERKENNING, AuthContext
from zaken.validators import is_valid_bsn

from ...errors import IntegrationError
from ...registry import get_adapter, registries
from ..base import AuthAdapter
from ..digid_mock import _display_name
from . import errors, flow
from .models import VESTIGING_RESTRICTION, SamlKoppeling
from .sp import SpUrls, authn_context_map, koppeling_for, metadata_xml

BSN_SECTOR = "s00000000"
LEGAL_SUBJECT = "urn:etoegang:core:LegalSubjectID"
ACTING_SUBJECT = "urn:etoegang:core:ActingSubjectID"
SERVICE_ID = "urn:etoegang:core:ServiceID"
KVK_QUALIFIER = "urn:etoegang:1.9:EntityConcernedID:KvKnr"
RSIN_QUALIFIER = "urn:etoegang:1.9:EntityConcernedID:RSIN"
RESTRICTION_PREFIX = "urn:etoegang:1.9:ServiceRestriction:"
logger = logging.getLogger(__name__)


class SamlAdapter(AuthAdapter):
    is_mock = False
    is_saml = True

    def koppeling(self, request) -> SamlKoppeling:
        koppeling = koppeling_for(getattr(request, "gemeente", None), self.means)
        if koppeling is None:
            raise errors.SamlLoginError(errors.NO_CONNECTION, self.verbose_name)
        return koppeling

    def handle(self, request, *, render, context):
        try:
            koppeling = self.koppeling(request)
        except errors.SamlLoginError as exc:
            return render("integrations/saml_error.html", {**context, "melding": exc.user_message})
        try:
            return flow.login_redirect(request, koppeling, context["saml_urls"], context["next"],
                                       context["cookie_path"])
        except Exception:  # broken keys or IdP metadata in the admin: a message, never a 500
            logger.exception("SAML login could not start: gemeente=%s means=%s", koppeling.gemeente.slug, self.means)
            return render("integrations/saml_error.html", {**context, "melding": _(
                "Inloggen met %(middel)s is op dit moment niet mogelijk door een storing. Probeer het later "
                "opnieuw.") % {"middel": self.verbose_name}})

    def acs(self, request, urls: SpUrls) -> tuple[AuthContext, str]:
        """The login the posted assertion proves, and where it was headed; SamlLoginError otherwise."""
        koppeling = self.koppeling(request)
        try:
            assertion, next_url = flow.consume(request, koppeling, urls)
            return self.auth_context(koppeling, assertion), next_url
        except errors.SamlLoginError:
            raise
        except Exception as exc:  # whatever else pysaml2 or xmlsec1 throws: refused, never a 500
            raise self._failed(koppeling, "acs", exc) from None

    def _failed(self, koppeling, step: str, exc: Exception) -> errors.SamlLoginError:
        # Only the exception's type: its text may quote the assertion.
        logger.error("SAML %s failed: gemeente=%s means=%s error=%s", step, koppeling.gemeente.slug, self.means,
                     type(exc).__name__)
        return flow.refuse(koppeling, "error")

    def metadata(self, request, urls: SpUrls) -> str:
        koppeling = self.koppeling(request)
        try:
            return metadata_xml(koppeling, urls)
        except Exception as exc:  # a key or metadata the admin broke
            raise self._failed(koppeling, "metadata", exc) from None

    def logout_redirect(self, request, auth: AuthContext, urls: SpUrls, relay_state: str):
        """The redirect to the IdP's single logout, or None when this login did not come from it."""
        info = auth.extra.get("saml") or {}
        koppeling = koppeling_for(getattr(request, "gemeente", None), self.means)
        if koppeling is None or info.get("koppeling") != koppeling.pk:
            return None
        return flow.logout_redirect(request, koppeling, urls, info, relay_state)

    def slo(self, request, auth: AuthContext | None, urls: SpUrls) -> flow.SloResult:
        info = (auth.extra.get("saml") or {}) if auth and auth.means == self.means else {}
        koppeling = self.koppeling(request)
        try:
            return flow.slo(request, koppeling, urls, info.get("name_id"))
        except errors.SamlLoginError:
            raise
        except Exception as exc:
            raise self._failed(koppeling, "slo", exc) from None

    def auth_context(self, koppeling: SamlKoppeling, assertion: flow.Assertion) -> AuthContext:
        raise NotImplementedError


@registries["digid"]("digid-saml")
class DigidSaml(SamlAdapter):
    means = DIGID
    verbose_name = "DigiD"

    def auth_context(self, koppeling, assertion):
        # DigiD's NameID is "<sector code>:<number>"; sector s00000000 is the BSN.
        sector, _sep, bsn = (assertion.name_id.text or "").strip().partition(":")
        if sector.lower() != BSN_SECTOR or not is_valid_bsn(bsn):
            raise flow.refuse(koppeling, "no_bsn")
        name, brp_ok = _display_name(bsn)
        return AuthContext.now(
            means=DIGID, level=assertion.level, bsn=bsn, display_name=name,
            extra={"authn_context": assertion_ref(koppeling, assertion), "brp_unavailable": not brp_ok,
                   "saml": flow.saml_session(assertion, koppeling)})


@registries["eherkenning"]("eherkenning-saml")
class EherkenningSaml(SamlAdapter):
    means = EHERKENNING
    verbose_name = "eHerkenning"

    def auth_context(self, koppeling, assertion):
        attrs = assertion.attributes
        ids = {v["NameQualifier"]: v["value"] for v in attrs.get(LEGAL_SUBJECT, []) if isinstance(v, dict)}
        kvk = ids.get(KVK_QUALIFIER, "")
        if not (len(kvk) == 8 and kvk.isdigit()):
            raise flow.refuse(koppeling, "no_kvk")
        if koppeling.dienst_id and koppeling.dienst_id not in attrs.get(SERVICE_ID, []):
            raise flow.refuse(koppeling, "wrong_service")
        restrictions = {name for name in attrs if name.startswith(RESTRICTION_PREFIX)}
        if restrictions - koppeling.toegestane_beperkingen:
            raise flow.refuse(koppeling, "restriction_not_allowed")
        vestiging = next((v for v in attrs.get(VESTIGING_RESTRICTION, []) if isinstance(v, str)), "")
        acting = next((v["value"] for v in attrs.get(ACTING_SUBJECT, []) if isinstance(v, dict)), "")
        return AuthContext.now(
            means=EHERKENNING, level=assertion.level, kvk_nummer=kvk, vestigingsnummer=vestiging,
            rsin=ids.get(RSIN_QUALIFIER, ""), acting_subject=acting or (assertion.name_id.text or ""),
            company_name=_company_name(kvk), display_name=_("Medewerker"),
            extra={"authn_context": assertion_ref(koppeling, assertion), "service_restrictions": sorted(restrictions),
                   "saml": flow.saml_session(assertion, koppeling)})


def assertion_ref(koppeling, assertion) -> str:
    return authn_context_map(koppeling.middel)[assertion.level]


def _company_name(kvk: str) -> str:
    try:
        return get_adapter("kvk").basisprofiel(kvk).get("naam", "")
    except IntegrationError:
        return ""
