"""Headers every page carries (CSP, Permissions-Policy, no-store) and 405 for methods a page does not take."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db

BSN = "999993653"  # Suzanne Moulin, Rotterdam

PORTAL = ["/", "/rotterdam/", "/rotterdam/inloggen/", "/rotterdam/inloggen/digid/", "/rotterdam/uitloggen/",
          "/rotterdam/aanvragen/verhuizing/", "/rotterdam/mijn-zaken/", "/rotterdam/mijn-zaken/ZAAK-2026-0000001/"]
BACKOFFICE = ["/behandelen/", "/behandelen/accounts/login/", "/behandelen/taken/", "/behandelen/zaken/",
              "/behandelen/werklijst/aangifte-overlijden/", "/admin/", "/admin/login/"]


@pytest.fixture
def civil_servant(client, demo):
    call_command("backoffice_rechten", verbosity=0)
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    return client


@pytest.mark.parametrize("method", ["put", "patch", "delete", "trace", "options"])
@pytest.mark.parametrize("url", PORTAL + BACKOFFICE)
def test_methods_without_use_get_405(client, demo, digid_login, url, method):
    digid_login(BSN)
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) <= {"GET", "HEAD", "POST"}


@pytest.mark.parametrize("url", ["/", "/rotterdam/", "/rotterdam/inloggen/", "/rotterdam/mijn-zaken/",
                                 "/thema/hellevoetsluis.css"])
def test_post_to_a_page_that_only_shows_gets_405(client, demo, digid_login, url):
    digid_login(BSN)
    assert client.post(url).status_code == 405


def test_post_to_a_back_office_list_gets_405(civil_servant):
    assert civil_servant.post("/behandelen/zaken/").status_code == 405


def _csp(response) -> dict[str, str]:
    return {part.strip().split(" ", 1)[0]: part.strip() for part in response["Content-Security-Policy"].split(";")}


@pytest.mark.parametrize("url", ["/", "/rotterdam/", "/rotterdam/inloggen/", "/behandelen/accounts/login/"])
def test_every_page_has_a_strict_csp_and_permissions_policy(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = _csp(response)
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert policy["default-src"] == "default-src 'self'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert policy["object-src"] == "object-src 'none'"
    features = dict(item.split("=", 1) for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


def test_back_office_pages_have_the_csp_too(civil_servant):
    response = civil_servant.get("/behandelen/zaken/")
    assert response.status_code == 200 and "unsafe-inline" not in response["Content-Security-Policy"]


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize("url", ["/rotterdam/mijn-zaken/", "/rotterdam/aanvragen/verhuizing/", "/rotterdam/"])
def test_portal_pages_behind_a_login_are_not_stored(client, demo, digid_login, url):
    digid_login(BSN)
    response = client.get(url)
    assert response.status_code in (200, 302) and _no_store(response)


@pytest.mark.parametrize("url", ["/behandelen/zaken/", "/behandelen/taken/", "/admin/"])
def test_back_office_and_admin_pages_are_not_stored(civil_servant, url):
    response = civil_servant.get(url)
    assert _no_store(response)


def test_a_public_stylesheet_may_be_cached(client, demo):
    response = client.get("/thema/hellevoetsluis.css")
    assert response.status_code == 200 and "public" in response["Cache-Control"] and not _no_store(response)


def test_bulk_task_pages_have_no_inline_script_or_style(civil_servant):
    from tests.verhuizing.helpers import file_move, open_task
    from zaken.processes.verhuizing.flows import VerhuizingFlow

    verhuizing = file_move(bsn=BSN, postcode="3034CJ", huisnummer=50, days=3)  # an office: a task
    task = open_task(verhuizing, VerhuizingFlow.beoordelen)
    for url, confirm in (("/behandelen/taken/queue/assign/", False), ("/behandelen/taken/queue/assign/", True),
                         ("/behandelen/taken/inbox/unassign/", False)):
        response = civil_servant.post(url, {"pk": [task.pk], **({"_confirm": "1"} if confirm else {})})
        if confirm:
            assert response.status_code == 302
            continue
        html = response.content.decode()
        assert response.status_code == 200 and 'name="_confirm"' in html and f"{task.process_id}/{task.pk}" in html
        assert "onclick=" not in html and "style=" not in html


def test_viewflow_process_cancel_is_not_routed(civil_servant):
    from tests.verhuizing.helpers import file_move, open_task
    from zaken.processes.verhuizing.flows import VerhuizingFlow

    verhuizing = file_move(bsn=BSN, postcode="3034CJ", huisnummer=50, days=3)
    task = open_task(verhuizing, VerhuizingFlow.beoordelen)
    civil_servant.force_login(get_user_model().objects.get(username="coordinator-rotterdam"))
    assert civil_servant.get(f"/behandelen/taken/flows/verhuizing/{task.process_id}/").status_code == 200
    assert civil_servant.get(f"/behandelen/taken/flows/verhuizing/{task.process_id}/cancel/").status_code == 404
