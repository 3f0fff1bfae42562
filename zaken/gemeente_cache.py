"""A version stamp for what processes keep in memory about the municipalities (their data, host names,
themes, catalogues): bumped whenever one of those rows is saved or deleted, so that every web process
drops its copy on its next request. It lives in the shared cache (Redis in production)."""

import uuid

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "samenloket:gemeenten:versie"


def gemeenten_versie() -> str:
    """The current stamp; a new one when the cache lost it (a restart or an eviction reloads everything)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _bump() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def gemeenten_gewijzigd(**kwargs) -> None:
    """Signal receiver: a new stamp now, and again after the commit, so that a process that reloaded
    between the two (still seeing the old rows) reloads once more."""
    _bump()
    transaction.on_commit(_bump)
