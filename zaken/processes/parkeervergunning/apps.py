from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParkeervergunningConfig(AppConfig):
    name = "zaken.processes.parkeervergunning"
    label = "parkeervergunning"
    verbose_name = _("Parkeervergunning")

    def ready(self):
        from zaken.registry import processes

        from .definition import DEFINITION

        if DEFINITION.slug not in processes:
            processes.register(DEFINITION.slug, DEFINITION)
