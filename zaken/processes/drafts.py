"""The e-form draft every process keeps in the session, from the first step to the check page.

- A draft is bound to the login that made it (a keyed hash of the BSN, or of KvK + vestiging):
  any other login finds a fresh, empty draft, and the foreign one is deleted with its uploads.
- Uploads are stored through `zaken.concepten`, so logout and the inactivity limit delete them.
- The check page carries a fingerprint of the draft; a final submit of a draft that changed since
  (another tab) is refused and shows the check page again, with the draft as it is now.
- A draft is filed once: a second submit (double click, a second tab) gets the first one's case.

Not a process itself (no apps.py), so process discovery passes it by.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from django.http import HttpRequest
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from zaken.concepten import draft_upload_save, draft_uploads_delete, indiening_eenmalig
from zaken.identity import AuthContext
from zaken.models import Zaak

OWNER = "eigenaar"
KEY = "sleutel"
FINGERPRINT_FIELD = "vingerafdruk"  # the hidden field of every check page
CHANGED = _("Uw gegevens zijn gewijzigd nadat deze pagina werd getoond, bijvoorbeeld in een ander tabblad. "
            "Er is niets verstuurd. Controleer de gegevens hieronder opnieuw en verstuur ze dan.")


def _owner(auth: AuthContext) -> str:
    subject = f"digid:{auth.bsn}" if auth.is_digid else f"eherkenning:{auth.kvk_nummer}:{auth.vestigingsnummer}"
    return salted_hmac("samenloket.concept.eigenaar", subject).hexdigest()


def draft_get(request: HttpRequest, key: str) -> dict:
    """This login's draft under `key`; a new one (stamped, so it can be stored as it is) if none."""
    owner = _owner(request.auth_context)
    draft = request.session.get(key)
    if draft and constant_time_compare(draft.get(OWNER, ""), owner):
        return draft
    if draft:
        draft_discard(request, key)  # another login's draft: never shown, never filed
    return {OWNER: owner, KEY: uuid.uuid4().hex}


def draft_started(draft: dict) -> bool:
    return bool(set(draft) - {OWNER, KEY})


def draft_upload(request: HttpRequest, key: str, content: bytes) -> str:
    """Store an upload of this draft privately; it goes when the draft or the session goes."""
    return draft_upload_save(request.session, draft=key, content=content)


def draft_discard(request: HttpRequest, key: str) -> None:
    draft_uploads_delete(request.session, draft=key)
    request.session.pop(key, None)


def fingerprint(draft: dict) -> str:
    canonical = json.dumps(draft, sort_keys=True, separators=(",", ":"), default=str)
    return salted_hmac("samenloket.concept.vingerafdruk", canonical).hexdigest()


def check_context(draft: dict) -> dict:
    """What every check page template needs: the fingerprint for its hidden field."""
    return {"fingerprint_field": FINGERPRINT_FIELD, "fingerprint": fingerprint(draft)}


def draft_confirmed(request: HttpRequest, draft: dict) -> bool:
    """True when the POST confirms exactly this draft, as the check page showed it."""
    return constant_time_compare(request.POST.get(FINGERPRINT_FIELD, ""), fingerprint(draft))


def already_filed(request: HttpRequest, sent_key: str) -> bool:
    """A repeated POST of a check page whose draft was filed already (back button, double click)."""
    sent = request.session.get(sent_key) or {}
    return bool(sent.get(FINGERPRINT_FIELD)) and constant_time_compare(
        request.POST.get(FINGERPRINT_FIELD, ""), sent[FINGERPRINT_FIELD])


def draft_file(request: HttpRequest, *, key: str, sent_key: str, draft: dict,
               indienen: Callable[[], Zaak]) -> Zaak | None:
    """File the draft once through `indienen` (which reads the uploads: only the first call runs it).

    Afterwards the draft and its uploads are gone and `sent_key` names the case for the sent page.
    A process's refusal propagates and leaves the draft as it was.
    """
    zaak, _new = indiening_eenmalig(sleutel=draft[KEY], indienen=indienen)
    draft_discard(request, key)
    if zaak is not None:
        request.session[sent_key] = {"identificatie": zaak.identificatie, "gemeente": zaak.gemeente.slug,
                                     FINGERPRINT_FIELD: fingerprint(draft)}
    return zaak
