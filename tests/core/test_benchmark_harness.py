"""The shared benchmark harness reports honest figures: warm-up before timing, p95 only with enough samples."""

import importlib.util
from pathlib import Path

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "_harness.py"


@pytest.fixture(scope="module")
def harness():
    spec = importlib.util.spec_from_file_location("benchmark_harness", HARNESS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_p95_is_not_reported_for_few_samples(harness):
    line = harness.summary("render", [10.0, 11.0, 12.0, 13.0, 50.0])
    assert "p95: n/a (n<20)" in line and "median 12.0 ms" in line and "n=5" in line


def test_p95_with_enough_samples_is_the_nearest_rank(harness):
    timings = [float(i) for i in range(1, 101)]  # 1..100 ms
    assert "p95 95.0 ms" in harness.summary("render", timings)
    assert "p95 19.0 ms" in harness.summary("render", [float(i) for i in range(1, 21)])


def test_renders_warm_up_before_timing(harness):
    calls = []

    def render():
        calls.append(len(calls))
        return b"pdf"

    cold_ms, timings, content = harness.time_renders(render, 5)
    assert len(calls) == 1 + harness.WARMUP + 5 and harness.WARMUP >= 1
    assert len(timings) == 5 and content == b"pdf" and cold_ms >= 0
