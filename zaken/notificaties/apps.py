from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificatiesConfig(AppConfig):
    name = "zaken.notificaties"
    label = "notificaties"
    verbose_name = _("ZGW-notificaties")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (every save of a case resource writes a message)
