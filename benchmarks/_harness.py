"""Shared set-up for the benchmarks: Django on a throw-away test database with demo data and mock registers."""

import math
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402


@contextmanager
def demo_database():
    """A fresh test database with the demo municipalities (no demo cases) and mock registers."""
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    settings.MOCK_DATA_DIR = Path(tempfile.mkdtemp(prefix="bench-mockdata-"))
    try:
        call_command("mock_registers_build", target=str(settings.MOCK_DATA_DIR), verbosity=0)
        call_command("demo_data", zonder_zaken=True, verbosity=0)
        call_command("backoffice_rechten", verbosity=0)
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


WARMUP = 3  # untimed runs after the cold one: caches, lazy imports and the allocator settle first
MIN_SAMPLES_P95 = 20  # below this a 95th percentile is just the maximum, or a guess


def time_renders(render, n: int, warmup: int = WARMUP) -> tuple[float, list[float], bytes]:
    """One cold run (fonts, CSS parsing) reported apart, `warmup` untimed runs, then n timed runs.

    Returns (cold ms, timings ms, output).
    """
    start = time.perf_counter()
    content = render()
    cold_ms = (time.perf_counter() - start) * 1000
    for _ in range(warmup):
        render()
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        content = render()
        timings.append((time.perf_counter() - start) * 1000)
    return cold_ms, timings, content


def p95_text(timings_ms: list[float]) -> str:
    if len(timings_ms) < MIN_SAMPLES_P95:
        return f"p95: n/a (n<{MIN_SAMPLES_P95})"
    ordered = sorted(timings_ms)
    # Nearest rank: the smallest value with at least 95% of the samples at or below it.
    return f"p95 {ordered[math.ceil(0.95 * len(ordered)) - 1]:.1f} ms"


def summary(label: str, timings_ms: list[float]) -> str:
    if not timings_ms:
        return f"{label}: n=0"
    ordered = sorted(timings_ms)
    return (f"{label}: n={len(ordered)} median {statistics.median(ordered):.1f} ms  {p95_text(ordered)}  "
            f"min {ordered[0]:.1f} ms  max {ordered[-1]:.1f} ms")
