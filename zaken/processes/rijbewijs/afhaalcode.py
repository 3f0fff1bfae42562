"""The pickup code on the letter: the case number with a keyed check, so a scan finds the case and a
typing error or a forged letter is noticed. It holds no personal data."""

from __future__ import annotations

import base64
import re

import segno
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "samenloket.rijbewijs.afhaalcode"
CODE_RE = re.compile(r"^([A-Za-z]+-\d{4}-\d{7})(?:\.([0-9a-fA-F]{10}))?$")


def _check(identificatie: str) -> str:
    return salted_hmac(SALT, identificatie).hexdigest()[:10]


def afhaalcode(identificatie: str) -> str:
    return f"{identificatie}.{_check(identificatie)}"


def lees_code(text: str) -> tuple[str, bool] | None:
    """(case number, whether a check was given and correct), or None when the text is neither.

    A bare case number (typed at the counter) is accepted with False; a scanned code must check out.
    """
    match = CODE_RE.match((text or "").strip()[:40])
    if not match:
        return None
    identificatie, check = match.group(1).upper(), match.group(2)
    if check is None:
        return identificatie, False
    if not constant_time_compare(check.lower(), _check(identificatie)):
        return None
    return identificatie, True


def qr_data_url(identificatie: str) -> str:
    """The pickup code as an SVG QR code in a data URL, for the letter (WeasyPrint renders it offline)."""
    svg = segno.make(afhaalcode(identificatie), error="m").svg_inline(scale=4, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
