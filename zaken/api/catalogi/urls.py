from rest_framework.routers import SimpleRouter

from .views import VIEWSETS

app_name = "catalogi"

router = SimpleRouter(trailing_slash=False)
for prefix, viewset in VIEWSETS.items():
    router.register(prefix, viewset, basename=viewset.resource)
urlpatterns = router.urls
