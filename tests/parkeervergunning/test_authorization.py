"""Who sees a permit: its applicant and the civil servants of its municipality. Johan's lease car waits
for a civil servant in Rotterdam; another citizen, a company and a civil servant of Den Haag try every route."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.backoffice_tasks import open_task
from tests.logins import bedrijf, burger, start_view_404_for_companies
from zaken.models import Document
from zaken.processes.parkeervergunning.flows import ParkeervergunningFlow

from .support import JOHAN, SUZANNE, aanvragen, form_url, tracker_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def lease(client, digid_login, parkeer_form, rechten, django_capture_on_commit_callbacks):
    digid_login(JOHAN)
    pdf = SimpleUploadedFile("contract.pdf", b"%PDF-1.7 lease", content_type="application/pdf")
    return aanvragen(client, django_capture_on_commit_callbacks, parkeer_form(kenteken="LGN-98-D", bewijs=pdf))[1]


def suzanne():
    return burger(SUZANNE)


def document_urls(vergunning) -> list[str]:
    docs = Document.objects.filter(zaak=vergunning.zaak)
    assert {d.kenmerk for d in docs} >= {"parkeer-bewijs", "ontvangstbevestiging"}
    return [f"{tracker_url(vergunning)}documenten/{d.uuid}/" for d in docs]


def test_the_applicant_sees_his_case_and_documents(client, lease):
    assert client.get(tracker_url(lease)).status_code == 200
    for url in document_urls(lease):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("wie", [suzanne, bedrijf])
def test_others_get_404_on_the_tracker_and_the_documents(lease, wie):
    other = wie()
    assert other.get(tracker_url(lease)).status_code == 404
    for url in document_urls(lease):
        assert other.get(url).status_code == 404
    assert other.get(f"/den-haag/mijn-zaken/{lease.zaak.identificatie}/").status_code == 404


def test_another_citizens_form_pages_hold_nothing_of_his(lease):
    other = suzanne()
    html = other.get(form_url()).content.decode()
    assert "Hofdijk" not in html and "Boterdiep" in html
    for step in ("controleren", "verzonden"):
        response = other.get(form_url(step=step))
        assert response.status_code == 302 and response["Location"] == form_url()


def test_a_company_is_refused_on_every_step_of_the_form(lease):
    other = bedrijf()
    for step in ("", "controleren", "verzonden"):
        response = other.get(form_url(step=step))
        assert response.status_code in (403, 404) and "Hofdijk" not in response.content.decode()


def test_the_form_view_itself_is_404_for_anything_but_digid(rf, demo):
    from zaken.processes.parkeervergunning.eform import start

    start_view_404_for_companies(rf, start, url=form_url(), gemeente=demo["rotterdam"],
                                 steps=("", "controleren", "verzonden", "onbekend"))


def test_a_civil_servant_of_another_municipality(client, lease):
    users = get_user_model().objects
    task = open_task(lease, ParkeervergunningFlow.beoordelen)
    dossier = reverse("behandelen:zaken:dossier", args=[lease.zaak.pk])
    bewijs = Document.objects.get(zaak=lease.zaak, kenmerk="parkeer-bewijs")
    document = reverse("behandelen:zaken:document", args=[lease.zaak.pk, bewijs.uuid])
    base = f"/behandelen/taken/flows/{ParkeervergunningFlow.instance.app_label}/{task.process_id}/beoordelen/{task.pk}/"
    client.force_login(users.get(username="behandelaar-den-haag"))
    for url in (dossier, document, base + "detail/"):
        assert client.get(url).status_code == 404, url
    assert client.post(base + "assign/").status_code == 404
    client.force_login(users.get(username="behandelaar-rotterdam"))
    assert client.get(dossier).status_code == 200 and client.get(document).status_code == 200
    assert "LGN-98-D" in client.get(dossier).content.decode()
    assert client.post(base + "assign/").status_code == 302
