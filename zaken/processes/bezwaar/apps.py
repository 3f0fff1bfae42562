from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BezwaarConfig(AppConfig):
    name = "zaken.processes.bezwaar"
    label = "bezwaar"
    verbose_name = _("Bezwaar")

    def ready(self):
        from zaken.registry import processes

        from .definition import DEFINITION

        if DEFINITION.slug not in processes:
            processes.register(DEFINITION.slug, DEFINITION)
