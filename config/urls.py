from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from portal import views as portal_views
from portal.urls import tenant_patterns

handler404 = "portal.views.errors.not_found"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("behandelen/", include("zaken.backoffice.urls")),
    path("api/", include("zaken.api.urls")),
    path("betalen/", include("zaken.integrations.payments.urls")),
    # Logos and other public files of municipalities; case documents are never served here.
    path("media/public/<path:path>", serve, {"document_root": settings.MEDIA_ROOT / "public"}),
    path("gezond/", portal_views.health.alive, name="alive"),
    path("thema/<slug:slug>.css", portal_views.theme.theme_css, name="theme_css"),
    path("", portal_views.catalogue.gemeente_choose, name="gemeente_choose"),
    path("<slug:gemeente>/", include((tenant_patterns, "portal"))),
]
