"""Login (choice, then the adapter's own page) and logout for citizens and companies."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from zaken.identity import AuthContext
from zaken.integrations.registry import get_adapter

from ..session import EXPIRED_KEY, auth_login, auth_logout
from ..tenancy import tenant_reverse
from .auth_saml import cookie_path, saml_logout_redirect, saml_urls

MEANS = ("digid", "eherkenning")


def safe_next(request, default: str) -> str:
    """Only local redirects: a tampered `next` falls back to the default."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    prefix = "" if request.gemeente_from_host else f"/{request.gemeente.slug}/"
    if (target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                    require_https=request.is_secure())
            and target.startswith("/") and not target.startswith("//") and target.startswith(prefix or "/")):
        return target
    return default


@require_safe
def login_choose(request):
    if request.session.pop(EXPIRED_KEY, False):
        messages.warning(request, _("U was 15 minuten niet actief. Voor uw veiligheid bent u "
                                    "uitgelogd. Log opnieuw in om verder te gaan."))
    next_url = safe_next(request, tenant_reverse(request, "zaak_list"))
    return render(request, "portal/login_choose.html", {"next": next_url, "reden": request.GET.get("reden", "")})


@require_http_methods(["GET", "POST"])
def login_means(request, means: str):
    if means not in MEANS:
        raise Http404
    next_url = safe_next(request, tenant_reverse(request, "zaak_list"))
    if request.method == "POST" and "annuleren" in request.POST:
        messages.info(request, _("U heeft het inloggen geannuleerd."))  # DigiD checklist T7
        return redirect(tenant_reverse(request, "home"))
    adapter = get_adapter(means)

    def _render(template, context):
        return render(request, template, context)

    # A SAML adapter needs the absolute URLs of our endpoints; a mock ignores them.
    context = {"next": next_url, "means": means, "saml_urls": saml_urls(request, means),
               "cookie_path": cookie_path(request)}
    result = adapter.handle(request, render=_render, context=context)
    if isinstance(result, AuthContext):
        auth_login(request, result)
        if result.extra.get("brp_unavailable"):
            messages.warning(request, _("U bent ingelogd, maar uw gegevens uit de Basisregistratie "
                                        "Personen konden nu niet worden opgehaald. U kunt gewoon verder."))
        return redirect(next_url)
    return result


@require_http_methods(["GET", "POST"])
def logout(request):
    if request.method == "POST":
        relogin = safe_next(request, "")
        auth = request.auth_context
        auth_logout(request)
        messages.success(request, _("U bent uitgelogd."))
        single_logout = saml_logout_redirect(request, auth, relogin)
        if single_logout is not None:  # the IdP ends its session too, then comes back to saml_slo
            return single_logout
        if relogin:  # "log in again at a higher level" comes back to where it started
            return redirect(f"{tenant_reverse(request, 'login')}?{urlencode({'next': relogin})}")
        return redirect(tenant_reverse(request, "home"))
    return render(request, "portal/logout.html")
