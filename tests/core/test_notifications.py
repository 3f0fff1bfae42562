"""E-mail is not a secure channel: a message names no one but its addressee, and no BSN at all."""

import re
import pytest
from django.core import mail

from tests.overlijden.helpers import PERSOON, file_death, work_task
from zaken.verzoeken import verzoeken_bewaken

pytestmark = pytest.mark.django_db

BEHANDELAAR = "behandelaar-rotterdam"


@pytest.fixture
def rechten(demo):
    from django.core.management import call_command

    call_command("backoffice_rechten", verbosity=0)


def test_death_registration_mails_carry_no_data_of_the_deceased(client, demo, rechten,
                                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death()
    with django_capture_on_commit_callbacks(execute=True):
        work_task(client, overlijden, "controleren", {"uitkomst": "onvolledig", "vraag": "Stuur het A-formulier."},
                  BEHANDELAAR)
    verzoek = overlijden.zaak.verzoeken.get()
    with django_capture_on_commit_callbacks(execute=True):
        verzoeken_bewaken(today=verzoek.termijn)  # the reminder, on the last day of the term

    subjects = [m.subject for m in mail.outbox]
    assert len(subjects) == 3, subjects  # the receipt, the request for documents, the reminder
    naam = overlijden.overledene["naam"]
    name_parts = [part for part in re.split(r"\W+", naam) if len(part) > 2]
    assert name_parts
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        assert PERSOON not in text
        assert not re.search(r"\b\d{9}\b", text), "no BSN-like number in an e-mail"
        for part in name_parts:
            assert part not in text, f"{part!r} of the deceased's name is in {message.subject!r}"
        assert message.to == ["uitvaart@example.nl"]
