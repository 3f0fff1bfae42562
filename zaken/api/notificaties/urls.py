from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import AbonnementViewSet, KanaalViewSet, NotificatieViewSet

app_name = "notificaties"

# The spec spells its resources in the singular: /kanaal, /abonnement.
router = SimpleRouter(trailing_slash=False)
router.register("kanaal", KanaalViewSet, basename="kanaal")
router.register("abonnement", AbonnementViewSet, basename="abonnement")
urlpatterns = [
    *router.urls,
    path("notificaties", NotificatieViewSet.as_view({"post": "create"}), name="notificaties"),
]
