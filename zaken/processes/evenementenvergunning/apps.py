from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvenementenvergunningConfig(AppConfig):
    name = "zaken.processes.evenementenvergunning"
    label = "evenementenvergunning"
    verbose_name = _("Evenementenvergunning")

    def ready(self):
        from zaken.registry import processes

        from .definition import DEFINITION

        if DEFINITION.slug not in processes:
            processes.register(DEFINITION.slug, DEFINITION)
