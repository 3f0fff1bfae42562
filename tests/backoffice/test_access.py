"""Who gets into /behandelen/: login, membership of a municipality, logout."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGIN = "/behandelen/accounts/login/"


@pytest.mark.parametrize("url", ["/behandelen/", "/behandelen/zaken/", "/behandelen/zaken/1/",
                                 "/behandelen/taken/queue/", "/behandelen/taken/inbox/",
                                 "/behandelen/taken/flows/testaanvraag/1/beoordelen/1/assign/"])
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=")


def test_login_page_is_dutch_and_labelled(client):
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl"' in html
    assert "<h1>Inloggen voor medewerkers</h1>" in html
    assert '<label for="id_username">' in html and '<label for="id_password">' in html
    assert "<main" in html


def test_login_and_logout(client, medewerker_a):
    response = client.post(LOGIN, {"username": "anna", "password": "x", "next": "/behandelen/zaken/"})
    assert response.status_code == 302 and response["Location"] == "/behandelen/zaken/"
    assert client.get("/behandelen/zaken/").status_code == 200

    response = client.post("/behandelen/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/behandelen/zaken/").status_code == 302  # back to the login page


def test_site_index_lands_on_the_task_list(client, medewerker_a):
    client.force_login(medewerker_a)
    response = client.get("/behandelen/")
    assert response.status_code == 302 and response["Location"] == "/behandelen/taken/"


def test_user_without_membership_is_refused(client, rechten):
    user = get_user_model().objects.create_user("zonder", password="x", is_staff=True)
    client.force_login(user)
    for url in ["/behandelen/", "/behandelen/zaken/", "/behandelen/taken/queue/"]:
        response = client.get(url)
        assert response.status_code == 403
        assert "Geen toegang" in response.content.decode()


def test_non_staff_member_is_refused(client, make_medewerker, gemeente_a):
    client.force_login(make_medewerker("burger", gemeente_a, is_staff=False))
    assert client.get("/behandelen/zaken/").status_code == 403


def test_superuser_without_membership_is_refused(client, db):
    client.force_login(get_user_model().objects.create_superuser("beheer", "b@example.org", "x"))
    assert client.get("/behandelen/zaken/").status_code == 403
