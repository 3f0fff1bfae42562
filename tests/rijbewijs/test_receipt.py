"""The receipt of a renewal comes once it is paid, and says what was paid."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from zaken.models import Document

from .helpers import SUZANNE, aanvragen, betalen

pytestmark = pytest.mark.django_db


def pdf_text(document) -> str:
    with document.bestand.open("rb") as fh:
        data = fh.read()
    return " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages).split())


def test_receipt_after_payment_names_the_amount_and_the_counter(client, balies, digid_login, rijbewijs_form,
                                                                 django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    with django_capture_on_commit_callbacks(execute=True):
        response, rijbewijs = aanvragen(client, rijbewijs_form())
    with django_capture_on_commit_callbacks(execute=True):
        betalen(client, response["Location"])
    receipt = Document.objects.get(zaak=rijbewijs.zaak, kenmerk="ontvangstbevestiging")
    text = pdf_text(receipt)
    assert rijbewijs.zaak.identificatie in text
    assert "€ 51,10" in text and "Stadswinkel Centrum" in text
    assert "Betaald" in text and "Betalingskenmerk" in text
    assert SUZANNE not in text  # never the full BSN on paper
    proof = pdf_text(Document.objects.get(zaak=rijbewijs.zaak, kenmerk="rijbewijs-betaalbewijs"))
    assert "Betaalbewijs" in proof and "€ 51,10" in proof and "Leges rijbewijs" in proof


def test_tracker_dates_follow_the_payment_day(client, balies, digid_login, rijbewijs_form,
                                              django_capture_on_commit_callbacks):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    from zaken.termijnen import lokale_dag, werkdagen_na

    digid_login(SUZANNE, level="substantieel")
    with django_capture_on_commit_callbacks(execute=True):
        response, rijbewijs = aanvragen(client, rijbewijs_form())
    paid_at = timezone.now() + timedelta(days=3)  # paid three days after applying, with a new payment
    with time_machine.travel(paid_at, tick=False), django_capture_on_commit_callbacks(execute=True):
        client.cookies.clear()  # the session of three days ago has expired: log in anew
        digid_login(SUZANNE, level="substantieel")
        again = client.post("/rotterdam/aanvragen/rijbewijs/betalen/", {"zaak": rijbewijs.zaak.identificatie})
        assert again["Location"] != response["Location"]  # the first payment expired
        betalen(client, again["Location"])
    rijbewijs.refresh_from_db()
    zaak = rijbewijs.zaak
    zaak.refresh_from_db()
    expected = werkdagen_na(lokale_dag(paid_at), 2)
    assert rijbewijs.verwacht_gereed == expected == zaak.einddatum_gepland
    assert zaak.uiterlijke_einddatum_afdoening == expected  # the tracker's streefdatum
