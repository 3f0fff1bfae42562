from django.urls import path

from . import views

app_name = "betalen"

urlpatterns = [
    path("webhook/", views.webhook, name="webhook"),
    path("terug/<uuid:uuid>/", views.terug, name="terug"),
    path("mock/<str:provider_id>/", views.mock_checkout, name="mock_checkout"),
]
