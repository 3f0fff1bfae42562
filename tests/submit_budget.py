"""The final submit of an e-form, measured: its queries (and, for the report, its time).

The on-commit work (receipt, letters, e-mail) is captured, not run: in production it only goes to the
broker, so it is not part of the request's budget. The counts include the savepoints of the test's
transaction. Set SUBMIT_BUDGET_REPORT=1 to print the figures (timings are for reading, never asserted).
"""

import os
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.eform_check import fingerprint_of


def final_submit(client, check_url: str, capture):
    """GET the check page, then POST it as the person does; (response, captured SQL)."""
    fingerprint = fingerprint_of(client.get(check_url))
    with capture(execute=False), CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        response = client.post(check_url, {"vingerafdruk": fingerprint})
        elapsed = time.perf_counter() - started
    assert response.status_code == 302, response.content.decode()[:3000]
    sql = [q["sql"] for q in ctx.captured_queries]
    if os.environ.get("SUBMIT_BUDGET_REPORT"):
        print(f"\nfinal submit {check_url}: {len(sql)} queries, {elapsed * 1000:.0f} ms ({connection.vendor})")
    return response, sql
