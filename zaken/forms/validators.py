"""Validators the e-forms share: uploads (type by content, size), postcode, huisnummer, bidi controls."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaken.validators import strip_bidi

# Sniffed from the first bytes: the name and the browser's content type can lie.
SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
}
# Django's own file-field messages, in words that say what to do; for every upload field.
UPLOAD_ERROR_MESSAGES = {
    "empty": gettext_lazy("Het bestand is leeg. Kies een ander bestand."),
    "invalid": gettext_lazy("Er is geen bestand ontvangen. Kies het bestand opnieuw."),
    "missing": gettext_lazy("Er is geen bestand ontvangen. Kies het bestand opnieuw."),
}
EXTENSIONS = {"application/pdf": (".pdf",), "image/jpeg": (".jpg", ".jpeg"), "image/png": (".png",)}


def sniff_content_type(upload) -> str | None:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for content_type, prefixes in SIGNATURES.items():
        if head.startswith(prefixes):
            return content_type
    return None


def validate_upload(upload, *, allowed=("application/pdf", "image/jpeg", "image/png"), max_bytes=None) -> str:
    """Check size and real type; returns the sniffed content type."""
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("Het bestand is te groot (%(size)s). Het mag maximaal %(max)s zijn. Maak het bestand kleiner, "
              "bijvoorbeeld door een scan met een lagere resolutie te maken.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)}, code="too_large")
    if upload.size == 0:
        raise ValidationError(_("Het bestand is leeg. Kies een ander bestand."), code="empty")
    content_type = sniff_content_type(upload)
    name = (upload.name or "").lower()
    if content_type not in allowed or not name.endswith(EXTENSIONS[content_type]):
        raise ValidationError(
            _("Dit bestandstype kunnen wij niet aannemen. Upload een PDF, JPG of PNG."), code="bad_type")
    return content_type


POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$")


def normalise_postcode(value: str) -> str:
    match = POSTCODE_RE.match(value or "")
    if not match or match.group(2).upper() in {"SA", "SD", "SS"}:
        raise ValidationError(_("Vul een geldige postcode in, bijvoorbeeld 2511 BT."), code="invalid_postcode")
    return f"{match.group(1)}{match.group(2).upper()}"


def strip_bidi_fields(form) -> None:
    """Make every free-text field of this form instance drop bidi control characters when it cleans."""
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and not getattr(field, "_strips_bidi", False):
            to_python = field.to_python
            field.to_python = lambda value, _to_python=to_python: _to_python(strip_bidi(value))
            field._strips_bidi = True


class StripBidiMixin:
    """For a form whose free text must not carry bidi control characters (see zaken.validators)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        strip_bidi_fields(self)
