"""Adapter registries: settings.INTEGRATIONS picks the adapter of each kind by key.

Mocks are adapters like any other, marked `is_mock`; production refuses them (see checks.py).
"""

from __future__ import annotations

from django.conf import settings

from zaken.registry import Registry


class BaseAdapter:
    is_mock = False
    verbose_name = ""

    def __init__(self, key: str):
        self.key = key

    def bind(self, gemeente):
        """This adapter acting for `gemeente` (its own connection); adapters without one return self."""
        return self


registries: dict[str, Registry] = {
    "digid": Registry("DigiD adapter"),
    "eherkenning": Registry("eHerkenning adapter"),
    "brp": Registry("BRP adapter"),
    "bag": Registry("BAG adapter"),
    "kvk": Registry("KvK adapter"),
    "payments": Registry("payment adapter"),
    "rdw": Registry("RDW adapter"),
}


def get_adapter(kind: str, gemeente=None):
    """The configured adapter of this kind acting for `gemeente` (a Gemeente or its id; None uses the
    default connection), e.g. get_adapter("brp", zaak.gemeente).persoon(bsn)."""
    return registries[kind].get(settings.INTEGRATIONS[kind]).bind(gemeente)
