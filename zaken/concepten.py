"""The parts of e-form drafts the core owns: their uploads and their single filing.

Uploads are stored privately under DRAFT_DIR and listed, per draft, in one session key, so that
logout, the inactivity limit and a new login delete them with the session; the sweep removes what
a closed browser leaves behind. A draft is filed at most once: its key claims one Indiening row.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from .models import Indiening, Zaak

DRAFT_DIR = "concepten"  # uploads of e-forms that are not sent yet (private storage)
UPLOADS_SESSION_KEY = "samenloket.concept_uploads"  # {draft key: [storage paths]}


def draft_upload_save(session, *, draft: str, content: bytes) -> str:
    """Store an upload of the draft `draft` and register it in the session that made it."""
    path = default_storage.save(f"{DRAFT_DIR}/{uuid.uuid4().hex}", ContentFile(content))
    registered = dict(session.get(UPLOADS_SESSION_KEY) or {})
    registered[draft] = [*registered.get(draft, []), path]
    session[UPLOADS_SESSION_KEY] = registered
    return path


def draft_uploads_delete(session, *, draft: str | None = None) -> int:
    """Delete the uploads the session registered for `draft` (for every draft without one)."""
    registered = dict(session.get(UPLOADS_SESSION_KEY) or {})
    doomed = list(registered) if draft is None else [draft]
    count = 0
    for name in doomed:
        for path in registered.pop(name, []):
            if path.startswith(f"{DRAFT_DIR}/"):  # never anything outside the draft directory
                default_storage.delete(path)
                count += 1
    if registered:
        session[UPLOADS_SESSION_KEY] = registered
    else:
        session.pop(UPLOADS_SESSION_KEY, None)
    return count


def indiening_eenmalig(*, sleutel: str, indienen: Callable[[], Zaak]) -> tuple[Zaak | None, bool]:
    """File a draft once: (its case, True) the first time, (the same case, False) on every repeat.

    The claim and the case commit together. A concurrent second call blocks on the unique key
    until the first commits, then gets its case; if the first failed, the second files itself.
    """
    with transaction.atomic():
        claim, created = Indiening.objects.get_or_create(sleutel=sleutel)
        if not created:
            return claim.zaak, False
        zaak = indienen()
        claim.zaak = zaak
        claim.save(update_fields=["zaak"])
        return zaak, True
