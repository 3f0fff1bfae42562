"""Validators shared by the core and the e-forms."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BSN_RE = re.compile(r"^\d{8,9}$")


def is_valid_bsn(value: str) -> bool:
    """Elfproef: weights 9..2 and -1; an 8-digit number gets a leading zero; 000000000 is refused."""
    value = (value or "").strip()
    if not BSN_RE.match(value):
        return False
    value = value.zfill(9)
    if value == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(value, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return total % 11 == 0


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(
            _("Dit is geen geldig burgerservicenummer. Een BSN heeft 9 cijfers en voldoet aan de "
              "elfproef. Controleer het nummer en probeer het opnieuw."),
            code="invalid_bsn",
        )


def is_valid_rsin(value: str) -> bool:
    """An RSIN follows the same elfproef as a BSN."""
    return is_valid_bsn(value)


def validate_rsin(value: str) -> None:
    if not is_valid_rsin(value):
        raise ValidationError(_("Dit is geen geldig RSIN (9 cijfers, elfproef)."), code="invalid_rsin")


KVK_RE = re.compile(r"^\d{8}$")
VESTIGING_RE = re.compile(r"^\d{12}$")
GEMEENTECODE_RE = re.compile(r"^\d{4}$")


def validate_kvk_nummer(value: str) -> None:
    if not KVK_RE.match(value or ""):
        raise ValidationError(_("Een KvK-nummer heeft 8 cijfers."), code="invalid_kvk")


def validate_vestigingsnummer(value: str) -> None:
    if value and not VESTIGING_RE.match(value):
        raise ValidationError(_("Een vestigingsnummer heeft 12 cijfers."), code="invalid_vestiging")


def validate_gemeentecode(value: str) -> None:
    if not GEMEENTECODE_RE.match(value or ""):
        raise ValidationError(_("Een CBS-gemeentecode heeft 4 cijfers, bijvoorbeeld 0518."))


# Bidirectional control characters: they can make text read differently from what it says
# ("Trojan Source"), e.g. a file name "rapport\u202efdp.exe" that shows as "rapportexe.pdf".
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_TABLE = str.maketrans("", "", BIDI_CONTROLS)


def strip_bidi(value):
    """Remove bidi control characters from a string; anything else passes unchanged."""
    return value.translate(_BIDI_TABLE) if isinstance(value, str) else value


def cut_filename(name: str, max_length: int) -> str:
    """Strip bidi controls and path parts, and cut a file name to max_length keeping its extension."""
    name = strip_bidi(name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    if len(name) <= max_length:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) + 1 >= max_length:
        return name[:max_length]
    return stem[:max_length - len(extension) - 1] + "." + extension
