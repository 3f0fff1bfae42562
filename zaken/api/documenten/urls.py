"""/api/documenten/v1/: enkelvoudiginformatieobjecten (read and download)."""

from rest_framework.routers import SimpleRouter

from .views import EnkelvoudigInformatieObjectViewSet

app_name = "documenten"

router = SimpleRouter(trailing_slash=False)
router.register("enkelvoudiginformatieobjecten", EnkelvoudigInformatieObjectViewSet,
                basename="enkelvoudiginformatieobject")
urlpatterns = router.urls
