"""The SAML endpoints of a municipality: assertion consumer service, SP metadata, single logout.

The login itself starts in auth.login_means (the adapter's handle() redirects to the IdP).
"""

import logging
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from zaken.integrations.auth.saml.errors import SamlLoginError
from zaken.integrations.auth.saml.flow import COOKIE
from zaken.integrations.auth.saml.sp import SpUrls
from zaken.integrations.registry import get_adapter

from ..session import auth_login, auth_logout
from ..tenancy import tenant_reverse

logger = logging.getLogger(__name__)
MEANS = ("digid", "eherkenning")
RELOGIN_KEY = "samenloket.saml_relogin"


def saml_urls(request, means: str) -> SpUrls:
    def absolute(name):
        return request.build_absolute_uri(tenant_reverse(request, name, {"means": means}))

    return SpUrls(acs=absolute("login_saml_acs"), slo=absolute("login_saml_slo"),
                  metadata=absolute("login_saml_metadata"))


def cookie_path(request) -> str:
    return tenant_reverse(request, "login")


def _saml_adapter(means: str):
    if means not in MEANS:
        raise Http404
    adapter = get_adapter(means)
    if not getattr(adapter, "is_saml", False):
        raise Http404
    return adapter


def _error_page(request, exc: SamlLoginError, means: str):
    status = 200 if exc.reason == "cancelled" else 403
    return render(request, "integrations/saml_error.html", {"melding": exc.user_message, "means": means},
                  status=status)


@csrf_exempt  # the IdP posts cross-site; the signed assertion and our outstanding request id protect it
@require_http_methods(["GET", "POST"])  # GET: HTTP-Artifact binding (?SAMLart=)
def saml_acs(request, means: str):
    adapter = _saml_adapter(means)
    try:
        auth, next_url = adapter.acs(request, saml_urls(request, means))
    except SamlLoginError as exc:
        return _error_page(request, exc, means)
    auth_login(request, auth)
    if auth.extra.get("brp_unavailable"):
        messages.warning(request, _("U bent ingelogd, maar uw gegevens uit de Basisregistratie "
                                    "Personen konden nu niet worden opgehaald. U kunt gewoon verder."))
    if not (next_url.startswith("/") and not next_url.startswith("//")):
        next_url = tenant_reverse(request, "zaak_list")
    response = redirect(next_url)
    response.delete_cookie(COOKIE, path=cookie_path(request))
    return response


@require_safe
def saml_metadata(request, means: str):
    adapter = _saml_adapter(means)
    try:
        xml = adapter.metadata(request, saml_urls(request, means))
    except SamlLoginError as exc:
        if exc.reason == "no_connection":
            raise Http404 from None
        return HttpResponse(_("De metadata is nu niet beschikbaar."), status=503, content_type="text/plain")
    return HttpResponse(xml, content_type="application/samlmetadata+xml")


@require_safe
def saml_slo(request, means: str):
    """The IdP's answer to our LogoutRequest, or its own LogoutRequest (IdP-initiated logout)."""
    adapter = _saml_adapter(means)
    relogin = request.session.get(RELOGIN_KEY, "")
    try:
        result = adapter.slo(request, request.auth_context, saml_urls(request, means))
    except SamlLoginError as exc:
        if exc.reason == "no_connection":
            raise Http404 from None
        if "SAMLResponse" in request.GET:  # the answer to our own logout: the local logout has happened
            messages.warning(request, _("Het uitloggen bij %(middel)s kon niet worden bevestigd. Bij de gemeente "
                                        "bent u uitgelogd; sluit uw browser om ook daar zeker uit te loggen.")
                             % {"middel": adapter.verbose_name})
        return redirect(tenant_reverse(request, "home"))
    if result.redirect:  # IdP-initiated: end our login when it was the one named, then answer
        if result.logout:
            auth_logout(request)
        return redirect(result.redirect)
    request.session.pop(RELOGIN_KEY, None)
    if not result.ok:
        messages.warning(request, _("%(middel)s heeft het uitloggen niet bevestigd. Bij de gemeente bent u "
                                    "uitgelogd.") % {"middel": adapter.verbose_name})
    if relogin:
        return redirect(f"{tenant_reverse(request, 'login')}?{urlencode({'next': relogin})}")
    return redirect(tenant_reverse(request, "home"))


def saml_logout_redirect(request, auth, relogin: str):
    """After the local logout: the redirect that ends the IdP session too, or None (not a SAML login)."""
    if auth is None or not auth.extra.get("saml"):
        return None
    adapter = get_adapter(auth.means)
    if not getattr(adapter, "is_saml", False):
        return None
    try:
        response = adapter.logout_redirect(request, auth, saml_urls(request, auth.means), "")
    except Exception:  # the local logout stands; a broken IdP configuration must not turn it into a 500
        logger.exception("SAML logout request failed: gemeente=%s means=%s", request.gemeente.slug, auth.means)
        return None
    if response is not None and relogin:
        request.session[RELOGIN_KEY] = relogin
    return response
