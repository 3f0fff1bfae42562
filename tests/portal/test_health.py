import pytest
from django.test.utils import CaptureQueriesContext
from django.db import connection


@pytest.mark.django_db
def test_alive_answers_without_database_or_cookie(client):
    client.get("/gezond/")  # the process's first request loads the municipalities for the tenant middleware
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/gezond/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "sessionid" not in response.cookies
    assert len(queries) == 0


@pytest.mark.django_db
def test_alive_on_a_municipality_host_needs_no_query(client, demo):
    from zaken.models import GemeenteHost

    GemeenteHost.objects.create(gemeente=demo["rotterdam"], hostname="loket.rotterdam.example")
    client.get("/gezond/", HTTP_HOST="loket.rotterdam.example")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/gezond/", HTTP_HOST="loket.rotterdam.example").status_code == 200
    assert len(queries) == 0


@pytest.mark.django_db
def test_alive_refuses_post(client):
    assert client.post("/gezond/").status_code == 405
