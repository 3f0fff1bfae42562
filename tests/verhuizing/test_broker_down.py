"""A broker that is down when the move date's timer queues the BRP work: the move waits, nothing is lost."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.utils import timezone
from kombu.exceptions import OperationalError

from zaken.processes.verhuizing.tasks import brp_verwerken
from zaken.timers import sweep

from .helpers import file_move

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"


def test_refused_message_is_sent_again_by_the_sweep(demo, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=SUZANNE, postcode="3035AW", huisnummer=60, days=1)
    moment = timezone.now() + timedelta(days=2)
    with time_machine.travel(moment), \
            mock.patch.object(brp_verwerken, "apply_async", side_effect=OperationalError("broker down")):
        with django_capture_on_commit_callbacks(execute=True):
            sweep()  # the timer fires and queues the BRP work; the broker refuses it
    verhuizing.refresh_from_db()
    assert verhuizing.state == "ingepland" and verhuizing.brp_volgende_poging is not None
    with time_machine.travel(moment + timedelta(seconds=settings.REGISTER_WORK_SAFETY_NET_SECONDS - 60)):
        with django_capture_on_commit_callbacks(execute=True):
            sweep()  # not due yet: the message may still be on its way
    verhuizing.refresh_from_db()
    assert verhuizing.state == "ingepland"
    with time_machine.travel(moment + timedelta(seconds=settings.REGISTER_WORK_SAFETY_NET_SECONDS + 60)):
        with django_capture_on_commit_callbacks(execute=True):
            sweep()
    verhuizing.refresh_from_db()
    assert verhuizing.state == "verwerkt"
