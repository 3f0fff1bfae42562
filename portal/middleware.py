from django.conf import settings

from .session import auth_from_session
from .tenancy import gemeente_for_host, gemeente_for_slug, request_tenancy


class TenantMiddleware:
    """Sets request.gemeente from the host name or from the `gemeente` path prefix."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.gemeente = None
        request.gemeente_from_host = False
        request.tenancy = None
        gemeente = gemeente_for_host(request.get_host(), request_tenancy(request)) if not request.path.startswith(
            ("/static/", "/admin/", "/behandelen/")) else None
        if gemeente is not None:
            request.gemeente = gemeente
            request.gemeente_from_host = True
            request.urlconf = settings.HOST_URLCONF
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop("gemeente", None)
        if slug is not None and request.gemeente is None:
            request.gemeente = gemeente_for_slug(slug, request_tenancy(request))
        return None


class AuthContextMiddleware:
    """Makes request.auth_context the citizen's or company's login, or None."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.auth_context = auth_from_session(request)
        return self.get_response(request)
