"""A deceased whose full name is longer than 200 characters (RvIG test set): the registration is filed."""

import pytest

from tests.eform_check import send
from zaken.integrations.registry import get_adapter
from zaken.models import Zaak
from zaken.processes.overlijden.models import Overlijden

from .helpers import FORM, STEP1

pytestmark = pytest.mark.django_db

LONG_NAME = "999993331"  # living in Westland, 230 characters


def test_a_long_name_of_the_deceased_is_filed_whole(client, demo, maas, death_form,
                                                    django_capture_on_commit_callbacks):
    naam = get_adapter("brp").persoon(LONG_NAME)["naam"]["volledigeNaam"]
    assert len(naam) > 200
    assert client.post(FORM, {**STEP1, "bsn": LONG_NAME}).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, FORM + "overlijden/", death_form())
    assert response.status_code == 302 and response["Location"].endswith("/verzonden/")
    overlijden = Overlijden.objects.get(overledene_bsn=LONG_NAME)
    assert naam in overlijden.zaak.gegevens["Overledene"]
    zaak = Zaak.objects.get(pk=overlijden.zaak_id)  # the description is shortened, not the records
    assert len(zaak.omschrijving) <= 200 and zaak.omschrijving.endswith("…")
