"""Fixture files of the mock registers (BRP, BAG, KvK) under settings.MOCK_DATA_DIR.

Shared by the three mocks (it sits in the brp package only because that is where the mocks'
fixture conversion starts). Files are read once per path and modification time, so tests that
point MOCK_DATA_DIR elsewhere and a rebuilt data directory are both picked up.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ..errors import Unavailable

T = TypeVar("T")


def check_available(kind: str) -> None:
    """Test hook: a kind listed in settings.MOCK_UNAVAILABLE behaves as a register that is down."""
    if kind in settings.MOCK_UNAVAILABLE:
        raise Unavailable(f"{kind} mock is set to unavailable (MOCK_UNAVAILABLE)")


def load(relative: str, prepare: Callable[[object], T]) -> T:
    """The parsed file `relative` under MOCK_DATA_DIR, passed through `prepare` (e.g. indexing).

    Cached per file version and `prepare`: pass a module-level function, never a lambda (a new
    lambda on every call is a new cache key, so the file would be parsed again every time).
    """
    path = Path(settings.MOCK_DATA_DIR) / relative
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise ImproperlyConfigured(
            f"Mock register data {path} is missing. Run `python manage.py mock_registers_build` "
            "(or `make install`) to convert the RvIG test set, or point SAMENLOKET_MOCK_DATA_DIR "
            "at a directory with data in the same format.") from None
    return _load(str(path), mtime, prepare)


@lru_cache(maxsize=32)
def _load(path: str, _mtime: int, prepare: Callable):
    with open(path, encoding="utf-8") as handle:
        return prepare(json.load(handle))
