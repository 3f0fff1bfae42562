"""Shared set-up for the benchmarks: Django on a throw-away test database with demo data and mock registers."""

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


def time_renders(render, n: int) -> tuple[float, list[float], bytes]:
    """One cold run (fonts, CSS parsing) reported apart, then n timed runs: (cold ms, timings ms, output)."""
    start = time.perf_counter()
    content = render()
    cold_ms = (time.perf_counter() - start) * 1000
    timings = []
    for _ in range(n):
        start = time.perf_counter()
        content = render()
        timings.append((time.perf_counter() - start) * 1000)
    return cold_ms, timings, content


def summary(label: str, timings_ms: list[float]) -> str:
    ordered = sorted(timings_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"{label}: n={len(ordered)} median {statistics.median(ordered):.1f} ms  p95 {p95:.1f} ms  "
            f"min {ordered[0]:.1f} ms  max {ordered[-1]:.1f} ms")
