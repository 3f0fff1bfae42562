"""Refusing the card at the counter is a besluit: a letter with the reason and the bezwaar clause."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone, translation
from django.utils.formats import date_format

from zaken.models import Besluit, Document
from zaken.processes.rijbewijs.models import Rijbewijs
from zaken.termijnen_awb import bezwaartermijn_einde
from zaken.timers import sweep

from .helpers import SUZANNE, aan_balie_weigeren, aanvragen_en_betalen
from .test_receipt import pdf_text

pytestmark = pytest.mark.django_db


def test_refusal_letter_states_reason_and_bezwaar_date(client, balies, digid_login, rijbewijs_form, rechten,
                                                       django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    rijbewijs = aanvragen_en_betalen(client, rijbewijs_form(), django_capture_on_commit_callbacks)
    with time_machine.travel(timezone.now() + timedelta(days=5), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        sweep()
        response = aan_balie_weigeren(client, rijbewijs,
                                      "De foto op de identiteitskaart is niet van de persoon aan de balie.")
        vandaag = timezone.localdate()
    assert response.status_code == 302
    rijbewijs.refresh_from_db()
    assert rijbewijs.state == Rijbewijs.State.AFGEWEZEN
    assert Besluit.objects.filter(zaak=rijbewijs.zaak).exists()
    text = pdf_text(Document.objects.get(zaak=rijbewijs.zaak, kenmerk="rijbewijs-geweigerd"))
    assert "niet van de persoon aan de balie" in text and "bezwaar" in text
    assert "naar de burgemeester van Rotterdam" in text and "artikel 6:5" in text
    with translation.override("nl"):
        assert date_format(bezwaartermijn_einde(verzonden=vandaag, weken=6), "j F Y") in text
