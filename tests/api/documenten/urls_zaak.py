"""Test-only urlconf: the site's, with a stand-in for the Zaken API's zaak-detail route, which another branch
builds (the lead removes this module and the fixtures that use it on merge)."""

from django.http import HttpResponse
from django.urls import include, path

import zaken.api.urls as api_urls
import zaken.api.zaken.urls as zaken_urls
from config.urls import urlpatterns as site_urlpatterns


def _zaak_detail(request, uuid):  # never called by the tests: only reverse() and resolve() need it
    return HttpResponse(status=501)


_zaken = ([*zaken_urls.urlpatterns, path("zaken/<uuid:uuid>", _zaak_detail, name="zaak-detail")], "zaken")
_api = ([path("zaken/v1/", include(_zaken)),
         *(p for p in api_urls.urlpatterns if str(p.pattern) != "zaken/v1/")], "api")
urlpatterns = [path("api/", include(_api)), *site_urlpatterns]
