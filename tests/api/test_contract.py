"""Contract: every Catalogi response validates against our own generated schema (schemathesis, bounded)."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings

from .conftest import token

pytestmark = pytest.mark.django_db

EXAMPLES = 12  # per operation; enough to walk every parameter, few enough for the shared 2 cores


def test_catalogi_responses_match_our_schema(applicatie):
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
