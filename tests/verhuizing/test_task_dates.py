"""The answer term in the move's assessment task: malformed, absurd, past or too far is a field error."""

import pytest

from zaken.models import Verzoek
from zaken.processes.verhuizing.flows import VerhuizingFlow

from tests.overlijden.test_task_dates import as_date, post_task

from .helpers import file_move

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"


@pytest.mark.parametrize("termijn, message", [
    ("99999-01-01", "Vul een geldige datum in"),
    ("0001-01-01", "Vul een geldige datum in"),
    (-1, "in de toekomst liggen"),
    (57, "hoogstens 56 dagen"),
])
def test_verhuizing_request_term_is_checked(client, demo, rechten, django_capture_on_commit_callbacks, termijn,
                                            message):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=SUZANNE, postcode="3034CJ", huisnummer=50, days=3)  # goes to staff
    response = post_task(client, verhuizing, VerhuizingFlow, "beoordelen",
                         {"besluit": "aanvulling", "vraag": "Stuur uw huurcontract.", "termijn": as_date(termijn)})
    assert response.status_code == 200 and message in response.content.decode()
    verhuizing.refresh_from_db()
    assert verhuizing.state == "in_behandeling" and not Verzoek.objects.exists()
