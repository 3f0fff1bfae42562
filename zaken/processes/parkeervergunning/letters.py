"""Letters of besluiten taken at filing: rendered by the worker after the commit, sent again by the sweep."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.documents.besluit import besluit_document_maken
from zaken.models import Besluit, Document
from zaken.queueing import send_after_commit

from .definition import SLUG
from .models import Parkeervergunning
from .services import BESLUIT_TEMPLATE, beslissing_verleend, beslissing_wachtlijst, brief_context


def besluit_brief_maken(*, besluit_id: int, beslissing: str) -> Document:
    """The letter of a besluit taken at filing (idempotent: stored once per besluit)."""
    besluit = Besluit.objects.select_related("zaak__gemeente").get(pk=besluit_id)
    vergunning = Parkeervergunning.objects.select_related("zone", "zaak__gemeente").get(zaak_id=besluit.zaak_id)
    return besluit_document_maken(besluit=besluit, template=BESLUIT_TEMPLATE,
                                  context=brief_context(vergunning, beslissing=beslissing))


BRIEF_GRACE = timedelta(minutes=5)


def besluitbrieven_inhalen() -> int:
    """The sweep: letters of besluiten taken at filing that a broker outage lost, sent again."""
    from .tasks import besluit_brief  # local: tasks import this module

    besluiten = (Besluit.objects.filter(document__isnull=True, zaak__zaaktype__process_slug=SLUG,
                                        zaak__registratiedatum__lt=timezone.now() - BRIEF_GRACE)
                 .select_related("zaak"))
    count = 0
    for besluit in besluiten:
        vergunning = Parkeervergunning.objects.select_related("zaak", "zone").get(zaak_id=besluit.zaak_id)
        wachtlijst = besluit.besluittype == str(_("Plaatsing op de wachtlijst"))
        send_after_commit(besluit_brief, besluit_id=besluit.pk,
                          beslissing=beslissing_wachtlijst(vergunning) if wachtlijst else beslissing_verleend(vergunning))
        count += 1
    return count
