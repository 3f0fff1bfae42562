"""The pure parts of the load benchmark: wrk's report, percentiles, the table and the comparison.

No Django, no network: run.py and journey.py produce the figures, this module only reads and
prints them (and is what tests/core/test_load_report.py checks).
"""

from __future__ import annotations

import json
import math
import re

# The line wrk_report.lua prints from wrk's done() callback.
WRK_JSON = re.compile(r"^WRKJSON (\{.*\})\s*$", re.MULTILINE)


class WrkOutputError(ValueError):
    pass


def parse_wrk(output: str) -> dict:
    """wrk's output (with wrk_report.lua) -> req/s, latencies in ms, non-2xx and socket errors."""
    found = WRK_JSON.search(output)
    if not found:
        raise WrkOutputError(f"no WRKJSON line in wrk's output: {output[-500:]!r}")
    raw = json.loads(found.group(1))
    seconds = raw["duration_us"] / 1e6
    errors = raw["errors"]
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 3),
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p95_ms": round(raw["p95_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "max_ms": round(raw["max_us"] / 1000, 2),
        # Every answer that was not a 2xx (a redirect to the login page is not a fast page).
        "non_2xx": raw["non_2xx"],
        "statuses": {str(k): v for k, v in raw.get("statuses", {}).items()},
        "socket_errors": sum(errors[k] for k in ("connect", "read", "write", "timeout")),
    }


def failed(row: dict) -> bool:
    """A measurement with any error is a failed one, whatever its speed."""
    return bool(row.get("error") or row.get("non_2xx") or row.get("socket_errors"))


def percentile(values: list[float], p: float) -> float | None:
    """Nearest rank: the smallest value with at least p% of the values at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def _num(value, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def _ratio(rps, ceiling) -> str:
    if not rps or not ceiling:
        return "-"
    share = rps / ceiling * 100
    return f"{share:.1f}%" if share < 10 else f"{share:.0f}%"


def page_rows(results: dict) -> list[list[str]]:
    """One row per page and connection count; the ratio is to hello world at the same count."""
    ceiling = {row["conns"]: row.get("rps") for row in results["pages"] if row["page"] == "hello world"}
    rows = []
    for row in results["pages"]:
        status = "FAILED" if failed(row) else ""
        errors = row.get("non_2xx")
        if row.get("socket_errors"):
            errors = f"{errors or 0} (+{row['socket_errors']} socket)"
        rows.append([row["page"], str(row["conns"]), _num(row.get("rps"), 1), _num(row.get("p50_ms"), 1),
                     _num(row.get("p95_ms"), 1), "-" if errors is None else str(errors),
                     _ratio(row.get("rps"), ceiling.get(row["conns"])),
                     status + (f" {row['error']}" if row.get("error") else "")])
    return rows


def journey_rows(results: dict) -> list[list[str]]:
    rows = []
    for j in results.get("journeys", []):
        errors = ", ".join(f"{k}: {v}" for k, v in sorted(j["errors"].items())) or "0"
        steps = "; ".join(f"{name} {_num(s['p50_ms'])}/{_num(s['p95_ms'])}" for name, s in j["steps"].items())
        cases = str(j["completed"]) + (" (pool exhausted)" if j.get("pool_exhausted") else "")
        rows.append([str(j["users"]), cases, _num(j["cases_per_s"], 1), errors, steps])
    return rows


def render_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows)]
    fmt = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([fmt(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(fmt, rows)])


PAGE_HEADER = ["page", "conns", "req/s", "p50 ms", "p95 ms", "non-2xx", "ratio to hello world", "status"]
JOURNEY_HEADER = ["users", "cases", "cases/s", "errors (step status: n)", "step p50/p95 ms"]


def render(results: dict) -> str:
    meta = results.get("meta", {})
    lines = [f"Load benchmark {meta.get('started', '')}: app {meta.get('app_dir', '')} "
             f"({meta.get('commit', '?')}), database {meta.get('database', '')} "
             f"({meta.get('cases', '?')} cases), {meta.get('workers', '?')} gunicorn workers, "
             f"{meta.get('duration', '?')} s per measurement", "",
             render_table(PAGE_HEADER, page_rows(results))]
    if results.get("journeys"):
        lines += ["", "Submission journey (move notification, DigiD login to the filed case's tracker):",
                  render_table(JOURNEY_HEADER, journey_rows(results))]
    return "\n".join(lines)


def compare(a: dict, b: dict, label_a: str = "A", label_b: str = "B") -> str:
    """Two runs side by side: req/s, p95 and non-2xx per page and connection count, and B/A."""
    def index(results):
        return {(r["page"], r["conns"]): r for r in results["pages"]}

    ia, ib = index(a), index(b)
    keys = list(ia) + [k for k in ib if k not in ia]
    header = ["page", "conns", f"{label_a} req/s", f"{label_b} req/s", f"{label_b}/{label_a}",
              f"{label_a} p95 ms", f"{label_b} p95 ms", f"{label_a} non-2xx", f"{label_b} non-2xx"]
    rows = []
    for key in keys:
        ra, rb = ia.get(key, {}), ib.get(key, {})
        speedup = (f"{rb['rps'] / ra['rps']:.2f}x" if ra.get("rps") and rb.get("rps") else "-")
        rows.append([key[0], str(key[1]), _num(ra.get("rps"), 1) + (" !" if ra and failed(ra) else ""),
                     _num(rb.get("rps"), 1) + (" !" if rb and failed(rb) else ""), speedup,
                     _num(ra.get("p95_ms"), 1), _num(rb.get("p95_ms"), 1),
                     _num(ra.get("non_2xx")), _num(rb.get("non_2xx"))])
    lines = [f"{label_a}: {a.get('meta', {}).get('app_dir', '')} ({a.get('meta', {}).get('commit', '?')})",
             f"{label_b}: {b.get('meta', {}).get('app_dir', '')} ({b.get('meta', {}).get('commit', '?')})",
             "(! = a failed measurement: non-2xx answers or errors)", "", render_table(header, rows)]
    ja = {j["users"]: j for j in a.get("journeys", [])}
    jb = {j["users"]: j for j in b.get("journeys", [])}
    if ja or jb:
        jheader = ["journey users", f"{label_a} cases/s", f"{label_b} cases/s", f"{label_a} errors",
                   f"{label_b} errors"]
        jrows = [[str(u), _num(ja.get(u, {}).get("cases_per_s"), 1), _num(jb.get(u, {}).get("cases_per_s"), 1),
                  str(sum(ja.get(u, {}).get("errors", {}).values())) if u in ja else "-",
                  str(sum(jb.get(u, {}).get("errors", {}).values())) if u in jb else "-"]
                 for u in sorted(set(ja) | set(jb))]
        lines += ["", render_table(jheader, jrows)]
    return "\n".join(lines)
