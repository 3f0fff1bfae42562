"""The automatic grant through the form and check page: besluit, letter, dates, tracker."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zaken.models import Besluit, TermijnGebeurtenis
from zaken.processes.parkeervergunning.models import Parkeervergunning

from .support import SUZANNE, aanvragen, form_url, pdf_text, tracker_url

pytestmark = pytest.mark.django_db


def test_own_car_in_zone_is_granted_without_a_civil_servant(client, digid_login, parkeer_form,
                                                            django_capture_on_commit_callbacks):
    digid_login(SUZANNE)
    page = client.get(form_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Boterdiep 31" in html and "Feijenoord" in html
    start = timezone.localdate() + timedelta(days=10)
    response, vergunning = aanvragen(client, django_capture_on_commit_callbacks,
                                     parkeer_form(kenteken="kss27g", ingangsdatum=start.isoformat()))
    assert response.status_code == 302 and response["Location"] == form_url(step="verzonden")
    assert vergunning.state == Parkeervergunning.State.VERLEEND
    assert vergunning.kenteken == "KSS27G" and vergunning.zone.naam == "Feijenoord"
    assert vergunning.ingangsdatum == start
    assert vergunning.vervaldatum == start.replace(year=start.year + 1) - timedelta(days=1)
    besluit = Besluit.objects.get(zaak=vergunning.zaak)
    assert (besluit.ingangsdatum, besluit.vervaldatum, besluit.verzenddatum) == (
        start, vergunning.vervaldatum, timezone.localdate())
    assert TermijnGebeurtenis.objects.filter(zaak=vergunning.zaak, soort="besloten").count() == 1
    text = pdf_text(besluit.document)
    for expected in (vergunning.vergunningnummer, "KSS-27-G", "Feijenoord", "Parkeerverordening", "bezwaar",
                     "Geldig vanaf"):
        assert expected in text, expected
    tracker = client.get(tracker_url(vergunning)).content.decode()
    assert "KSS-27-G" in tracker and vergunning.vergunningnummer in tracker
