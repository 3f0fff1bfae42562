"""Who sees an event application: its applicant and the civil servants of its municipality. A company's
class B application waits for the civil servant in Rotterdam; another citizen, another company and a
civil servant of Den Haag try every route."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.backoffice_tasks import open_task
from tests.conftest import login_session
from zaken.identity import AuthContext
from zaken.models import Document
from zaken.processes.evenementenvergunning.flows import EvenementenvergunningFlow
from zaken.processes.evenementenvergunning.models import Evenement

from .support import ANDERE_KVK, KVK, SUZANNE, antwoorden, betalen, form_url, indienen, tracker_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def aanvraag(client, demo, rechten, eherkenning_login, django_capture_on_commit_callbacks):
    eherkenning_login(KVK)
    response, evenement = indienen(client, django_capture_on_commit_callbacks, antwoorden(
        dagen=90, bezoekers__bezoekers="400", evenement__alcohol=None))  # class A: straight to the civil servant
    betalen(client, django_capture_on_commit_callbacks, response["Location"])
    evenement.refresh_from_db()
    assert evenement.state == Evenement.State.IN_BEHANDELING
    return evenement


def burger() -> Client:
    other = Client()
    login_session(other, AuthContext.now(means="digid", level="midden", bsn=SUZANNE, display_name="Suzanne"))
    return other


def ander_bedrijf() -> Client:
    other = Client()
    login_session(other, AuthContext.now(means="eherkenning", level="EH4", kvk_nummer=ANDERE_KVK,
                                         vestigingsnummer="000037178601", company_name="Uitvaartcentrum De Maas B.V.",
                                         acting_subject="urn:test:medewerker", display_name="Medewerker"))
    return other


def document_urls(evenement) -> list[str]:
    docs = Document.objects.filter(zaak=evenement.zaak)
    assert {d.kenmerk for d in docs} >= {"evenement-veiligheidsplan", "ontvangstbevestiging"}
    return [f"{tracker_url(evenement)}documenten/{d.uuid}/" for d in docs]


def test_the_applicant_sees_the_case_and_its_documents(client, aanvraag):
    assert client.get(tracker_url(aanvraag)).status_code == 200
    for url in document_urls(aanvraag):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("wie", [burger, ander_bedrijf])
def test_others_get_404_on_the_tracker_the_documents_and_paying(aanvraag, wie):
    other = wie()
    assert other.get(tracker_url(aanvraag)).status_code == 404
    for url in document_urls(aanvraag):
        assert other.get(url).status_code == 404
    assert other.get(f"/den-haag/mijn-zaken/{aanvraag.zaak.identificatie}/").status_code == 404
    assert other.post(form_url(step="betalen"), {"zaak": aanvraag.zaak.identificatie}).status_code == 404


@pytest.mark.parametrize("wie", [burger, ander_bedrijf])
def test_others_find_nothing_of_it_on_the_form(aanvraag, wie):
    other = wie()
    for step in ("controleren", "verzonden", "veiligheid"):
        response = other.get(form_url(step=step))
        assert response.status_code == 302 and "Zomerfestival" not in response.content.decode()
    assert "Zomerfestival" not in other.get(form_url()).content.decode()


def test_a_civil_servant_of_another_municipality(client, aanvraag):
    users = get_user_model().objects
    task = open_task(aanvraag, EvenementenvergunningFlow.beoordelen)
    dossier = reverse("behandelen:zaken:dossier", args=[aanvraag.zaak.pk])
    plan = Document.objects.get(zaak=aanvraag.zaak, kenmerk="evenement-veiligheidsplan")
    document = reverse("behandelen:zaken:document", args=[aanvraag.zaak.pk, plan.uuid])
    verlengen = reverse("behandelen:zaken:termijn_verlengen", args=[aanvraag.zaak.pk])
    base = (f"/behandelen/taken/flows/{EvenementenvergunningFlow.instance.app_label}/{task.process_id}/beoordelen/"
            f"{task.pk}/")
    client.force_login(users.get(username="behandelaar-den-haag"))
    for url in (dossier, document, base + "detail/"):
        assert client.get(url).status_code == 404, url
    assert client.post(base + "assign/").status_code == 404
    assert client.post(verlengen, {"tot": "01-01-2099", "reden": "x"}).status_code == 404
    client.force_login(users.get(username="behandelaar-rotterdam"))
    assert client.get(dossier).status_code == 200 and client.get(document).status_code == 200
    html = client.get(dossier).content.decode()
    assert "Zomerfestival" in html and "A (laag risico)" in html
    assert client.post(base + "assign/").status_code == 302
