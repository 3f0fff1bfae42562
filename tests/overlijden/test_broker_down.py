"""A broker that is down when the verlof queues the BRP work: the registration waits, nothing is lost."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.utils import timezone
from kombu.exceptions import OperationalError

from zaken.processes.overlijden.tasks import brp_verwerken
from zaken.timers import sweep

from .helpers import file_death, work_task

pytestmark = pytest.mark.django_db

BEHANDELAAR = "behandelaar-rotterdam"


def test_refused_message_is_sent_again_by_the_sweep(client, demo, rechten, settings,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        overlijden = file_death()
    with django_capture_on_commit_callbacks(execute=True):
        work_task(client, overlijden, "controleren", {"uitkomst": "compleet"}, BEHANDELAAR)
        work_task(client, overlijden, "akte", {"bevestigd": "on"}, BEHANDELAAR)
    with mock.patch.object(brp_verwerken, "apply_async", side_effect=OperationalError("broker down")):
        with django_capture_on_commit_callbacks(execute=True):
            response = work_task(client, overlijden, "verlof", {"bevestigd": "on"}, BEHANDELAAR)
    assert response.status_code in (200, 302)  # the civil servant's page, not a 500
    overlijden.refresh_from_db()
    assert overlijden.state == "verlof_verstrekt" and overlijden.brp_volgende_poging is not None
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.REGISTER_WORK_SAFETY_NET_SECONDS + 60)):
        with django_capture_on_commit_callbacks(execute=True):
            sweep()
    overlijden.refresh_from_db()
    assert overlijden.state == "verwerkt_brp"
