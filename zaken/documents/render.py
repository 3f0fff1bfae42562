"""Render a letter template to an archival, tagged PDF in the municipality's house style.

PDF variant: ``pdf/a-2a``. WeasyPrint 70 offers the PDF/A "a" (accessible) conformance levels
(``pdf/a-1a``, ``-2a``, ``-3a``, added after Kozea/WeasyPrint#2574) besides ``pdf/ua-1``/``-2``.
Level A is the one variant that is both archival and tagged: it turns on ``pdf_tags`` (a
structure tree from the HTML: H1/H2, Table/TH, L, Figure with alt text), requires Unicode text,
and adds what PDF/A needs (sRGB output intent, file identifier, XMP with ``pdfaid:part=2``,
``pdfaid:conformance=A``). We take part 2 rather than 3 because letters carry no attachments
and PDF/A-3's arbitrary embedded files are what archives accept least; part 1 forbids
transparency (logos) and part 4 is PDF 2.0, which viewers and validators support less.
``pdf/ua-1`` alone would give tagging without the archival identification. WeasyPrint calls
its PDF/A and PDF/UA output experimental, so run veraPDF on a sample in CI before relying on it.

Fonts: DejaVu Sans/Serif from Debian's ``fonts-dejavu-core`` (Sans Condensed and Serif
Condensed from ``fonts-dejavu-extra``), found through fontconfig; WeasyPrint embeds subsets.

Resources: the letter must never reach the network or the file system of the host. The logo
is read through its storage and inlined as a ``data:`` URL, and the URL fetcher allows the
``data`` scheme only, so ``http(s)``, ``file`` and ``ftp`` are refused (also inside SVG logos).
"""

from __future__ import annotations

import base64
import logging
import re
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from .style import print_style

logger = logging.getLogger(__name__)

PDF_VARIANT = "pdf/a-2a"
LETTER_TIMEZONE = ZoneInfo("Europe/Amsterdam")  # Dutch letters state Dutch time, whatever the host
PRINT_CSS = Path(__file__).resolve().parent.parent / "static" / "zaken" / "pdf" / "print.css"
LOGO_MAX_BYTES = 1024 * 1024
GENERATOR = "Samenloket"


class LocalOnlyFetcher(URLFetcher):
    """Fetch ``data:`` URLs only; a letter never loads anything from the network or disk."""

    def __init__(self):
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, timeout=1)


def pdf_render(*, template: str, context: dict, gemeente, title: str, lang: str = "nl") -> bytes:
    """Render ``template`` (extending zaken/pdf/base.html) to PDF/A-2a bytes."""
    html = html_render(template=template, context=context, gemeente=gemeente, title=title, lang=lang)
    fetcher = LocalOnlyFetcher()
    with translation.override(lang):
        letter_css = print_style(gemeente).css() + _margin_css(gemeente)
    stylesheets = [_print_css(), CSS(string=letter_css, url_fetcher=fetcher)]
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        pdf_variant=PDF_VARIANT, stylesheets=stylesheets, uncompressed_pdf=False)


def html_render(*, template: str, context: dict, gemeente, title: str, lang: str = "nl") -> str:
    """The HTML the PDF is made from: Dutch (or ``lang``) text, Amsterdam time."""
    with translation.override(lang), timezone.override(LETTER_TIMEZONE):
        return render_to_string(template, {
            **context,
            "gemeente": gemeente,
            "title": title,
            "lang": lang,
            "afzender": sender_name(gemeente),
            "logo_src": logo_data_url(gemeente),
            "generator": GENERATOR,
            "created": timezone.localtime().replace(microsecond=0).isoformat(),
        })


def sender_name(gemeente) -> str:
    """ "Gemeente Utrecht", without doubling a name that already says so."""
    naam = (gemeente.naam if gemeente else "").strip()
    if not naam or naam.lower().startswith("gemeente "):
        return naam
    return gettext("Gemeente %(naam)s") % {"naam": naam}


def logo_data_url(gemeente) -> str:
    """The logo as a data URL read through its own storage, or "" (the template prints the name)."""
    if gemeente is None or not gemeente.logo:
        return ""
    try:
        with gemeente.logo.open("rb") as fh:
            data = fh.read(LOGO_MAX_BYTES + 1)
    except OSError:
        logger.warning("logo of gemeente %s cannot be read; using its name", gemeente.pk)
        return ""
    mime = _image_type(data)
    if len(data) > LOGO_MAX_BYTES or mime is None:
        logger.warning("logo of gemeente %s is too large or not an image; using its name", gemeente.pk)
        return ""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _image_type(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg")) and b"<svg" in head:
        return "image/svg+xml"
    return None


@lru_cache(maxsize=1)
def _print_css() -> CSS:
    # Parsed once per process: the layout sheet is the same for every letter.
    return CSS(string=PRINT_CSS.read_text(encoding="utf-8"), url_fetcher=LocalOnlyFetcher())


def _margin_css(gemeente) -> str:
    """Footer (sender and contact), "pagina X van Y" and the running case number, as CSS strings.

    Built here rather than in the template because margin boxes only take CSS strings; every
    database value goes through css_string().
    """
    contact = []
    if gemeente is not None:
        website = re.sub(r"^https?://", "", gemeente.website or "").rstrip("/")  # shorter, still typeable
        contact = [gemeente.contact_telefoon, gemeente.contact_email, website]
    # Two lines on purpose (print.css sets pre-line): the sender, then how to reach it.
    footer = css_string(sender_name(gemeente) + "\n" + "  ·  ".join(p.strip() for p in contact if p and p.strip()))
    pages = re.split(r"(%\((?:page|pages)\)s)", gettext("pagina %(page)s van %(pages)s"))
    numbering = " ".join(
        {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}.get(part) or css_string(part)
        for part in pages if part)
    running = css_string(gettext("Zaaknummer") + " ")
    return (f"@page {{ @bottom-left {{ content: {footer}; }} @bottom-right {{ content: {numbering}; }} }}\n"
            f".sl-kenmerk {{ string-set: kenmerk {running} content(); }}\n")


def css_string(text: str) -> str:
    """A CSS string literal; every character outside plain text is escaped as hex."""
    return '"' + "".join(ch if ch.isalnum() or ch in " .,-:@" else f"\\{ord(ch):x} " for ch in text) + '"'
