from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerhuizingConfig(AppConfig):
    name = "zaken.processes.verhuizing"
    label = "verhuizing"
    verbose_name = _("Verhuizing")

    def ready(self):
        from zaken.registry import processes

        from .definition import DEFINITION

        if DEFINITION.slug not in processes:
            processes.register(DEFINITION.slug, DEFINITION)
