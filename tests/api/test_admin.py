"""API clients are kept in /admin/ by the functional administrator; the secret is never shown back."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from zaken.admin_site import beheerrechten_sync
from zaken.api.models import Applicatie
from zaken.models import Gemeente

from .conftest import SECRET

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/api/applicatie/add/"


@pytest.fixture
def beheerder(demo, settings):
    settings.BEHEER_GROUP = "functioneel beheer test"
    assert {"api.add_applicatie", "api.change_autorisatie"} <= set(beheerrechten_sync())
    user = get_user_model().objects.create_user("fb-api", password="x")
    user.groups.add(Group.objects.get(name="functioneel beheer test"))
    return user


def post(gemeente, secret=SECRET, scopes=("catalogi.lezen",), component="ztc", **overrides):
    data = {"gemeente": str(gemeente.pk), "label": "ZAC", "client_id": "zac-1", "secret": secret, "actief": "on",
            "autorisaties-TOTAL_FORMS": "1", "autorisaties-INITIAL_FORMS": "0", "autorisaties-MIN_NUM_FORMS": "0",
            "autorisaties-MAX_NUM_FORMS": "1000", "autorisaties-0-component": component,
            "autorisaties-0-scopes": list(scopes), "autorisaties-0-zaaktype": "",
            "autorisaties-0-max_vertrouwelijkheidaanduiding": ""}
    return data | overrides


def test_beheerder_adds_a_client_and_the_secret_stays_hidden(client, beheerder):
    client.force_login(beheerder)
    gemeente = Gemeente.objects.get(slug="den-haag")
    response = client.post(ADD_URL, post(gemeente))
    assert response.status_code == 302, response.context["adminform"].errors if response.context else response
    app = Applicatie.objects.get(client_id="zac-1")
    assert app.secret == SECRET
    assert [a.scopes for a in app.autorisaties.all()] == [["catalogi.lezen"]]
    page = client.get(f"/admin/api/applicatie/{app.pk}/change/")
    assert SECRET not in page.content.decode()
    # Saving without a new secret keeps the stored one.
    change = post(gemeente, secret="", **{"autorisaties-TOTAL_FORMS": "0"})
    assert client.post(f"/admin/api/applicatie/{app.pk}/change/", change).status_code == 302
    app.refresh_from_db()
    assert app.secret == SECRET


def test_short_secret_and_foreign_scope_are_refused(client, beheerder):
    client.force_login(beheerder)
    gemeente = Gemeente.objects.get(slug="den-haag")
    response = client.post(ADD_URL, post(gemeente, secret="kort", scopes=["zaken.lezen"]))
    assert response.status_code == 200
    assert "secret" in response.context["adminform"].errors
    assert response.context["inline_admin_formsets"][0].formset.errors[0]["scopes"]
    assert not Applicatie.objects.exists()
