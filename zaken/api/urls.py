"""/api/: one component per path (/api/<component>/v1/), and our generated OpenAPI schema at /api/schema/."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from .common.views import NotFoundView

app_name = "api"

urlpatterns = [
    path("catalogi/v1/", include("zaken.api.catalogi.urls")),
    path("zaken/v1/", include("zaken.api.zaken.urls")),
    path("documenten/v1/", include("zaken.api.documenten.urls")),
    path("besluiten/v1/", include("zaken.api.besluiten.urls")),
    path("notificaties/v1/", include("zaken.api.notificaties.urls")),
    path("schema/", SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[]), name="schema"),
    re_path(r"^", NotFoundView.as_view()),  # last: an unknown path is a 404 Fout, also for PUT/DELETE
]
