"""/api/besluiten/v1/: besluiten and besluitinformatieobjecten (read)."""

from rest_framework.routers import SimpleRouter

from .views import BesluitInformatieObjectViewSet, BesluitViewSet

app_name = "besluiten"

router = SimpleRouter(trailing_slash=False)
router.register("besluiten", BesluitViewSet, basename="besluit")
router.register("besluitinformatieobjecten", BesluitInformatieObjectViewSet, basename="besluitinformatieobject")
urlpatterns = router.urls
