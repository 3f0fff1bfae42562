"""The death registration's draft: only its company's, gone at logout, confirmed as shown, filed once."""

import pytest
from django.core.files.storage import default_storage

from tests.eform_check import fingerprint_of
from zaken.integrations.registry import get_adapter
from zaken.models import Zaak
from zaken.processes.overlijden.models import Overlijden

from .helpers import MAAS, PERSOON

pytestmark = pytest.mark.django_db

FORM = "/rotterdam/aanvragen/aangifte-overlijden/"
CHECK = FORM + "controleren/"
HOFSTAD = "69599084"  # Uitvaartzorg Hofstad B.V., another undertaker
STEP1 = {"aangever_naam": "Piet Aangever", "email": "piet.prive@demaas.example", "telefoon": "010 7654321",
         "bsn": PERSOON}


def log_in(client, kvk):
    response = client.post("/rotterdam/inloggen/eherkenning/", {"kvk_nummer": kvk, "vestigingsnummer": "",
                                                                 "medewerker": "Medewerker", "level": "EH3"})
    assert response.status_code == 302, response.content.decode()[:2000]


def fill_to_check_page(client, death_form, **overrides):
    assert client.post(FORM, STEP1).status_code == 302
    assert client.post(FORM + "overlijden/", death_form(**overrides)).status_code == 302
    check = client.get(CHECK)
    assert check.status_code == 200
    return check


def deceased_name():
    return get_adapter("brp").persoon(PERSOON)["naam"]["volledigeNaam"]


def upload_paths(client) -> list[str]:
    draft = client.session.get("overlijden.concept") or {}
    return [u["pad"] for u in (draft.get("uploads") or {}).values()]


def test_second_company_on_the_same_browser_sees_nothing_of_the_first(client, demo, death_form):
    log_in(client, MAAS)
    check = fill_to_check_page(client, death_form)
    assert deceased_name() in check.content.decode()
    uploads = upload_paths(client)
    assert uploads and all(default_storage.exists(p) for p in uploads)
    assert client.post("/rotterdam/uitloggen/").status_code == 302
    assert not any(default_storage.exists(p) for p in uploads)

    log_in(client, HOFSTAD)
    for url in (FORM, FORM + "overlijden/", CHECK):
        response = client.get(url, follow=True)
        html = response.content.decode()
        assert deceased_name() not in html and STEP1["email"] not in html and PERSOON not in html
    response = client.post(CHECK, {"vingerafdruk": fingerprint_of(check)})
    assert response.status_code == 302 and not Zaak.objects.exists()


def test_a_draft_is_refused_for_another_company(client, demo, death_form, eherkenning_login):
    eherkenning_login(MAAS)
    check = fill_to_check_page(client, death_form)
    uploads = upload_paths(client)
    eherkenning_login(MAAS, vestiging="000038509504")  # same KvK, another branch: another identity
    assert deceased_name() not in client.get(FORM).content.decode()
    assert not any(default_storage.exists(p) for p in uploads)
    assert client.post(CHECK, {"vingerafdruk": fingerprint_of(check)}).status_code == 302
    assert not Zaak.objects.exists()


def test_draft_changed_in_another_tab_is_not_filed(client, demo, maas_login, death_form):
    first_tab = fill_to_check_page(client, death_form)
    assert "Crematorium Hofwijk" in first_tab.content.decode()
    # A second tab changes the funeral place after the first tab showed its check page.
    assert client.post(FORM + "overlijden/", death_form(uitvaart_plaats="Crematorium Zuiderhof")).status_code == 302
    response = client.post(CHECK, {"vingerafdruk": fingerprint_of(first_tab)})
    html = response.content.decode()
    assert response.status_code == 409 and "gewijzigd" in html and "Crematorium Zuiderhof" in html
    assert not Zaak.objects.exists()
    # Confirming what is shown now files it.
    response = client.post(CHECK, {"vingerafdruk": fingerprint_of(response)})
    assert response.status_code == 302 and response["Location"].endswith("/verzonden/")
    assert Overlijden.objects.get().uitvaart_plaats == "Crematorium Zuiderhof"


def test_a_check_page_without_fingerprint_files_nothing(client, demo, maas_login, death_form):
    fill_to_check_page(client, death_form)
    assert client.post(CHECK).status_code == 409
    assert not Zaak.objects.exists()


def test_a_second_submit_sees_the_first_result(client, demo, maas_login, death_form):
    check = fill_to_check_page(client, death_form)
    first = client.post(CHECK, {"vingerafdruk": fingerprint_of(check)})
    assert first.status_code == 302 and first["Location"].endswith("/verzonden/")
    uploads_gone = not client.session.get("overlijden.concept")
    again = client.post(CHECK, {"vingerafdruk": fingerprint_of(check)})  # double click, back button
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert Zaak.objects.count() == 1 and uploads_gone
    assert Zaak.objects.get().identificatie in client.get(again["Location"]).content.decode()


@pytest.fixture
def maas_login(eherkenning_login):
    return eherkenning_login(MAAS, company="Uitvaartcentrum De Maas B.V.")

