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
