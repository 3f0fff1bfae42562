"""The load benchmark's pure parts: wrk's report read honestly, errors never hidden, tables and comparisons.

No load and no server here: run.py's figures are checked by reading them, not by timing anything.
"""

import json
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "load"))

import journey  # noqa: E402
import report  # noqa: E402

WRK_OUTPUT = """Running 15s test @ http://127.0.0.1:8000/gezond/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    15.20ms    3.10ms  60.00ms   80.00%
  1600 requests in 15.00s, 1.2MB read
Requests/sec:    106.67
WRKJSON {"requests": 1600, "duration_us": 15000000, "p50_us": 14000, "p95_us": 23456, "p99_us": 40000, \
"max_us": 60000, "non_2xx": 3, "statuses": {"302": 2, "500": 1}, "errors": {"connect": 0, "read": 1, \
"write": 0, "status": 1, "timeout": 2}}
"""


def test_wrk_report_gives_rate_latencies_and_every_non_2xx():
    row = report.parse_wrk(WRK_OUTPUT)
    assert row["rps"] == pytest.approx(106.7)
    assert (row["p50_ms"], row["p95_ms"], row["max_ms"]) == (14.0, 23.46, 60.0)
    # Redirects count too: a login page served fast is not a fast tracker.
    assert row["non_2xx"] == 3 and row["statuses"] == {"302": 2, "500": 1}
    assert row["socket_errors"] == 3
    assert report.failed(row)


def test_wrk_output_without_the_report_line_is_an_error_not_zero():
    with pytest.raises(report.WrkOutputError):
        report.parse_wrk("Running 15s test @ http://127.0.0.1:8000/\nRequests/sec: 100.00\n")


def _page(page, conns, rps, non_2xx=0, **extra):
    return {"page": page, "conns": conns, "rps": rps, "p50_ms": 1.0, "p95_ms": 2.5, "non_2xx": non_2xx,
            "socket_errors": 0, **extra}


RESULTS = {"meta": {"app_dir": "/before", "commit": "abc123"}, "pages": [
    _page("hello world", 16, 4000.0), _page("tracker list", 16, 100.0),
    _page("case list", 16, 2.0, non_2xx=5), {"page": "case dossier", "conns": 16, "path": "",
                                              "error": "no such page in this data set"}],
    "journeys": [{"users": 16, "completed": 80, "cases_per_s": 8.0, "errors": {"submit 500": 2},
                  "steps": {"submit": {"n": 82, "p50_ms": 600.0, "p95_ms": 1100.0}}}]}


def test_table_gives_the_ratio_to_hello_world_and_marks_failed_pages():
    rows = {r[0]: r for r in report.page_rows(RESULTS)}
    assert rows["tracker list"][6] == "2.5%"
    assert rows["hello world"][6] == "100%"
    assert rows["case list"][5] == "5" and rows["case list"][7] == "FAILED"
    assert rows["case dossier"][7] == "FAILED no such page in this data set"
    assert rows["tracker list"][7] == ""


def test_rendered_table_is_aligned_and_shows_the_journey_errors():
    text = report.render(RESULTS)
    table = [line for line in text.splitlines() if line.startswith("|")]
    assert len({len(line) for line in table[:6]}) == 1  # every row of the page table as wide as its header
    assert "submit 500: 2" in text and "submit 600/1,100" in text
    exhausted = {**RESULTS, "journeys": [{**RESULTS["journeys"][0], "pool_exhausted": True}]}
    assert "| 80 (pool exhausted) |" in report.render(exhausted)


def test_compare_puts_two_runs_side_by_side(tmp_path):
    after = json.loads(json.dumps(RESULTS))
    after["meta"]["commit"] = "def456"
    after["pages"][1]["rps"] = 1000.0
    after["pages"][2]["non_2xx"] = 0
    after["journeys"][0].update(cases_per_s=50.0, errors={})
    text = report.compare(RESULTS, after, "before", "after")
    line = next(line for line in text.splitlines() if line.startswith("| tracker list"))
    assert "100.0" in line and "1,000.0" in line and "10.00x" in line
    case_list = next(line for line in text.splitlines() if line.startswith("| case list"))
    assert "2.0 !" in case_list  # the failed measurement is marked, not compared silently
    journey_line = next(line for line in text.splitlines() if line.startswith("| 16 "))
    assert "8.0" in journey_line and "50.0" in journey_line and "| 2 " in journey_line


def test_percentile_is_the_nearest_rank():
    assert report.percentile([float(i) for i in range(1, 101)], 95) == 95.0
    assert report.percentile([3.0], 50) == 3.0
    assert report.percentile([], 95) is None


def test_journey_pool_holds_only_people_the_move_rules_accept():
    def persoon(bsn, born="1980-01-01", **extra):
        return {"burgerservicenummer": bsn, "geboorte": {"datum": {"datum": born}},
                "verblijfplaats": {"adresseerbaarObjectIdentificatie": f"obj{bsn}"}, **extra}

    personen = [persoon("1"), persoon("2", born="2015-05-05"), persoon("3", overlijden={"datum": {}}),
                persoon("4", opschortingBijhouding={"reden": {}}), persoon("5"),
                {"burgerservicenummer": "6", "geboorte": {"datum": {"datum": "1970-01-01"}}}, persoon("7")]
    pool = journey.movers(personen, today=date(2026, 12, 1), busy={"7"})
    assert [p["bsn"] for p in pool] == ["1", "5"]


def test_journey_addresses_are_unambiguous_dwellings_in_municipalities_that_take_moves():
    def adres(postcode, nummer, code="0599", **extra):
        return {"postcode": postcode, "huisnummer": nummer, "gemeenteIdentificatie": code,
                "adresseerbaarObjectIdentificatie": f"{postcode}{nummer}{extra.get('huisletter', '')}",
                "gebruiksdoelen": ["woonfunctie"], **extra}

    adressen = [adres("3011AA", 1), adres("3011AA", 2), adres("3011AA", 2, huisletter="A"),
                adres("9999ZZ", 1, code="0014"), adres("3011AA", 3, gebruiksdoelen=["kantoorfunctie"])]
    found = journey.dwellings(adressen, gemeenten={"0599": "rotterdam"})
    assert [(a["postcode"], a["huisnummer"], a["gemeente"]) for a in found] == [("3011AA", 1, "rotterdam")]


def test_multipart_body_is_what_a_browser_sends():
    body, content_type = journey.multipart_body({"postcode": "3011 AA", "meeverhuizers": ["1", "2"]})
    boundary = content_type.split("boundary=")[1]
    assert body.count(f"--{boundary}\r\n".encode()) == 3 and body.endswith(f"--{boundary}--\r\n".encode())
    assert b'name="postcode"\r\n\r\n3011 AA\r\n' in body
