"""Where and how a register is reached, for one municipality: its own RegisterKoppeling, else the
default of settings.REGISTERS.

Looked up on every adapter call, so kept per process and renewed with the municipalities' version
stamp (zaken.gemeente_cache), which saves of RegisterKoppeling bump.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from zaken.gemeente_cache import gemeenten_versie

_cache: dict = {"version": None, "rows": {}}


@dataclass(frozen=True)
class Verbinding:
    kind: str
    url: str
    api_key: str = field(default="", repr=False)  # never in a repr, so never in a log or traceback
    api_key_header: str = ""
    api_key_prefix: str = ""  # the scheme before the key, e.g. "Bearer " for Mollie
    client_cert: str = ""
    client_key: str = ""
    ca_bundle: str = ""
    timeout: float = 5.0
    retries: int = 2

    @property
    def is_mock(self) -> bool:
        return is_mock_url(self.url)


def is_mock_url(url: str) -> bool:
    mock = settings.MOCK_REGISTERS_URL
    return bool(mock) and (url == mock or url.startswith(mock + "/"))


def default_verbinding(kind: str) -> Verbinding:
    config = settings.REGISTERS[kind]
    return Verbinding(kind=kind, url=config["url"].rstrip("/"), api_key=config["api_key"],
                      api_key_header=config["api_key_header"], api_key_prefix=config.get("api_key_prefix", ""),
                      client_cert=config["client_cert"],
                      client_key=config["client_key"], ca_bundle=config["ca_bundle"],
                      timeout=config["timeout"], retries=config["retries"])


def _rows() -> dict:
    version = gemeenten_versie()
    if _cache["version"] != version:
        from ..models import RegisterKoppeling

        rows = {}
        for k in RegisterKoppeling.objects.filter(actief=True):
            base = default_verbinding(k.soort)
            rows[(k.soort, k.gemeente_id)] = Verbinding(
                kind=k.soort, url=k.url.rstrip("/"), api_key=k.api_key,
                api_key_header=k.api_key_header or base.api_key_header, api_key_prefix=base.api_key_prefix,
                client_cert=k.client_cert,
                client_key=k.client_key, ca_bundle=k.ca_bundle, timeout=k.timeout, retries=base.retries)
        _cache.update(version=version, rows=rows)
    return _cache["rows"]


def verbinding(kind: str, gemeente=None) -> Verbinding:
    """The connection to use for `kind` on behalf of `gemeente` (a Gemeente, its id, or None)."""
    gemeente_id = getattr(gemeente, "pk", gemeente)
    found = _rows().get((kind, gemeente_id)) if gemeente_id is not None else None
    found = found or default_verbinding(kind)
    if not found.url:
        raise ImproperlyConfigured(f"No URL for the {kind} register: set SAMENLOKET_{kind.upper()}_URL "
                                   "or give the municipality a registerkoppeling.")
    return found
