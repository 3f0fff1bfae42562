from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "zaken.integrations"
    label = "integrations"
    verbose_name = "Koppelingen"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from zaken.gemeente_cache import gemeenten_gewijzigd

        from .models import RegisterKoppeling

        # A changed connection reaches every process with the municipalities' version stamp.
        post_save.connect(gemeenten_gewijzigd, sender=RegisterKoppeling, dispatch_uid="registerkoppeling_saved")
        post_delete.connect(gemeenten_gewijzigd, sender=RegisterKoppeling, dispatch_uid="registerkoppeling_deleted")
        # Importing the adapter modules registers them.
        from . import checks  # noqa: F401
        from .auth import digid_mock, eherkenning_mock  # noqa: F401
        from .auth.saml import adapters as saml_adapters  # noqa: F401
        from .brp import client as brp_client  # noqa: F401
        from .bag import client as bag_client  # noqa: F401
        from .kvk import client as kvk_client  # noqa: F401
        from .payments import mock as payments_mock  # noqa: F401
        from .payments import mollie as payments_mollie  # noqa: F401
        from .rdw import client as rdw_client  # noqa: F401
