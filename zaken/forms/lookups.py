"""Looking a person up in the BRP by BSN while a form is filled in: logged and limited per acting subject.

A form that lets its user type someone else's BSN (an undertaker, the deceased's) is a window on the
BRP. Every read goes into the processing log like any other read of personal data, and the number
of look-ups per acting subject is capped per hour (a term of the product) so the form cannot be used
to walk the register. One counter per acting subject, whatever the product or municipality; the cap is
the current product's term. The counter lives in Django's cache: shared by every web process when the
cache is Redis (production), per process with the local-memory default.
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache

from zaken.actors import Actor
from zaken.identity import AuthContext
from zaken.integrations.brp.base import Doel
from zaken.integrations.registry import get_adapter
from zaken.models import AuditLog, Gemeente
from zaken.services import audit_record

WINDOW_SECONDS = 3600


class LookupLimitReached(Exception):
    """The acting subject used up its look-ups for this hour; nothing was read."""


def _subject(auth: AuthContext) -> str:
    """Who is acting, as a cache key part: hashed, so no identifier sits in the cache in the clear."""
    who = auth.acting_subject or f"{auth.kvk_nummer}:{auth.vestigingsnummer}:{auth.bsn}"
    return hashlib.sha256(f"{auth.means}:{who}".encode()).hexdigest()[:32]


def lookup_allowed(*, auth: AuthContext, per_hour: int) -> bool:
    """Count one look-up in the current hour's window; False once the count passes `per_hour`."""
    key = f"brp-opzoeken:{_subject(auth)}:{int(time.time() // WINDOW_SECONDS)}"
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS + 60)
        count = 1
    return count <= per_hour


def persoon_opzoeken(*, bsn: str, auth: AuthContext, gemeente: Gemeente, per_hour: int, reason: str,
                     processing_activity: str, categories: list[str], fields: tuple[str, ...],
                     doelbinding: str) -> dict:
    """The HC persoon of `bsn` with just `fields`, read for `reason` and logged with the pseudonymous
    acting subject; the BRP protocols `doelbinding` and the processing activity.

    Raises LookupLimitReached (nothing read), or the adapter's NotFound / Unavailable.
    """
    if not lookup_allowed(auth=auth, per_hour=per_hour):
        raise LookupLimitReached
    persoon = get_adapter("brp", gemeente).persoon(bsn, fields, doel=Doel(doelbinding, processing_activity))
    kind = AuditLog.Actor.BEDRIJF if auth.is_eherkenning else AuditLog.Actor.BURGER
    who = auth.acting_subject or auth.kvk_nummer or "aanvrager"
    label = f"{auth.company_name} ({who})" if auth.is_eherkenning else who
    audit_record(actor=Actor(kind=kind, label=label, auth=auth), name="brp_opzoeken", operation=AuditLog.Operation.READ,
                 gemeente=gemeente, subject_bsn=bsn, categories=categories, reason=reason,
                 processing_activity=processing_activity)
    return persoon
