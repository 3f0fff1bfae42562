"""What every Zaken API view shares: the component, the API-version header, the Crs headers of the
zaken resource, and the page that does not COUNT a million cases."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status, viewsets

from ..common.auth import HasScope
from ..common.pagination import CappedPagination, CappedPaginator  # noqa: F401 (CappedPaginator: tests patch it)

API_VERSION = "1.5.1"
CRS = "EPSG:4326"
UUID_REGEX = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("Een verplichte header ontbreekt.")
    default_code = "precondition_failed"


class CrsNotAcceptable(exceptions.NotAcceptable):
    default_detail = _("Alleen EPSG:4326 wordt ondersteund: stuur Accept-Crs: EPSG:4326.")


class CrsNotSupported(exceptions.UnsupportedMediaType):
    default_detail = _("Alleen EPSG:4326 wordt ondersteund: stuur Content-Crs: EPSG:4326.")
    default_code = "unsupported_media_type"

    def __init__(self):
        super().__init__(media_type=CRS, detail=self.default_detail)


ZaakPagination = CappedPagination  # the name views_zaak imports


class HasAnyScope(HasScope):
    """HasScope, where an action's required scope may be a tuple: any one of them will do."""

    def has_permission(self, request, view):
        scope = view.required_scopes.get(getattr(view, "action", None) or "")
        if isinstance(scope, tuple) and getattr(request.user, "has_scope", None):
            return any(request.user.has_scope(view.component, one) for one in scope)
        return super().has_permission(request, view)


class ZakenViewSet(viewsets.GenericViewSet):
    component = "zrc"
    permission_classes = [HasAnyScope]
    lookup_field = "uuid"
    lookup_url_kwarg = "uuid"
    lookup_value_regex = UUID_REGEX
    crs = False  # the zaken resource (it has a geometry) needs Accept-Crs, and Content-Crs on a body
    pagination_class = CappedPagination  # zaken and statussen

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.crs and request.method != "OPTIONS":
            self.check_crs(request)

    def check_crs(self, request):
        accept = request.headers.get("Accept-Crs")
        if accept is None:
            raise PreconditionFailed(_("De header Accept-Crs ontbreekt: stuur Accept-Crs: EPSG:4326."))
        if accept != CRS:
            raise CrsNotAcceptable()
        if request.method in ("POST", "PUT", "PATCH"):
            content = request.headers.get("Content-Crs")
            if content is None:
                raise PreconditionFailed(_("De header Content-Crs ontbreekt: stuur Content-Crs: EPSG:4326."))
            if content != CRS:
                raise CrsNotSupported()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-version"] = API_VERSION
        if self.crs and response.status_code < 300:
            response["Content-Crs"] = CRS
        return response

    def get_serializer_context(self):
        return {"request": self.request, "view": self}
