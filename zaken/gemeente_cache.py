"""A version stamp for what processes keep in memory about the municipalities (their data, host names,
themes, catalogues): bumped whenever one of those rows is saved or deleted, so that every web process
drops its copy on its next request. It lives in the shared cache (Redis in production)."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "samenloket:gemeenten:versie"
# The stamp as this process last read it, and until when it may trust that read without asking the
# shared cache again (GEMEENTEN_VERSIE_SECONDEN; 0 asks on every request).
_seen = {"version": None, "until": 0.0}


def gemeenten_versie() -> str:
    """The current stamp; a new one when the cache lost it (a restart or an eviction reloads everything)."""
    now = time.monotonic()
    if _seen["version"] is not None and now < _seen["until"]:
        return _seen["version"]
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    _seen.update(version=version, until=now + settings.GEMEENTEN_VERSIE_SECONDEN)
    return version


def _bump() -> None:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    # The process that saved sees its change at once; the others within GEMEENTEN_VERSIE_SECONDEN.
    _seen.update(version=version, until=time.monotonic() + settings.GEMEENTEN_VERSIE_SECONDEN)


def gemeenten_gewijzigd(**kwargs) -> None:
    """Signal receiver: a new stamp now, and again after the commit, so that a process that reloaded
    between the two (still seeing the old rows) reloads once more."""
    _bump()
    transaction.on_commit(_bump)
