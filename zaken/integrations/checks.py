from django.conf import settings
from django.core import checks

from .registry import registries


@checks.register(checks.Tags.security, deploy=True)
def no_mock_adapters(app_configs, **kwargs):
    """`manage.py check --deploy` fails while any integration uses a mock adapter.

    Only a staging stack (config.settings.staging) may allow them, with SAMENLOKET_ALLOW_MOCKS.
    """
    allowed = settings.STAGING and settings.ALLOW_MOCK_ADAPTERS
    errors = []
    for kind, key in settings.INTEGRATIONS.items():
        try:
            adapter = registries[kind].get(key)
        except LookupError:
            errors.append(checks.Error(f"INTEGRATIONS[{kind!r}] names unknown adapter {key!r}.",
                                       id="samenloket.E010"))
            continue
        if adapter.is_mock and allowed:
            errors.append(checks.Info(f"INTEGRATIONS[{kind!r}] uses mock adapter {key!r}, allowed on this "
                                      "staging stack by SAMENLOKET_ALLOW_MOCKS.", id="samenloket.I011"))
        elif adapter.is_mock:
            hint = ("SAMENLOKET_ALLOW_MOCKS counts only with DJANGO_SETTINGS_MODULE=config.settings.staging."
                    if settings.ALLOW_MOCK_ADAPTERS else None)
            errors.append(checks.Error(f"INTEGRATIONS[{kind!r}] uses mock adapter {key!r}; "
                                       "configure a real adapter for production.", hint=hint,
                                       id="samenloket.E011"))
    errors.extend(_register_urls())
    return errors


def _register_urls():
    """Every register reached over HTTP needs a default URL (a municipality may override it)."""
    from .http.adapter import HttpAdapter

    for kind, key in settings.INTEGRATIONS.items():
        adapter = registries[kind].get(key) if key in registries[kind] else None
        if not isinstance(adapter, HttpAdapter):
            continue
        for register in (adapter.register, *adapter.extra_registers):
            if not settings.REGISTERS[register]["url"]:
                yield checks.Error(f"No URL for the {register} register.",
                                   hint=f"Set SAMENLOKET_{register.upper()}_URL.", id="samenloket.E012")
