from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZakenConfig(AppConfig):
    name = "zaken"
    verbose_name = _("Zaken")

    def ready(self):
        from . import checks, signals  # noqa: F401  (registers checks and post_migrate sync)
