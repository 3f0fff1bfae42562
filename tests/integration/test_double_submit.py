"""With PostgreSQL: two requests at the same moment file one case, or store one answer, and no 500.

Two threads, each its own database connection, post the same session's form at once. A barrier
inside the service lets both enter it together when nothing serialises them (the bug); with the
claim in place the second waits at the database instead, and the barrier just times out.
Skipped without a PostgreSQL DATABASE_URL (`.ci/run` sets one).
"""

import os
import threading
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests.conftest import login_session
from tests.eform_check import fingerprint_of
from tests.factories import ZaakFactory
from zaken.actors import Actor
from zaken.identity import AuthContext
from zaken.models import Document, Indiening, Verzoek, Zaak

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                       reason="needs PostgreSQL (DATABASE_URL); `.ci/run` sets it"),
]

SUZANNE = "999993653"  # Rotterdam, lives alone
FORM = "/rotterdam/aanvragen/verhuizing/"


def side_by_side(monkeypatch, target: str):
    """Let two concurrent calls of `target` run side by side when both get there (the bug)."""
    module, name = target.rsplit(".", 1)
    real = getattr(__import__(module, fromlist=[name]), name)
    meet = threading.Barrier(2, timeout=3)

    def together(*args, **kwargs):
        try:
            meet.wait()
        except threading.BrokenBarrierError:
            pass  # only one got here: the other waits at the database, as it should
        return real(*args, **kwargs)

    monkeypatch.setattr(target, together)


def post_twice_at_once(client, url, data_for):
    """POST from two browsers' tabs (same session cookie) at the same moment; return the responses."""
    start = threading.Barrier(2)
    results = [None, None]

    def run(i):
        tab = Client()
        tab.cookies = client.cookies
        try:
            start.wait()
            results[i] = tab.post(url, data_for())
        except Exception as exc:  # a 500 in the view surfaces here
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


def test_two_concurrent_final_submits_file_one_case(client, demo, monkeypatch):
    login_session(client, AuthContext.now(means="digid", level="midden", bsn=SUZANNE, display_name="Suzanne"))
    response = client.post(FORM, {"postcode": "3035 AW", "huisnummer": "60", "verhuisdatum": timezone.localdate(),
                                  "inwoning": "nee", "email": "suzanne@example.nl", "telefoon": "",
                                  "verklaring": "on"})
    assert response.status_code == 302
    check = client.get(response["Location"])
    side_by_side(monkeypatch, "zaken.processes.verhuizing.eform.verhuizing_indienen")

    results = post_twice_at_once(client, FORM + "controleren/", lambda: {"vingerafdruk": fingerprint_of(check)})

    assert not [r for r in results if isinstance(r, Exception)], results
    assert [r.status_code for r in results] == [302, 302]
    assert all(r["Location"].endswith("/verzonden/") for r in results)
    assert Zaak.objects.count() == 1 and Indiening.objects.get().zaak == Zaak.objects.get()


def test_two_concurrent_death_registrations_file_one_case(client, demo, monkeypatch):
    from tests.overlijden.helpers import MAAS, PERSOON

    login_session(client, AuthContext.now(means="eherkenning", level="EH3", kvk_nummer=MAAS,
                                          company_name="Uitvaartcentrum De Maas B.V.",
                                          acting_subject="urn:test:medewerker", display_name="Medewerker"))
    form = "/rotterdam/aanvragen/aangifte-overlijden/"
    assert client.post(form, {"aangever_naam": "Piet Aangever", "email": "piet@demaas.example",
                              "telefoon": "010 1234567", "bsn": PERSOON}).status_code == 302
    death = timezone.localtime() - timedelta(hours=10)
    response = client.post(form + "overlijden/", {
        "overlijdensdatum": death.date().isoformat(), "overlijdenstijd": death.strftime("%H:%M"),
        "plaats_soort": "adres", "postcode": "3035 AW", "huisnummer": "60", "doodsoorzaak": "natuurlijk",
        "wijze": "cremeren", "uitvaart_datum": (death.date() + timedelta(days=3)).isoformat(), "uitvaart_tijd": "11:00",
        "uitvaart_plaats": "Crematorium Hofwijk", "uittreksels": "1",
        "a_formulier": SimpleUploadedFile("a.pdf", b"%PDF-1.7 A", content_type="application/pdf")})
    assert response.status_code == 302, response.content.decode()[:2000]
    check = client.get(form + "controleren/")
    side_by_side(monkeypatch, "zaken.processes.overlijden.eform.overlijden_indienen")

    results = post_twice_at_once(client, form + "controleren/", lambda: {"vingerafdruk": fingerprint_of(check)})

    assert not [r for r in results if isinstance(r, Exception)], results
    assert [r.status_code for r in results] == [302, 302]
    assert all(r["Location"].endswith("/verzonden/") for r in results)
    assert Zaak.objects.count() == 1


def test_two_concurrent_answers_store_one(client, demo, monkeypatch):
    from zaken.verzoeken import verzoek_stellen

    zaak = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn=SUZANNE, statussen=["ontvangen", "in_behandeling"])
    verzoek = verzoek_stellen(zaak=zaak, vraag="Stuur uw contract.", termijn=timezone.localdate() + timedelta(days=5),
                              actor=Actor.system("test"))
    login_session(client, AuthContext.now(means="digid", level="midden", bsn=SUZANNE, display_name="Suzanne"))
    side_by_side(monkeypatch, "portal.views.tracker.verzoek_beantwoorden")

    def answer():
        return {"antwoord": "Hier is het contract.",
                "bijlagen": [SimpleUploadedFile("contract.pdf", b"%PDF-1.7 contract", content_type="application/pdf")]}

    url = f"/den-haag/mijn-zaken/{zaak.identificatie}/verzoeken/{verzoek.uuid}/"
    results = post_twice_at_once(client, url, answer)

    assert not [r for r in results if isinstance(r, Exception)], results
    assert [r.status_code for r in results] == [302, 302]
    assert all(r["Location"] == f"/den-haag/mijn-zaken/{zaak.identificatie}/" for r in results)
    verzoek = Verzoek.objects.get()
    assert verzoek.beantwoord_op and Document.objects.filter(verzoek=verzoek).count() == 1
