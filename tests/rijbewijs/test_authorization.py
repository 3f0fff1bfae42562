"""Who sees a renewal: only its applicant and the civil servants of its municipality.

Suzanne's renewal lies ready; another citizen, a company and a civil servant of Den Haag try every route.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests import logins
from tests.logins import bedrijf, start_view_404_for_companies
from zaken.integrations.payments.models import MockProviderBetaling
from zaken.models import Betaling, Document
from zaken.processes.rijbewijs.afhaalcode import afhaalcode
from zaken.processes.rijbewijs.models import Rijbewijs

from .support import SUZANNE, balie_url, form_url, indienen, klaar, medewerker, tracker_url

pytestmark = pytest.mark.django_db

FEMKE = "999995583"  # Femke Hanekamp, Rotterdam too


@pytest.fixture
def kaart(client, digid_login, rijbewijs_form, django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    return klaar(client, django_capture_on_commit_callbacks, rijbewijs_form())


@pytest.fixture
def onbetaald(client, digid_login, rijbewijs_form, django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    return indienen(client, django_capture_on_commit_callbacks, rijbewijs_form())[1]


def burger(bsn=FEMKE):
    return logins.burger(bsn, level="substantieel")


def documenten(rijbewijs):
    return {d.kenmerk: d for d in Document.objects.filter(zaak=rijbewijs.zaak)}


def document_url(rijbewijs, document) -> str:
    return f"{tracker_url(rijbewijs)}documenten/{document.uuid}/"


def test_the_applicant_sees_her_case_and_letters(client, kaart):
    assert client.get(tracker_url(kaart)).status_code == 200
    for kenmerk in ("rijbewijs-betaalbewijs", "rijbewijs-afhalen"):
        response = client.get(document_url(kaart, documenten(kaart)[kenmerk]))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("wie", [burger, bedrijf])
def test_others_get_404_on_the_tracker_and_the_letters(kaart, wie):
    other = wie()
    assert other.get(tracker_url(kaart)).status_code == 404
    for kenmerk in ("rijbewijs-betaalbewijs", "rijbewijs-afhalen", "ontvangstbevestiging"):
        assert other.get(document_url(kaart, documenten(kaart)[kenmerk])).status_code == 404


def test_another_citizen_cannot_borrow_a_letter_through_her_own_case(kaart, rijbewijs_form,
                                                                    django_capture_on_commit_callbacks):
    femke = burger()
    _response, eigen = indienen(femke, django_capture_on_commit_callbacks, rijbewijs_form())
    assert eigen.bsn == FEMKE
    brief = documenten(kaart)["rijbewijs-afhalen"]
    assert femke.get(document_url(eigen, brief)).status_code == 404


def test_another_citizen_cannot_pay_or_see_someone_elses_application(onbetaald):
    femke = burger()
    before = (Betaling.objects.count(), MockProviderBetaling.objects.count())
    response = femke.post(form_url(step="betalen"), {"zaak": onbetaald.zaak.identificatie})
    assert response.status_code == 404
    assert (Betaling.objects.count(), MockProviderBetaling.objects.count()) == before
    # Her own form, check and sent pages hold her own data (or nothing), never Suzanne's.
    form = femke.get(form_url())
    assert "Suzanne" not in form.content.decode() and "Femke" in form.content.decode()
    for step in ("controleren", "verzonden"):
        response = femke.get(form_url(step=step))
        assert response.status_code == 302 and response["Location"] == form_url()
    assert femke.get(tracker_url(onbetaald)).status_code == 404


def test_a_company_is_refused_on_every_step_of_the_form(onbetaald):
    """The portal answers an eHerkenning login on a DigiD-only product with its 403 page (log in with
    DigiD instead), before the process's own 404 for anybody but a DigiD citizen; nothing leaks either way."""
    other = bedrijf()
    for step in ("", "controleren", "verzonden"):
        response = other.get(form_url(step=step))
        html = response.content.decode()
        assert response.status_code == 403, step
        assert "Dit product kunt u niet met dit inlogmiddel aanvragen" in html and "Suzanne" not in html
    response = other.post(form_url(step="betalen"), {"zaak": onbetaald.zaak.identificatie})
    assert response.status_code in (403, 404)
    assert Betaling.objects.count() == 1 and MockProviderBetaling.objects.count() == 1


def test_the_form_itself_is_404_for_anything_but_digid(rf, onbetaald, demo):
    """Behind the portal's check, the process view refuses a non-DigiD login on its own too."""
    from zaken.processes.rijbewijs.eform import start

    start_view_404_for_companies(rf, start, url=form_url(), gemeente=demo["rotterdam"],
                                 steps=("", "controleren", "betalen", "verzonden"))


def test_a_civil_servant_of_another_municipality(client, kaart):
    call_command("backoffice_rechten", verbosity=0)
    dossier = reverse("behandelen:zaken:dossier", args=[kaart.zaak.pk])
    brief = reverse("behandelen:zaken:document", args=[kaart.zaak.pk, documenten(kaart)["rijbewijs-afhalen"].uuid])
    client.force_login(medewerker("behandelaar-den-haag"))
    assert client.get(dossier).status_code == 404
    assert client.get(brief).status_code == 404
    page = client.get(balie_url(code=afhaalcode(kaart.zaak.identificatie)))
    assert page.status_code == 404 and "Geen rijbewijsaanvraag" in page.content.decode()
    client.force_login(medewerker("behandelaar-rotterdam"))
    response = client.get(dossier)
    assert response.status_code == 200 and kaart.rdw_order_id in response.content.decode()
    assert client.get(brief).status_code == 200


def test_a_citizen_logged_in_elsewhere_does_not_see_it_under_another_municipality(kaart):
    suzanne = burger(SUZANNE)
    assert suzanne.get(f"/den-haag/mijn-zaken/{kaart.zaak.identificatie}/").status_code == 404
    assert suzanne.get(tracker_url(kaart)).status_code == 200
    assert Rijbewijs.objects.count() == 1
