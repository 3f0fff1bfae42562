from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "zaken.integrations"
    label = "integrations"
    verbose_name = "Koppelingen"

    def ready(self):
        # Importing the adapter modules registers them.
        from . import checks  # noqa: F401
        from .auth import digid_mock, eherkenning_mock  # noqa: F401
        from .auth.saml import adapters as saml_adapters  # noqa: F401
        from .brp import mock as brp_mock  # noqa: F401
        from .bag import mock as bag_mock  # noqa: F401
        from .kvk import mock as kvk_mock  # noqa: F401
        from .payments import mock as payments_mock  # noqa: F401
        from .rdw import mock as rdw_mock  # noqa: F401
