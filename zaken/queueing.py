"""Work for the Celery worker, sent when the transaction commits and never at the request's expense.

A broker that is down must not turn a filed case into an error page: the case is committed by then.
The send fails fast (no publish retries while a person waits) and is logged; what matters comes back
by itself: receipts through the sweep (`zaken.services.receipts_resend`), register work through each
process's retry sweep. An e-mail of that moment is lost (it says nothing the tracker does not show).
"""

from __future__ import annotations

import logging

from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def send_after_commit(task, **kwargs) -> None:
    """`task.delay(**kwargs)` once the current transaction commits (at once outside one)."""
    def send():
        try:
            task.apply_async(kwargs=kwargs, retry=False)
        except OperationalError:
            logger.warning("Broker unavailable: %s not queued; the sweep retries what must not be lost.", task.name)

    transaction.on_commit(send)
