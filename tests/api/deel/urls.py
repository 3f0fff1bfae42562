"""Test-only urlconf: the site's, plus a stand-in `api:zaken:zaak-detail` until the zaken routes are merged.

The lead removes this module (and the fixture in conftest.py that selects it) when views_zaak has the route.
"""

from django.http import HttpResponse
from django.urls import include, path

from config.urls import urlpatterns as site
from zaken.api.zaken import urls as zaken_urls


def zaak_stub(request, uuid):
    return HttpResponse(status=204)


api = [
    path("catalogi/v1/", include("zaken.api.catalogi.urls")),
    path("zaken/v1/", include(([*zaken_urls.urlpatterns, path("zaken/<uuid:uuid>", zaak_stub, name="zaak-detail")],
                               "zaken"))),
]
urlpatterns = [path("api/", include((api, "api"))), *site]
