from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverlijdenConfig(AppConfig):
    name = "zaken.processes.overlijden"
    label = "overlijden"
    verbose_name = _("Aangifte overlijden")

    def ready(self):
        from zaken.registry import processes

        from .definition import DEFINITION

        if DEFINITION.slug not in processes:
            processes.register(DEFINITION.slug, DEFINITION)
