"""Outcome letters of the processes: render once with the municipality's style, store as a document."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from ..models import Document, Zaak
from ..services import document_store
from .render import LETTER_TIMEZONE, pdf_render

LANG = "nl"


def letter_create(*, zaak: Zaak, kenmerk: str, template: str, titel: str, context: dict,
                  soort: str = Document.Soort.BRIEF, bestandsnaam: str = "") -> Document:
    """Idempotent on (zaak, kenmerk): a retried task returns the stored letter without rendering."""
    existing = Document.objects.filter(zaak=zaak, kenmerk=kenmerk).first()
    if existing:
        return existing
    with translation.override(LANG), timezone.override(LETTER_TIMEZONE):
        content = pdf_render(template=template, context={"zaak": zaak, "datum": timezone.localdate(), **context},
                             gemeente=zaak.gemeente, title=titel, lang=LANG)
    try:
        with transaction.atomic():
            return document_store(zaak=zaak, soort=soort, kenmerk=kenmerk, titel=titel, content=content,
                                  bestandsnaam=bestandsnaam or f"{kenmerk}-{zaak.identificatie}.pdf",
                                  formaat="application/pdf")
    except IntegrityError:
        return Document.objects.get(zaak=zaak, kenmerk=kenmerk)
