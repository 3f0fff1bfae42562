"""The renewal end to end through the test client: form, payment, RDW, pickup letter, counter."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from zaken.models import Betaling, Document
from zaken.processes.rijbewijs.afhaalcode import afhaalcode
from zaken.processes.rijbewijs.models import Rijbewijs, Uitreikpoging
from zaken.timers import sweep

from .helpers import FORM, SUZANNE, aanvragen, betalen

pytestmark = pytest.mark.django_db


def test_midden_is_too_low(client, demo, digid_login):
    digid_login(SUZANNE, level="midden")
    assert client.get(FORM).status_code == 403


def test_form_shows_the_licence_and_new_dates(client, balies, digid_login):
    digid_login(SUZANNE, level="substantieel")
    html = client.get(FORM).content.decode()
    assert "Suzanne" in html and "Stadswinkel Centrum" in html and "Coolsingel 40" in html
    assert 'value="B"' in html and 'value="BE"' in html
    assert "€ 51,10" in html


def test_renewal_from_form_to_counter(client, balies, digid_login, rijbewijs_form, admin_client,
                                      django_capture_on_commit_callbacks, mailoutbox):
    digid_login(SUZANNE, level="substantieel")
    with django_capture_on_commit_callbacks(execute=True):
        response, rijbewijs = aanvragen(client, rijbewijs_form())
    assert response.status_code == 302 and "/betalen/mock/" in response["Location"]
    zaak = rijbewijs.zaak
    assert rijbewijs.state == Rijbewijs.State.ONTVANGEN and rijbewijs.leges_cent == 5110
    assert not Document.objects.filter(zaak=zaak).exists()  # the receipt waits for the payment

    with django_capture_on_commit_callbacks(execute=True):
        back = betalen(client, response["Location"])
    assert back.status_code == 302 and back["Location"] == f"/rotterdam/mijn-zaken/{zaak.identificatie}/"
    rijbewijs.refresh_from_db()
    assert rijbewijs.state == Rijbewijs.State.IN_PRODUCTIE and rijbewijs.rdw_order_id
    assert Betaling.objects.get(zaak=zaak).status == Betaling.Status.PAID
    titels = set(Document.objects.filter(zaak=zaak).values_list("kenmerk", flat=True))
    assert {"ontvangstbevestiging", "rijbewijs-betaalbewijs"} <= titels
    tracker = client.get(back["Location"]).content.decode()
    assert "In productie bij RDW" in tracker and "Betaald" in tracker
    assert "Verwacht klaar om af te halen" in tracker

    later = timezone.now() + timedelta(days=5)
    with time_machine.travel(later, tick=False), django_capture_on_commit_callbacks(execute=True):
        sweep()
    rijbewijs.refresh_from_db()
    assert rijbewijs.state == Rijbewijs.State.KLAAR and rijbewijs.afhalen_uiterlijk
    assert Document.objects.filter(zaak=zaak, kenmerk="rijbewijs-afhalen").exists()

    # The counter: scan the code from the letter, a first try without the old licence, then hand out.
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("backoffice_rechten", verbosity=0)
    balie = get_user_model().objects.get(username="behandelaar-rotterdam")
    client.force_login(balie)
    url = f"/behandelen/werklijst/rijbewijs/?locatie={rijbewijs.afhaallocatie_id}"
    page = client.get(url + f"&code={afhaalcode(zaak.identificatie)}")
    assert page.status_code == 200 and "Suzanne" in page.content.decode()
    handover = {"zaak": zaak.identificatie, "locatie": rijbewijs.afhaallocatie_id, "documentsoort": "paspoort",
                "documentnummer": "NX4K8P2L1", "identiteit_vastgesteld": "ja", "oud_rijbewijs_ingenomen": "nee",
                "uitkomst": "uitgereikt", "reden": ""}
    response = client.post(url, handover)
    assert response.status_code == 302
    rijbewijs.refresh_from_db()
    assert rijbewijs.state == Rijbewijs.State.KLAAR
    assert Uitreikpoging.objects.get().uitkomst == Uitreikpoging.Uitkomst.NIET_NU
    response = client.post(url, {**handover, "oud_rijbewijs_ingenomen": "ja"})
    assert response.status_code == 302
    rijbewijs.refresh_from_db()
    assert rijbewijs.state == Rijbewijs.State.UITGEREIKT
    assert Uitreikpoging.objects.filter(uitkomst="uitgereikt", documentnummer_eind="P2L1").count() == 1
    assert zaak.__class__.objects.get(pk=zaak.pk).einddatum is not None
