"""Contract: every Catalogi response validates against our own generated schema (schemathesis, bounded)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from .conftest import token

pytestmark = pytest.mark.django_db

EXAMPLES = 12  # per operation; enough to walk every parameter, few enough for the shared 2 cores


@pytest.fixture
def connections_kept():
    """Django's WSGI handler closes database connections around each request, and with them the test's
    transaction on PostgreSQL; Django's test client disconnects the same receivers."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_catalogi_responses_match_our_schema(applicatie, connections_kept):
    applicatie()
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    headers = {"Authorization": f"Bearer {token('zac')}"}
    operations = [result.ok() for result in schema.include(path_regex="^/api/catalogi/").get_all_operations()]
    assert len(operations) == 16

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            case.call_and_validate(headers=headers)

        check()
