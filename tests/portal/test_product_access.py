"""The level check in front of every e-form, with a throw-away process registered for the test."""

import pytest
from django.http import HttpResponse

from tests.wegwerp import SLUG, wegwerp_product
from zaken.registry import ProcessDefinition, PublicStatus, processes

pytestmark = pytest.mark.django_db


def fake_start(request, *, gemeente_product, definition):
    return HttpResponse(f"formulier {definition.slug} {gemeente_product.gemeente.slug}")


@pytest.fixture
def wegwerp_process(demo):
    wegwerp_product()
    definition = ProcessDefinition(
        slug=SLUG, zaaktype_identificatie="TEST-PARKEER", zaaktype_omschrijving="Test",
        public_statuses=(PublicStatus("ontvangen", "Ontvangen", "..."),), min_level_digid="substantieel",
        min_level_eherkenning="EH3", start_view="tests.portal.test_product_access.fake_start")
    processes.register(definition.slug, definition)
    yield definition
    processes.unregister(definition.slug)


def test_anonymous_goes_to_login(client, demo, wegwerp_process):
    response = client.get(f"/rotterdam/aanvragen/{SLUG}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/rotterdam/inloggen/?next=%2Frotterdam%2Faanvragen")


def test_level_too_low_explains_and_offers_new_login(client, demo, wegwerp_process, digid_login):
    digid_login("999993653", level="midden")
    response = client.get(f"/rotterdam/aanvragen/{SLUG}/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "hoger betrouwbaarheidsniveau" in html and "DigiD Substantieel" in html
    assert "opnieuw inloggen" in html.lower()


def test_enough_level_reaches_the_form(client, demo, wegwerp_process, digid_login):
    digid_login("999993653", level="substantieel")
    response = client.get(f"/rotterdam/aanvragen/{SLUG}/")
    assert response.content.decode() == f"formulier {SLUG} rotterdam"


def test_municipality_overrides_the_level(client, demo, wegwerp_process, digid_login):
    gp = demo["rotterdam"].producten.get(product__slug=SLUG)
    gp.min_level_digid = "midden"
    gp.save()
    digid_login("999993653", level="midden")
    assert client.get(f"/rotterdam/aanvragen/{SLUG}/").status_code == 200


def test_wrong_means_is_explained(client, demo, wegwerp_process, eherkenning_login):
    gp = demo["rotterdam"].producten.get(product__slug=SLUG)
    gp.min_level_eherkenning = ""
    gp.save()
    wegwerp = ProcessDefinition(**{**wegwerp_process.__dict__, "min_level_eherkenning": ""})
    processes.unregister(SLUG)
    processes.register(SLUG, wegwerp)
    eherkenning_login("69599084")
    response = client.get(f"/rotterdam/aanvragen/{SLUG}/")
    assert response.status_code == 403
    assert "niet met dit inlogmiddel" in response.content.decode()


def test_relogin_returns_to_the_product(client, demo, wegwerp_process, digid_login):
    digid_login("999993653", level="midden")
    response = client.post("/rotterdam/uitloggen/", {"next": f"/rotterdam/aanvragen/{SLUG}/"})
    assert response["Location"] == f"/rotterdam/inloggen/?next=%2Frotterdam%2Faanvragen%2F{SLUG}%2F"
    again = client.post("/rotterdam/inloggen/digid/", {"bsn": "999993653", "level": "substantieel",
                                                       "next": f"/rotterdam/aanvragen/{SLUG}/"})
    assert client.get(again["Location"]).content.decode() == f"formulier {SLUG} rotterdam"


# Restricting a business product to some companies (SBI prefix from the process, KvK-nummers per municipality).
HOFSTAD, ZOMERFEESTEN, BAKKERIJ = "69599084", "69599068", "90004760"  # SBI 96031, 9329, 1071


@pytest.fixture
def branche_process(wegwerp_process):
    restricted = ProcessDefinition(**{**wegwerp_process.__dict__, "company_sbi_prefixes": ("932",),
                                      "company_refused_text": "Alleen voor de recreatiebranche."})
    processes.unregister(SLUG)
    processes.register(SLUG, restricted)
    return restricted


def test_company_with_a_permitted_sbi_prefix_reaches_the_form(client, demo, branche_process, eherkenning_login):
    eherkenning_login(ZOMERFEESTEN)
    assert client.get(f"/rotterdam/aanvragen/{SLUG}/").status_code == 200


def test_other_company_is_refused_with_the_process_text(client, demo, branche_process, eherkenning_login):
    eherkenning_login(BAKKERIJ, company="Havenbakkerij Voorne V.O.F.")
    response = client.get(f"/rotterdam/aanvragen/{SLUG}/")
    html = response.content.decode()
    assert response.status_code == 403 and "formulier" not in html
    assert "Alleen voor de recreatiebranche." in html and "Havenbakkerij Voorne" in html
    assert client.post(f"/rotterdam/aanvragen/{SLUG}/").status_code == 403


def test_municipality_replaces_the_sbi_codes_and_adds_kvk_numbers(client, demo, branche_process, eherkenning_login):
    gp = demo["rotterdam"].producten.get(product__slug=SLUG)
    gp.toegang_sbi_codes = "1071"
    gp.save()
    eherkenning_login(ZOMERFEESTEN)
    assert client.get(f"/rotterdam/aanvragen/{SLUG}/").status_code == 403
    eherkenning_login(BAKKERIJ)
    assert client.get(f"/rotterdam/aanvragen/{SLUG}/").status_code == 200
    gp.toegang_kvk_nummers = f"12345678\n{ZOMERFEESTEN}"
    gp.save()
    eherkenning_login(ZOMERFEESTEN)
    assert client.get(f"/rotterdam/aanvragen/{SLUG}/").status_code == 200
    assert demo["den-haag"].producten.filter(product__slug=SLUG, toegang_sbi_codes="").exists()


def test_kvk_list_alone_restricts_a_product_without_default(client, demo, wegwerp_process, eherkenning_login):
    gp = demo["rotterdam"].producten.get(product__slug=SLUG)
    eherkenning_login(BAKKERIJ)
    assert client.get(f"/rotterdam/aanvragen/{SLUG}/").status_code == 200  # unrestricted
    gp.toegang_kvk_nummers = HOFSTAD
    gp.save()
    assert client.get(f"/rotterdam/aanvragen/{SLUG}/").status_code == 403
    eherkenning_login(HOFSTAD)
    assert client.get(f"/rotterdam/aanvragen/{SLUG}/").status_code == 200


def test_citizens_are_not_affected(client, demo, branche_process, digid_login):
    digid_login("999993653", level="substantieel")
    assert client.get(f"/rotterdam/aanvragen/{SLUG}/").status_code == 200


def test_kvk_down_refuses_with_try_again(client, demo, branche_process, eherkenning_login, settings):
    from zaken.integrations.errors import Unavailable

    eherkenning_login(ZOMERFEESTEN)
    from unittest import mock

    with mock.patch("portal.selectors.get_adapter") as adapter:
        adapter.return_value.basisprofiel.side_effect = Unavailable("down")
        response = client.get(f"/rotterdam/aanvragen/{SLUG}/")
    assert response.status_code == 503 and "Probeer het over enkele minuten opnieuw" in response.content.decode()


@pytest.mark.parametrize("field, value", [("toegang_sbi_codes", "96a3"), ("toegang_kvk_nummers", "1234567")])
def test_admin_values_are_validated(demo, field, value):
    from django.core.exceptions import ValidationError

    gp = demo["rotterdam"].producten.get(product__slug="evenementenvergunning")
    setattr(gp, field, value)
    with pytest.raises(ValidationError) as caught:
        gp.full_clean()
    assert field in caught.value.message_dict
