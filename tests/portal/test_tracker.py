"""The status tracker, and who may see which case: the authorization matrix of the portal routes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ZaakFactory
from zaken.services import document_store

pytestmark = pytest.mark.django_db

OWNER = "999993653"
OTHER = "999990019"
KVK = "69599084"
OTHER_KVK = "68750110"


@pytest.fixture
def zaak(demo):
    zaak = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn=OWNER,
                       statussen=["ontvangen", "in_behandeling"])
    document_store(zaak=zaak, soort="ontvangstbevestiging", titel="Ontvangstbevestiging", content=b"%PDF-1.7 test",
                   bestandsnaam="ontvangst.pdf", formaat="application/pdf", kenmerk="ontvangstbevestiging")
    document_store(zaak=zaak, soort="brief", titel="Interne notitie", content=b"intern", bestandsnaam="n.txt",
                   formaat="text/plain", zichtbaar_voor_aanvrager=False)
    return zaak


@pytest.fixture
def bedrijfszaak(demo):
    return ZaakFactory(gemeente=demo["den-haag"], initiator_bsn="", initiator_kvk=KVK,
                       initiator_vestiging="000012345678")


def routes(zaak):
    doc = zaak.documenten.filter(kenmerk="ontvangstbevestiging").first()
    base = f"/{zaak.gemeente.slug}/mijn-zaken/{zaak.identificatie}/"
    return [base] + ([f"{base}documenten/{doc.uuid}/"] if doc else [])


def test_owner_sees_list_timeline_next_step_and_documents(client, zaak, digid_login):
    digid_login(OWNER)
    listing = client.get("/den-haag/mijn-zaken/").content.decode()
    assert zaak.identificatie in listing and "In behandeling" in listing and "Verhuismelding" in listing
    detail = client.get(f"/den-haag/mijn-zaken/{zaak.identificatie}/").content.decode()
    assert "Statustekst Ontvangen" in detail and "Statustekst In behandeling" in detail
    assert "Volgende stap na In behandeling" in detail
    assert "Ontvangstbevestiging" in detail and "Interne notitie" not in detail
    doc = zaak.documenten.get(kenmerk="ontvangstbevestiging")
    response = client.get(f"/den-haag/mijn-zaken/{zaak.identificatie}/documenten/{doc.uuid}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.7 test"
    assert response["Content-Type"] == "application/pdf" and "no-store" in response["Cache-Control"]


def test_hidden_document_is_404_for_owner(client, zaak, digid_login):
    digid_login(OWNER)
    hidden = zaak.documenten.get(zichtbaar_voor_aanvrager=False)
    assert client.get(f"/den-haag/mijn-zaken/{zaak.identificatie}/documenten/{hidden.uuid}/").status_code == 404


def test_anonymous_is_sent_to_login(client, zaak):
    for url in routes(zaak) + ["/den-haag/mijn-zaken/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/den-haag/inloggen/?next=" in response["Location"], url


def test_other_citizen_gets_404(client, zaak, digid_login):
    digid_login(OTHER)
    for url in routes(zaak):
        assert client.get(url).status_code == 404, url
    assert zaak.identificatie not in client.get("/den-haag/mijn-zaken/").content.decode()


def test_company_gets_404_for_citizen_case(client, zaak, eherkenning_login):
    eherkenning_login(KVK)
    for url in routes(zaak):
        assert client.get(url).status_code == 404, url


def test_other_company_gets_404(client, bedrijfszaak, eherkenning_login):
    eherkenning_login(OTHER_KVK)
    for url in routes(bedrijfszaak):
        assert client.get(url).status_code == 404, url


def test_company_scope_by_kvk_and_vestiging(client, bedrijfszaak, eherkenning_login):
    url = routes(bedrijfszaak)[0]
    eherkenning_login(KVK)  # a login for the whole company sees every vestiging's cases
    assert client.get(url).status_code == 200
    eherkenning_login(KVK, vestiging="000012345678")
    assert client.get(url).status_code == 200
    eherkenning_login(KVK, vestiging="000099999999")  # restricted to another vestiging
    assert client.get(url).status_code == 404


def test_same_person_other_municipality_sees_nothing(client, zaak, digid_login):
    digid_login(OWNER)
    assert client.get(f"/rotterdam/mijn-zaken/{zaak.identificatie}/").status_code == 404


def test_citizen_cannot_see_company_case(client, bedrijfszaak, digid_login):
    digid_login(OWNER)
    assert client.get(routes(bedrijfszaak)[0]).status_code == 404


def _queries(client, url):
    """Queries of a page in a warm process (its first request loads the municipalities)."""
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_tracker_list_query_count_is_constant(client, demo, digid_login):
    digid_login(OWNER)
    ZaakFactory(gemeente=demo["den-haag"], initiator_bsn=OWNER)
    one = _queries(client, "/den-haag/mijn-zaken/")
    ZaakFactory.create_batch(199, gemeente=demo["den-haag"], initiator_bsn=OWNER)
    two_hundred = _queries(client, "/den-haag/mijn-zaken/")
    assert one == two_hundred


def test_tracker_detail_query_count_is_constant(client, demo, digid_login):
    digid_login(OWNER)
    zaak = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn=OWNER, statussen=["ontvangen"])
    one = _queries(client, routes(zaak)[0])
    many = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn=OWNER,
                       statussen=["ontvangen", "in_behandeling", "in_behandeling", "afgehandeld"])
    for i in range(5):
        document_store(zaak=many, soort="brief", titel=f"Brief {i}", content=b"x", bestandsnaam="b.pdf",
                       formaat="application/pdf")
    assert _queries(client, routes(many)[0]) == one


def test_answer_with_wrong_file_type_changes_nothing(client, zaak, digid_login):
    from datetime import timedelta

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from zaken.actors import Actor
    from zaken.verzoeken import verzoek_stellen

    verzoek = verzoek_stellen(zaak=zaak, vraag="Stuur uw contract.", termijn=timezone.localdate() + timedelta(days=5),
                              actor=Actor.system("test"))
    digid_login(OWNER)
    exe = SimpleUploadedFile("contract.pdf", b"MZ\x90\x00binary", content_type="application/pdf")
    url = f"/den-haag/mijn-zaken/{zaak.identificatie}/verzoeken/{verzoek.uuid}/"
    response = client.post(url, {"antwoord": "Zie bijlage", "bijlagen": [exe]})
    assert response.status_code == 400 and "Dit bestandstype kunnen wij niet aannemen" in response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.is_open and not zaak.documenten.filter(verzoek=verzoek).exists()
    assert client.post(url.replace(str(verzoek.uuid), "00000000-0000-0000-0000-000000000000"),
                       {"antwoord": "x"}).status_code == 404


def test_answering_twice_stores_one_answer_and_says_so(client, zaak, digid_login):
    """Double click or a second tab: the second answer finds the first, never an error."""
    from datetime import timedelta

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from zaken.actors import Actor
    from zaken.verzoeken import verzoek_beantwoorden, verzoek_stellen

    verzoek = verzoek_stellen(zaak=zaak, vraag="Stuur uw contract.", termijn=timezone.localdate() + timedelta(days=5),
                              actor=Actor.system("test"))
    digid_login(OWNER)
    url = f"/den-haag/mijn-zaken/{zaak.identificatie}/verzoeken/{verzoek.uuid}/"

    def answer(text):
        scan = SimpleUploadedFile("contract.pdf", b"%PDF-1.7 contract", content_type="application/pdf")
        return client.post(url, {"antwoord": text, "bijlagen": [scan]}, follow=True)

    assert "Uw antwoord is verstuurd" in answer("Hier is het contract.").content.decode()
    second = answer("Nog een keer.")
    assert second.status_code == 200 and "Deze vraag is al beantwoord" in second.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.antwoord == "Hier is het contract." and zaak.documenten.filter(verzoek=verzoek).count() == 1
    # The service itself is idempotent too: a closed request is left as it is.
    same, stored = verzoek_beantwoorden(verzoek=verzoek, antwoord="Derde", bijlagen=[], actor=Actor.system("test"))
    assert not stored and same.antwoord == "Hier is het contract."


def test_tracker_detail_reads_no_bezwaar_for_a_case_without_besluiten(client, demo, digid_login):
    """Most cases have no besluit: no bezwaar look-up, and the municipality's terms read once."""
    digid_login(OWNER)
    zaak = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn=OWNER, statussen=["ontvangen"])
    url = routes(zaak)[0]
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    sql = [q["sql"] for q in ctx.captured_queries]
    assert not [s for s in sql if "bezwaar_bezwaar" in s]
    assert len([s for s in sql if 'FROM "zaken_gemeenteproduct"' in s]) <= 1
