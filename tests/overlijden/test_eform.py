"""The undertaker's e-form through the portal: KvK prefill, BRP look-up, validation, check page, submit."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.eform_check import confirm
from zaken.models import Rol, Zaak
from zaken.processes.overlijden.models import Overlijden

from .helpers import FORM, MAAS, PERSOON, STEP1

pytestmark = pytest.mark.django_db


def step1(client, **overrides):
    return client.post(FORM, {**STEP1, **overrides})


def test_company_is_prefilled_from_kvk(client, demo, maas):
    html = client.get(FORM).content.decode()
    assert "Uitvaartcentrum De Maas B.V." in html and MAAS in html
    assert 'name="kvk' not in html  # read-only: not a field


def test_happy_path(client, demo, maas, death_form, mailoutbox, django_capture_on_commit_callbacks):
    response = step1(client)
    assert response.status_code == 302 and response["Location"].endswith("/overlijden/")
    page = client.get(response["Location"]).content.decode()
    assert "Basisregistratie Personen" in page and "B-formulier" in page
    from zaken.integrations.registry import get_adapter

    naam = get_adapter("brp").persoon(PERSOON)["naam"]["volledigeNaam"]
    assert naam in page
    response = client.post(FORM + "overlijden/", death_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    check = client.get(FORM + "controleren/").content.decode()
    assert naam in check and "Wettelijke termijn" in check and "a-formulier.pdf" in check
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(client, FORM + "controleren/")
    assert response.status_code == 302 and response["Location"].endswith("/verzonden/")
    zaak = Zaak.objects.get()
    overlijden = Overlijden.objects.get(zaak=zaak)
    assert overlijden.state == "ontvangen" and overlijden.overledene_bsn == PERSOON
    assert zaak.initiator_kvk == MAAS and zaak.gemeente.slug == "rotterdam"
    melder = zaak.rollen.get(roltype=Rol.RolType.MELDER)
    assert melder.naam == "Piet Aangever" and melder.acting_subject == "urn:test:medewerker"
    assert zaak.rollen.get(roltype="initiator").betrokkene_type == "niet_natuurlijk_persoon"
    assert zaak.documenten.filter(kenmerk="overlijden-a_formulier").exists()
    assert zaak.documenten.filter(kenmerk="ontvangstbevestiging").exists()
    page = client.get(response["Location"]).content.decode()
    assert zaak.identificatie in page and f"/rotterdam/mijn-zaken/{zaak.identificatie}/" in page
    tracker = client.get(f"/rotterdam/mijn-zaken/{zaak.identificatie}/")
    assert tracker.status_code == 200 and "Ontvangen" in tracker.content.decode()


@pytest.mark.parametrize("bsn, message", [
    ("123456789", "elfproef"),
    ("111222333", "komt niet voor"),
    ("999990147", "al geregistreerd"),
])
def test_bad_bsn(client, demo, maas, bsn, message):
    response = step1(client, bsn=bsn)
    assert response.status_code == 400 and message in response.content.decode()


def step2(client, data):
    assert step1(client).status_code == 302
    return client.post(FORM + "overlijden/", data)


def test_place_in_another_municipality_names_it(client, demo, maas, death_form):
    response = step2(client, death_form(postcode="2585JB", huisnummer="10"))
    assert response.status_code == 400
    assert "Doe de aangifte van overlijden bij de gemeente Den Haag" in response.content.decode()


def test_chosen_municipality_is_checked_too(client, demo, maas, death_form):
    response = step2(client, death_form(plaats_soort="gemeente", plaats_gemeente="0530", postcode=""))
    assert response.status_code == 400 and "gemeente Hellevoetsluis" in response.content.decode()
    response = client.post(FORM + "overlijden/", death_form(plaats_soort="gemeente", plaats_gemeente="0599",
                                                            postcode=""))
    assert response.status_code == 302


def test_non_natural_needs_ovj_document(client, demo, maas, death_form):
    response = step2(client, death_form(doodsoorzaak="niet_natuurlijk"))
    assert response.status_code == 400 and "officier van justitie verplicht" in response.content.decode()


def test_funeral_outside_window_needs_uitstel_document(client, demo, maas, death_form):
    late = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = step2(client, death_form(uitvaart_datum=late))
    html = response.content.decode()
    assert response.status_code == 400 and "buiten de wettelijke termijn" in html
    assert "Toegestaan zonder besluit" in html  # the computed window is shown
    besluit = SimpleUploadedFile("uitstel.pdf", b"%PDF-1.7 uitstel", content_type="application/pdf")
    response = client.post(FORM + "overlijden/", death_form(uitvaart_datum=late, uitstel_besluit=besluit))
    assert response.status_code == 302
    assert "uitstel nodig" in client.get(FORM + "controleren/").content.decode()


def test_wrong_file_type_is_refused(client, demo, maas, death_form):
    fake = SimpleUploadedFile("a-formulier.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    response = step2(client, death_form(a_formulier=fake))
    assert response.status_code == 400 and "bestandstype" in response.content.decode()


def test_death_in_the_future_is_refused(client, demo, maas, death_form):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = step2(client, death_form(overlijdensdatum=tomorrow))
    assert response.status_code == 400 and "toekomst" in response.content.decode()


@pytest.mark.parametrize("field, value, message", [
    ("overlijdensdatum", "0001-01-01", "Vul een geldige datum in"),
    ("overlijdensdatum", "99999-01-01", "Vul een geldige datum in"),
    ("overlijdensdatum", "1-1-1", "Vul een geldige datum in"),
    ("uitvaart_datum", "9999-12-31", "Vul een geldige datum in"),
    ("uitvaart_datum", "2026-02-30", "Vul een geldige datum in"),
    ("overlijdenstijd", "25:00", "geldig tijdstip"),
])
def test_malformed_or_absurd_dates_give_a_field_error(client, demo, maas, death_form, field, value, message):
    response = step2(client, death_form(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert f'id="id_{field}_error"' in html


def test_death_before_birth_is_refused(client, demo, maas, death_form):
    from zaken.forms.overlijden.rules import geboren_vanaf
    from zaken.integrations.registry import get_adapter

    born = geboren_vanaf(get_adapter("brp").persoon(PERSOON))
    response = step2(client, death_form(overlijdensdatum=(born - timedelta(days=1)).isoformat()))
    html = response.content.decode()
    assert response.status_code == 400 and "vóór de geboortedatum" in html
    assert 'id="id_overlijdensdatum_error"' in html


def test_death_longer_ago_than_the_term_is_refused(client, demo, maas, death_form):
    long_ago = timezone.localdate() - timedelta(days=400)
    response = step2(client, death_form(overlijdensdatum=long_ago.isoformat(),
                                        uitvaart_datum=(long_ago + timedelta(days=3)).isoformat()))
    assert response.status_code == 400 and "meer dan 365 dagen terug" in response.content.decode()
    gp = demo["rotterdam"].producten.get(product__slug="aangifte-overlijden")
    gp.termijnen = {"overlijden_max_dagen_terug": 500}
    gp.save()
    response = client.post(FORM + "overlijden/", death_form(
        overlijdensdatum=long_ago.isoformat(), uitvaart_datum=(long_ago + timedelta(days=3)).isoformat()))
    assert "dagen terug" not in response.content.decode()


@pytest.mark.parametrize("days, message", [(-1, "na het overlijden liggen"), (90, "meer dan 60 dagen na")])
def test_funeral_before_death_or_absurdly_late_is_refused(client, demo, maas, death_form, days, message):
    funeral = timezone.localdate() + timedelta(days=days)
    besluit = SimpleUploadedFile("uitstel.pdf", b"%PDF-1.7 uitstel", content_type="application/pdf")
    response = step2(client, death_form(uitvaart_datum=funeral.isoformat(), uitstel_besluit=besluit))
    html = response.content.decode()
    assert response.status_code == 400 and message in html and 'id="id_uitvaart_datum_error"' in html
