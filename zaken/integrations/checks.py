from django.conf import settings
from django.core import checks

from .registry import registries


@checks.register(checks.Tags.security, deploy=True)
def no_mock_adapters(app_configs, **kwargs):
    """`manage.py check --deploy` fails while any integration uses a mock adapter."""
    errors = []
    for kind, key in settings.INTEGRATIONS.items():
        try:
            adapter = registries[kind].get(key)
        except LookupError:
            errors.append(checks.Error(f"INTEGRATIONS[{kind!r}] names unknown adapter {key!r}.",
                                       id="samenloket.E010"))
            continue
        if adapter.is_mock:
            errors.append(checks.Error(f"INTEGRATIONS[{kind!r}] uses mock adapter {key!r}; "
                                       "configure a real adapter for production.", id="samenloket.E011"))
    return errors
