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
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment  # noqa: E402


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


# Pages through the test client: queries of one request, server time over many (rijbewijs, dashboard).

def pct(ordered: list[float], q: float) -> float:
    """Nearest rank: the smallest value with at least q of the samples at or below it."""
    return ordered[max(math.ceil(q * len(ordered)) - 1, 0)]


def figures(label: str, queries: int, timings: list[tuple[float, float]]) -> str:
    """Wall time percentiles and requests/s, and the median CPU time (steadier on a shared machine)."""
    ordered = sorted(wall for wall, _cpu in timings)
    p99 = f"{pct(ordered, 0.99):6.1f} ms" if len(ordered) >= 100 else "   n/a   "
    return (f"{label:<46} queries {queries:>3}  n={len(ordered):<4} p50 {statistics.median(ordered):6.1f} ms  "
            f"p95 {pct(ordered, 0.95):6.1f} ms  p99 {p99}  {1000 * len(ordered) / sum(ordered):6.1f} req/s  "
            f"cpu p50 {statistics.median(cpu for _wall, cpu in timings):6.1f} ms")


def request(client, method, url, data=None, expect=200):
    connection.queries_log.clear()  # the log keeps 9000 queries; a full one would count 0
    with CaptureQueriesContext(connection) as ctx:
        start, cpu = time.perf_counter(), time.process_time()
        response = getattr(client, method)(url, data or {})
        elapsed = ((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000)
    assert response.status_code == expect, (url, response.status_code, response.content[:500])
    return response, len(ctx.captured_queries), elapsed


def measure(client, method, url, n, data=None, expect=200):
    """(queries of the last request, [(wall ms, cpu ms)]) over n requests after WARMUP untimed ones."""
    for _ in range(WARMUP):
        request(client, method, url, data, expect)
    timings, queries = [], 0
    for _ in range(n):
        _, queries, elapsed = request(client, method, url, data, expect)
        timings.append(elapsed)
    return queries, timings
