"""/api/besluiten/v1/."""

app_name = "besluiten"
urlpatterns = []
