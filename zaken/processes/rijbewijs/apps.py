from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RijbewijsConfig(AppConfig):
    name = "zaken.processes.rijbewijs"
    label = "rijbewijs"
    verbose_name = _("Rijbewijs")

    def ready(self):
        from zaken.registry import processes

        from .definition import DEFINITION

        if DEFINITION.slug not in processes:
            processes.register(DEFINITION.slug, DEFINITION)
