"""The case list, the dossier, document downloads and the processing log they write."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.backoffice.conftest import BSN
from zaken.actors import Actor
from zaken.models import AuditLog, Document
from zaken.services import audit_record, document_store

pytestmark = pytest.mark.django_db


def dossier_url(zaak):
    return f"/behandelen/zaken/{zaak.pk}/"


@pytest.fixture
def document_a(aanvraag_a):
    return document_store(zaak=aanvraag_a.zaak, soort=Document.Soort.BIJLAGE, titel="Paspoort",
                          content=b"%PDF-1.4 test", bestandsnaam="paspoort.pdf", formaat="application/pdf")


def test_case_list_shows_own_municipality_only(client, medewerker_a, aanvraag_a, aanvraag_b):
    client.force_login(medewerker_a)
    response = client.get("/behandelen/zaken/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{dossier_url(aanvraag_a.zaak)}"' in html
    assert f'href="{dossier_url(aanvraag_b.zaak)}"' not in html
    assert [z.pk for z in response.context["page"].object_list] == [aanvraag_a.zaak.pk]


def test_case_list_search(client, medewerker_a, aanvraag_a):
    client.force_login(medewerker_a)
    assert not client.get("/behandelen/zaken/", {"q": "ZAAK-9999"}).context["page"].object_list
    assert len(client.get("/behandelen/zaken/", {"q": aanvraag_a.zaak.identificatie[-4:]})
               .context["page"].object_list) == 1



@pytest.mark.parametrize("q", ["ZAAK\x00", "Z" * 41])
def test_case_list_search_refuses_what_no_case_number_holds(client, medewerker_a, aanvraag_a, q):
    """A NUL byte broke the query on PostgreSQL (a 500): now a message beside the field, and the whole list."""
    client.force_login(medewerker_a)
    response = client.get("/behandelen/zaken/", {"q": q})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'aria-describedby="zaak-zoek-fout"' in html and "Typ (een deel van) het zaaknummer." in html
    assert [z.pk for z in response.context["page"].object_list] == [aanvraag_a.zaak.pk]

def _case_list_queries(client, registreer, gemeente, count):
    for nr in range(count):
        registreer(gemeente, f"Aanvraag {nr}")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/behandelen/zaken/").status_code == 200
    return len(queries)


def test_case_list_query_count_does_not_grow(client, make_medewerker, registreer, gemeente_a, gemeente_b):
    client.force_login(make_medewerker("anna", gemeente_a))
    one = _case_list_queries(client, registreer, gemeente_a, 1)
    client.force_login(make_medewerker("bert", gemeente_b))
    thirty = _case_list_queries(client, registreer, gemeente_b, 30)
    assert one == thirty


def test_dossier_shows_the_case_and_masks_bsn(client, medewerker_a, aanvraag_a, document_a):
    client.force_login(medewerker_a)
    zaak = aanvraag_a.zaak
    response = client.get(dossier_url(zaak))
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>Dossier {zaak.identificatie}</h1>" in html
    assert "Jan Jansen" in html and "jan@example.org" in html  # the initiator's role
    assert BSN not in html and "999990019" not in html
    assert f"******{BSN[-3:]}" in html and "******019" in html
    assert "<dt>Onderwerp</dt><dd>Aanvraag in A</dd>" in html  # gegevens and process data
    assert "Ontvangen" in html and "Samenloket (test)" in html  # status history with who
    assert f'href="/behandelen/zaken/{zaak.pk}/documenten/{document_a.uuid}/"' in html
    assert "Beoordelen" in html  # the case's task
    assert response["Cache-Control"].startswith("max-age=0")


def test_dossier_read_is_logged_and_earlier_reads_are_shown(client, medewerker_a, aanvraag_a):
    zaak = aanvraag_a.zaak
    audit_record(actor=Actor(kind="medewerker", label="Eerdere Lezer"), name="dossier_inzien",
                 operation=AuditLog.Operation.READ, zaak=zaak, reason="dossier inzien")
    client.force_login(medewerker_a)
    html = client.get(dossier_url(zaak)).content.decode()

    entry = AuditLog.objects.filter(zaak=zaak, actor_user=medewerker_a).get()
    assert entry.operation == AuditLog.Operation.READ and entry.name == "dossier_inzien"
    assert entry.reason == "dossier inzien" and entry.actor_type == AuditLog.Actor.MEDEWERKER
    assert {"zaakgegevens", "bsn (gemaskeerd)", "gegevens: onderwerp"} <= set(entry.categories)
    assert entry.data_subject_hash and BSN not in entry.data_subject_hash
    assert "Eerdere Lezer" in html and "Anna Test" in html


def test_document_download_is_checked_and_logged(client, medewerker_a, aanvraag_a, document_a):
    client.force_login(medewerker_a)
    response = client.get(f"{dossier_url(aanvraag_a.zaak)}documenten/{document_a.uuid}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
    assert 'attachment; filename="paspoort.pdf"' in response["Content-Disposition"]
    entry = AuditLog.objects.get(name="document_inzien", actor_user=medewerker_a)
    assert entry.zaak == aanvraag_a.zaak and entry.reason == "dossier inzien"


def test_other_municipality_gets_404_on_dossier_and_document(client, medewerker_b, aanvraag_a, document_a):
    client.force_login(medewerker_b)
    assert client.get(dossier_url(aanvraag_a.zaak)).status_code == 404
    assert client.get(f"{dossier_url(aanvraag_a.zaak)}documenten/{document_a.uuid}/").status_code == 404
    assert not AuditLog.objects.filter(actor_user=medewerker_b).exists()


def test_document_of_another_case_is_404(client, medewerker_b, aanvraag_a, aanvraag_b, document_a):
    """Own case in the URL, another municipality's document uuid: still 404."""
    client.force_login(medewerker_b)
    assert client.get(f"{dossier_url(aanvraag_b.zaak)}documenten/{document_a.uuid}/").status_code == 404
