"""The applicant's answer to a request for information reaches the civil servant, in the logged dossier."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from viewflow.workflow.models import Task

from tests.backoffice.conftest import BSN
from tests.testprocess.flows import TestAanvraagFlow
from zaken.actors import Actor
from zaken.models import AuditLog
from zaken.verzoeken import verzoek_stellen

pytestmark = pytest.mark.django_db

ANSWER = "Mijn huurcontract loopt tot 1 maart.\nIk woon er met mijn broer."


def dossier_url(zaak):
    return f"/behandelen/zaken/{zaak.pk}/"


def ask(zaak, vraag="Stuur uw huurcontract.", days=10):
    return verzoek_stellen(zaak=zaak, vraag=vraag, termijn=timezone.localdate() + timedelta(days=days),
                           actor=Actor.system("test"))


@pytest.fixture
def answered(client, digid_login, aanvraag_a):
    """A request for information, answered by the applicant in the tracker with a file."""
    zaak = aanvraag_a.zaak
    verzoek = ask(zaak)
    digid_login(BSN)
    contract = SimpleUploadedFile("huurcontract.pdf", b"%PDF-1.7 contract", content_type="application/pdf")
    response = client.post(f"/{zaak.gemeente.slug}/mijn-zaken/{zaak.identificatie}/verzoeken/{verzoek.uuid}/",
                           {"antwoord": ANSWER, "bijlagen": [contract]})
    assert response.status_code == 302
    client.logout()
    verzoek.refresh_from_db()
    assert verzoek.beantwoord_op is not None
    return verzoek


def test_answer_from_the_tracker_shows_in_the_dossier(client, medewerker_a, answered):
    zaak = answered.zaak
    client.force_login(medewerker_a)
    response = client.get(dossier_url(zaak))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="verzoeken"' in html
    assert "Stuur uw huurcontract." in html  # the question
    assert "Mijn huurcontract loopt tot 1 maart.<br>Ik woon er met mijn broer." in html  # the answer
    assert "Beantwoord op" in html
    assert (timezone.localdate() + timedelta(days=10)).strftime("%Y") in html  # the deadline
    bijlage = zaak.documenten.get(verzoek=answered)
    assert html.count(f'href="/behandelen/zaken/{zaak.pk}/documenten/{bijlage.uuid}/"') == 2  # list and answer


def test_reading_the_answer_is_logged(client, medewerker_a, answered):
    client.force_login(medewerker_a)
    client.get(dossier_url(answered.zaak))
    entry = AuditLog.objects.get(actor_user=medewerker_a, name="dossier_inzien")
    assert "verzoeken om aanvulling: vraag, antwoord" in entry.categories
    assert entry.zaak == answered.zaak and entry.operation == AuditLog.Operation.READ


def test_other_municipality_gets_404_and_no_answer(client, medewerker_b, answered):
    client.force_login(medewerker_b)
    response = client.get(dossier_url(answered.zaak))
    assert response.status_code == 404
    assert "huurcontract loopt" not in response.content.decode()
    assert not AuditLog.objects.filter(actor_user=medewerker_b).exists()


def test_lapsed_and_open_requests_say_so(client, medewerker_a, aanvraag_a):
    zaak = aanvraag_a.zaak
    lapsed = ask(zaak, "Eerste vraag?")
    lapsed.vervallen_op = timezone.now()
    lapsed.save(update_fields=["vervallen_op"])
    ask(zaak, "Tweede vraag?")
    client.force_login(medewerker_a)
    html = client.get(dossier_url(zaak)).content.decode()
    assert "Eerste vraag?" in html and "Termijn verstreken op" in html and "zonder antwoord" in html
    assert "Tweede vraag?" in html and "Wacht op antwoord" in html


def test_dossier_queries_do_not_grow_with_requests(client, medewerker_a, aanvraag_a):
    zaak = aanvraag_a.zaak
    client.force_login(medewerker_a)

    def queries():
        client.get(dossier_url(zaak))  # steady state: a first request also stores the activity (once a minute)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(dossier_url(zaak)).status_code == 200
        return len(captured)

    ask(zaak)
    one = queries()
    for nr in range(5):
        verzoek = ask(zaak, f"Vraag {nr}?")
        verzoek.antwoord, verzoek.beantwoord_op = f"Antwoord {nr}", timezone.now()
        verzoek.save()
    assert queries() == one


def test_task_page_links_to_the_answer_without_showing_it(client, medewerker_a, aanvraag_a, answered):
    zaak = answered.zaak
    task = Task.objects.get(process__artifact_object_id=aanvraag_a.pk, flow_task=TestAanvraagFlow.beoordelen)
    client.force_login(medewerker_a)
    html = client.get(f"/behandelen/taken/flows/testaanvraag/{task.process_id}/beoordelen/{task.pk}/assign/"
                      ).content.decode()
    assert "heeft het verzoek om aanvulling beantwoord op" in html
    assert f'href="{dossier_url(zaak)}#verzoeken"' in html
    assert "huurcontract loopt" not in html  # the text itself only in the logged dossier
    assert not AuditLog.objects.filter(actor_user=medewerker_a).exists()


def test_answer_text_is_escaped(client, medewerker_a, aanvraag_a):
    verzoek = ask(aanvraag_a.zaak)
    verzoek.antwoord, verzoek.beantwoord_op = "<script>alert(1)</script>", timezone.now()
    verzoek.save()
    client.force_login(medewerker_a)
    html = client.get(dossier_url(aanvraag_a.zaak)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
