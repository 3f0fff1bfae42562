from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "zaken.api"
    label = "api"
    verbose_name = _("ZGW API's")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .common import schema  # noqa: F401 (registers the JWT security scheme with drf-spectacular)
