"""Contract: every read (GET, HEAD) response of every ZGW component validates against our own generated
schema (schemathesis, bounded). A component without paths in our schema yet is skipped."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance, status_code_conformance

from zaken.api.models import Applicatie, Autorisatie
from zaken.models import Gemeente

from .conftest import SECRET, token

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


# Component: (Autorisatie component, its read scopes).
READERS = {
    "catalogi": ("ztc", ["catalogi.lezen"]),
    "zaken": ("zrc", ["zaken.lezen", "audittrails.lezen"]),
    "besluiten": ("brc", ["besluiten.lezen"]),
    "documenten": ("drc", ["documenten.lezen"]),
    "notificaties": ("nrc", ["notificaties.consumeren"]),
}


@pytest.fixture
def reader(demo):
    """One client with every component's read scopes, up to the highest vertrouwelijkheid."""
    app = Applicatie.objects.create(gemeente=Gemeente.objects.get(slug="den-haag"), label="lezer",
                                    client_id="lezer", secret=SECRET)
    for component, scopes in READERS.values():
        Autorisatie.objects.create(applicatie=app, component=component, scopes=scopes,
                                   max_vertrouwelijkheidaanduiding="zeer_geheim")
    return app


@pytest.mark.parametrize("component", READERS)
def test_read_responses_match_our_schema(component, reader, connections_kept):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    headers = {"Authorization": f"Bearer {token('lezer')}", "Accept-Crs": "EPSG:4326"}
    operations = [result.ok() for result in
                  schema.include(path_regex=f"^/api/{component}/v1/", method=["GET", "HEAD"]).get_all_operations()]
    if not operations:
        pytest.skip(f"no {component} paths in our schema yet")
    if component == "catalogi":
        assert len(operations) == 24  # eight lists, eight details, eight HEADs

    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            # The specs list only 200 for HEAD; like their GET, ours also answer 401/403/404 (see docs/zgw.md).
            excluded = [status_code_conformance] if case.method == "HEAD" else []
            # A string with a NUL character is valid to the schema, but DRF refuses it (400) in every field; the
            # answer is still checked against the schema's 400.
            excluded.append(positive_data_acceptance)
            case.call_and_validate(headers=headers, excluded_checks=excluded)

        check()
