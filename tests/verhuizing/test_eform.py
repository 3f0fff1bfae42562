"""The citizen's e-form through the portal: prefill, validation, check page, submit."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from tests.eform_check import confirm
from zaken.models import Zaak
from zaken.processes.verhuizing.models import Verhuizing

pytestmark = pytest.mark.django_db

FORM = "/rotterdam/aanvragen/verhuizing/"
SUZANNE = "999993653"  # Rotterdam, lives alone
JOHAN = "999999345"  # Rotterdam, partner 999999357, children 999999369 (14), 999999370, 999999412
BEFORE_2028 = datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))  # children still under 16


def test_level_basis_is_too_low(client, demo, digid_login):
    digid_login(SUZANNE, level="basis")
    assert client.get(FORM).status_code == 403


# Pinned: ages decide the household (the eldest child, 999999369, born 2012-04-18, turns 16 on 2028-04-18).
@pytest.mark.time_machine(BEFORE_2028)
def test_prefill_shows_declarant_and_household(client, demo, digid_login):
    digid_login(JOHAN)
    html = client.get(FORM).content.decode()
    assert "Johan" in html and "Hofdijk" in html
    assert 'value="999999357"' in html  # the spouse may be reported
    assert all(f'value="{kind}"' in html for kind in ("999999369", "999999370", "999999412"))  # under 16


def submit(client, data):
    response = client.post(FORM, data)
    if response.status_code != 302:
        return response, None
    response = confirm(client, response["Location"])
    return response, Zaak.objects.order_by("-pk").first()


def test_automatic_path_submits_and_plans(client, demo, digid_login, move_form, mailoutbox,
                                         django_capture_on_commit_callbacks):
    digid_login(SUZANNE)
    in_two_weeks = timezone.localdate() + timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        response, zaak = submit(client, move_form(verhuisdatum=in_two_weeks.isoformat()))
    assert response.status_code == 302 and response["Location"].endswith("/verzonden/")
    assert zaak.gemeente.slug == "rotterdam"
    verhuizing = Verhuizing.objects.get(zaak=zaak)
    assert verhuizing.state == "ingepland" and verhuizing.verhuisdatum == in_two_weeks
    assert [s.statustype.code for s in zaak.statussen.all()] == ["ontvangen", "ingepland"]
    assert zaak.documenten.filter(kenmerk="ontvangstbevestiging").exists()
    assert any("ontvangen" in m.subject for m in mailoutbox)
    page = client.get(response["Location"]).content.decode()
    assert zaak.identificatie in page and f"/rotterdam/mijn-zaken/{zaak.identificatie}/" in page


def test_tampered_co_mover_is_refused(client, demo, digid_login, move_form):
    digid_login(JOHAN)
    response = client.post(FORM, move_form(meeverhuizers=["999993653"]))  # not in his household
    assert response.status_code == 400
    assert "niet meeverhuizen" in response.content.decode()


@pytest.mark.parametrize("overrides,message", [
    ({"postcode": "1234 ZZ", "huisnummer": "1"}, "niet vinden in de Basisregistratie Adressen"),
    ({"postcode": "abc"}, "geldige postcode"),
    ({"verhuisdatum": "2099-01-01"}, "hoogstens 28 dagen van tevoren"),
    ({"verklaring": ""}, "naar waarheid"),
    ({"email": "geen-mail"}, "geldig e-mailadres"),
    ({"inwoning": "ja"}, "toestemming van de hoofdbewoner toe"),
    ({"postcode": "3221 AJ", "huisnummer": "20"}, "Die gemeente handelt verhuizingen niet"),
])
def test_bad_input_gets_dutch_message(client, demo, digid_login, move_form, overrides, message):
    digid_login(SUZANNE)
    demo["hellevoetsluis"].producten.filter(product__slug="verhuizing").update(actief=False)
    response = client.post(FORM, move_form(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Zaak.objects.exists()


def test_current_address_is_refused(client, demo, digid_login, move_form):
    digid_login(JOHAN)
    persoon_adres = client.get(FORM)  # prefill loads his address: Hofdijk 651
    assert persoon_adres.status_code == 200
    from zaken.integrations.registry import get_adapter

    adres = get_adapter("brp").persoon(JOHAN)["verblijfplaats"]["verblijfadres"]
    response = client.post(FORM, move_form(postcode=adres["postcode"], huisnummer=str(adres["huisnummer"]),
                                           huisletter=adres.get("huisletter", ""),
                                           huisnummertoevoeging=adres.get("huisnummertoevoeging", "")))
    assert "Dit is uw huidige adres" in response.content.decode()


def test_wrong_file_type_is_refused(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    fake = SimpleUploadedFile("toestemming.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(FORM, {**move_form(inwoning="ja"), "toestemming": fake})
    assert "Dit bestandstype kunnen wij niet aannemen" in response.content.decode()


@override_settings(UPLOAD_MAX_BYTES=1000)
def test_too_large_file_is_refused(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    big = SimpleUploadedFile("toestemming.pdf", b"%PDF-1.7" + b"0" * 2000, content_type="application/pdf")
    response = client.post(FORM, {**move_form(inwoning="ja"), "toestemming": big})
    assert "Het bestand is te groot" in response.content.decode()


def test_late_report_registers_report_date(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    long_ago = timezone.localdate() - timedelta(days=20)
    check = client.get(client.post(FORM, move_form(verhuisdatum=long_ago.isoformat()))["Location"])
    assert "geldt dan de datum van uw aangifte als verhuisdatum" in check.content.decode()
    response, zaak = submit(client, move_form(verhuisdatum=long_ago.isoformat()))
    assert Verhuizing.objects.get(zaak=zaak).verhuisdatum == timezone.localdate()


def test_move_to_other_municipality_becomes_its_case(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    check = client.get(client.post(FORM, move_form(postcode="2562 HG", huisnummer="180"))["Location"])
    assert "ligt in de gemeente Den Haag" in check.content.decode()
    response, zaak = submit(client, move_form(postcode="2562 HG", huisnummer="180"))
    assert zaak.gemeente.slug == "den-haag"
    assert client.get(f"/den-haag/mijn-zaken/{zaak.identificatie}/").status_code == 200
    assert client.get(f"/rotterdam/mijn-zaken/{zaak.identificatie}/").status_code == 404


def test_no_two_open_moves(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    later = (timezone.localdate() + timedelta(days=10)).isoformat()
    submit(client, move_form(verhuisdatum=later))
    response, _ = submit(client, move_form(verhuisdatum=later, postcode="3021 HX", huisnummer="300"))
    assert response.status_code == 409 and "loopt al een verhuizing" in response.content.decode()


def test_deceased_cannot_move(client, demo, digid_login):
    digid_login("999990147")  # died in 2018
    response = client.get(FORM)
    assert response.status_code == 403 and "overleden" in response.content.decode()


def test_office_address_goes_to_manual_review(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    response, zaak = submit(client, move_form(postcode="3034 CJ", huisnummer="50"))
    verhuizing = Verhuizing.objects.get(zaak=zaak)
    assert verhuizing.state == "in_behandeling" and verhuizing.handmatig_redenen == ["geen_woonfunctie"]


@override_settings(MOCK_UNAVAILABLE={"brp"})
def test_brp_down_form_still_works_and_goes_to_staff(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    page = client.get(FORM).content.decode()
    assert "konden nu niet uit de Basisregistratie Personen" in page
    response, zaak = submit(client, move_form())
    assert Verhuizing.objects.get(zaak=zaak).state == "in_behandeling"


def test_reads_by_process_steps_are_logged_without_bsn(client, demo, digid_login, move_form):
    from zaken.models import AuditLog

    digid_login(JOHAN)
    client.get(FORM)
    log = AuditLog.objects.get(name="brp_prefill")
    assert log.operation == "read" and log.actor_type == "systeem" and "bewoners" in log.categories
    assert log.data_subject_hash and JOHAN not in log.data_subject_hash
    submit(client, move_form())
    assert AuditLog.objects.filter(name="brp_bewoning").exists()
    for row in AuditLog.objects.values():
        assert JOHAN not in str(row)  # no BSN in the log itself


def test_address_lookup_is_a_post_and_answers_json(client, demo, digid_login):
    digid_login(SUZANNE)
    assert client.get(FORM + "adres/?postcode=3035AW&huisnummer=60").status_code == 405
    found = client.post(FORM + "adres/", {"postcode": "3035 aw", "huisnummer": "60"}).json()
    assert found["adressen"] == [{"regel": "Zwart Janstraat 60, 3035 AW  ROTTERDAM"}]  # BAG adresregel6: two spaces
    assert client.post(FORM + "adres/", {"postcode": "x", "huisnummer": ""}).status_code == 400
    assert client.post(FORM + "adres/", {"postcode": "1234 ZZ", "huisnummer": "1"}).json()["adressen"] == []


@pytest.mark.parametrize("value, message", [
    ("0001-01-01", "Vul een geldige datum in"),
    ("99999-01-01", "Vul een geldige datum in"),
    ("9999-12-31", "Vul een geldige datum in"),
    ("2026-02-30", "Vul een geldige datum in"),
    ("1-1-1", "Vul een geldige datum in"),
])
def test_malformed_or_absurd_move_date_gives_a_field_error(client, demo, digid_login, move_form, value, message):
    digid_login(SUZANNE)
    response = client.post(FORM, move_form(verhuisdatum=value))
    html = response.content.decode()
    assert response.status_code == 400 and message in html and 'id="id_verhuisdatum_error"' in html
    assert not Zaak.objects.exists()


def test_move_date_past_window_is_a_term(client, demo, digid_login, move_form):
    digid_login(SUZANNE)
    long_ago = (timezone.localdate() - timedelta(days=200)).isoformat()
    assert client.post(FORM, move_form(verhuisdatum=long_ago)).status_code == 302
    demo["rotterdam"].producten.filter(product__slug="verhuizing").update(
        termijnen={"verhuisdatum_max_dagen_terug": 100})
    response = client.post(FORM, move_form(verhuisdatum=long_ago))
    assert response.status_code == 400 and "meer dan 100 dagen terug" in response.content.decode()
