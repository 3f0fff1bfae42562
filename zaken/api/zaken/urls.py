"""/api/zaken/v1/: the case itself (views_zaak), its parts (views_deel) and its documents (views_zio), one router."""

from rest_framework.routers import SimpleRouter

from . import views_deel, views_zaak, views_zio

app_name = "zaken"

router = SimpleRouter(trailing_slash=False)
for prefix, viewset, basename in (*views_zaak.ROUTES, *views_deel.ROUTES, *views_zio.ROUTES):
    router.register(prefix, viewset, basename=basename)
urlpatterns = [*views_zaak.EXTRA_URLS, *router.urls]
