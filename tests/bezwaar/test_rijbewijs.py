"""A bezwaar on the refusal of a driving licence at the counter: the burgemeester decided, so the form and the
beslissing op bezwaar name the burgemeester, not the college."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.rijbewijs.conftest import balies, rijbewijs_form  # noqa: F401 (fixtures)
from tests.rijbewijs.helpers import SUZANNE, aan_balie_weigeren, aanvragen_en_betalen
from zaken.processes.bezwaar.models import Bezwaar
from zaken.timers import sweep

from .helpers import bezwaar_data, form_url

pytestmark = pytest.mark.django_db


def test_bezwaar_on_a_refused_licence_goes_to_the_burgemeester(client, balies, digid_login, rijbewijs_form, rechten,
                                                                django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    rijbewijs = aanvragen_en_betalen(client, rijbewijs_form(), django_capture_on_commit_callbacks)
    with time_machine.travel(timezone.now() + timedelta(days=5), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            sweep()
            aan_balie_weigeren(client, rijbewijs, "Niet de aanvrager.")
        client.logout()
        besluit = rijbewijs.zaak.besluiten.get()
        assert besluit.bestuursorgaan == "de burgemeester van Rotterdam"
        page = digid_login(SUZANNE, level="substantieel").get(form_url(rijbewijs.zaak))
        assert "Uw bezwaar gaat naar de burgemeester van Rotterdam" in page.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(form_url(rijbewijs.zaak), bezwaar_data(gronden="Ik was het echt."))
    assert response.status_code == 302
    bezwaar = Bezwaar.objects.get()
    assert bezwaar.besluit == besluit and bezwaar.zaak.initiator_bsn == SUZANNE
