"""Outcome letters of the processes: render once with the municipality's style, store as a document."""

from __future__ import annotations

from typing import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from ..models import Document, Zaak
from ..services import document_store
from .render import LETTER_TIMEZONE, pdf_render

LANG = "nl"


def store_once(*, zaak: Zaak, kenmerk: str, render: Callable[[], bytes], titel: str, soort: str,
               bestandsnaam: str) -> Document:
    """Idempotent on (zaak, kenmerk): a retried task returns the stored letter without rendering again."""
    existing = Document.objects.filter(zaak=zaak, kenmerk=kenmerk).first()
    if existing:
        return existing
    content = render()
    try:
        with transaction.atomic():
            return document_store(zaak=zaak, soort=soort, kenmerk=kenmerk, titel=titel, content=content,
                                  bestandsnaam=bestandsnaam, formaat="application/pdf")
    except IntegrityError:
        # A concurrent run of the task stored it first (unique zaak + kenmerk): keep that one.
        return Document.objects.get(zaak=zaak, kenmerk=kenmerk)


def letter_create(*, zaak: Zaak, kenmerk: str, template: str, titel: str, context: dict,
                  soort: str = Document.Soort.BRIEF, bestandsnaam: str = "") -> Document:
    def render() -> bytes:
        with translation.override(LANG), timezone.override(LETTER_TIMEZONE):
            return pdf_render(template=template, context={"zaak": zaak, "datum": timezone.localdate(), **context},
                              gemeente=zaak.gemeente, title=titel, lang=LANG)

    return store_once(zaak=zaak, kenmerk=kenmerk, render=render, titel=titel, soort=soort,
                      bestandsnaam=bestandsnaam or f"{kenmerk}-{zaak.identificatie}.pdf")
