import pytest
from django.test.utils import CaptureQueriesContext
from django.db import connection


@pytest.mark.django_db
def test_alive_answers_without_database_or_cookie(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/gezond/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "sessionid" not in response.cookies
    # Only the host lookup of the tenant middleware may read (until it is cached).
    assert len(queries) <= 1


@pytest.mark.django_db
def test_alive_refuses_post(client):
    assert client.post("/gezond/").status_code == 405
