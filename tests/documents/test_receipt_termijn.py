"""The receipt names the basis of its date: "wettelijke termijn" only for a statutory decision term,
otherwise "streefdatum" (issue 8). The date is the one the term engine derived."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.documents.test_receipt import gemeente, pdf_text, private_media, zaak  # noqa: F401 (fixtures)
from zaken.actors import Actor
from zaken.documents.receipt import receipt_context, receipt_pdf
from zaken.models import GemeenteProduct
from zaken.termijn_engine import termijn_ontvangen

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def received(zaak, **terms):
    if terms:
        GemeenteProduct.objects.create(gemeente=zaak.gemeente, product=zaak.zaaktype.product, termijnen=terms)
    with time_machine.travel(datetime(2026, 11, 23, 9, tzinfo=AMS), tick=False):
        zaak.registratiedatum = datetime(2026, 11, 23, 9, tzinfo=AMS)
        zaak.save()
        termijn_ontvangen(zaak=zaak, actor=Actor.system("test"))
    zaak.refresh_from_db()
    return zaak


def test_awb_4_13_receipt_says_wettelijke_termijn_for_a_statutory_term(zaak):  # noqa: F811
    # Received Monday 23 November 2026: 8 weeks end on Monday 18 January 2027.
    zaak = received(zaak)
    assert receipt_context(zaak=zaak)["termijn_wettelijk"] is True
    text = " ".join(pdf_text(receipt_pdf(zaak=zaak)).split())
    assert "Uiterlijke beslisdatum (wettelijke termijn)" in text and "18 januari 2027" in text
    assert "Streefdatum" not in text


def test_receipt_says_streefdatum_without_a_statutory_term(zaak):  # noqa: F811
    # A target of 5 working days from Monday 23 November 2026: Monday 30 November (planned end 27 November).
    zaak = received(zaak, beslistermijn=5, beslistermijn_eenheid="werkdagen", beslistermijn_wettelijk=False)
    assert receipt_context(zaak=zaak)["termijn_wettelijk"] is False
    text = " ".join(pdf_text(receipt_pdf(zaak=zaak)).split())
    assert "Streefdatum" in text and "30 november 2026" in text
    assert "wettelijke termijn" not in text.replace("geen wettelijke beslistermijn", "")
