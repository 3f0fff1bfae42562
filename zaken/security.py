"""HTTP hardening every response gets: allowed methods, Permissions-Policy, no caching of pages, and the
civil servants' inactivity limit. The Content-Security-Policy itself comes from django-csp (settings)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseNotAllowed
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

STAFF_ACTIVITY_KEY = "samenloket.staff_last_activity"
# Sliding inactivity limits store the last request's time at most once per this many seconds, so that
# a page that changes nothing does not write the session (a database write on every GET otherwise).
# The stored time then lags the real last request by less than a minute: a limit of N seconds ends a
# session after between N - 60 and N seconds of silence. Early, never late.
ACTIVITY_GRANULARITY_SECONDS = 60


def activity_touch(session, key: str, now: float) -> None:
    """Record activity at `now` unless the stored time is less than a minute old."""
    last = session.get(key)
    if last is None or now - last >= ACTIVITY_GRANULARITY_SECONDS:
        session[key] = now


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the one the outermost saw."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")


class AllowedMethodsMiddleware:
    """405 for every method the site has no use for (PUT, PATCH, DELETE, TRACE, ...); the ZGW APIs under
    /api/ also take PUT, PATCH and DELETE."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.allowed = [m.upper() for m in settings.HTTP_ALLOWED_METHODS]
        self.allowed_api = [m.upper() for m in settings.HTTP_ALLOWED_METHODS_API]

    def __call__(self, request):
        allowed = self.allowed_api if request.path_info.startswith("/api/") else self.allowed
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Deny the browser features no page needs (camera, microphone, geolocation, payment, usb, ...)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=({' '.join(origins)})"
                                for feature, origins in settings.PERMISSIONS_POLICY.items())

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class NoStoreMiddleware:
    """No page is kept in a browser or proxy cache: most show personal data, and after logout the back
    button must not bring it back. Responses that declare themselves public (theme CSS) keep that."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "public" not in response.headers.get("Cache-Control", ""):
            add_never_cache_headers(response)
        return response


class StaffInactivityMiddleware:
    """Log a civil servant out after SAMENLOKET_BACKOFFICE_INACTIVITY_SECONDS without a request (sliding,
    recorded at most once a minute: see ACTIVITY_GRANULARITY_SECONDS)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            last = request.session.get(STAFF_ACTIVITY_KEY)
            if last is not None and now - last > settings.BACKOFFICE_INACTIVITY_SECONDS:
                logout(request)  # flushes the whole session
                messages.info(request, _("U bent uitgelogd omdat u %(n)s minuten niets hebt gedaan. Log opnieuw "
                                         "in.") % {"n": settings.BACKOFFICE_INACTIVITY_SECONDS // 60})
            else:
                activity_touch(request.session, STAFF_ACTIVITY_KEY, now)
        return self.get_response(request)
