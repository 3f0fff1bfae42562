"""A municipality's house style for print, derived from its theme without trusting raw CSS.

Print cannot reuse the web token files: they chain hundreds of ``var()`` references and name
web fonts that are not installed on the render host. So a letter gets a handful of colours and
two font stacks:

- ``package`` themes use the built-in palette below, taken once from the open-licence token
  packages (values resolved by hand from their ``theme.css``/``index.css``);
- ``database`` themes read a few well-known tokens from ``gemeente.theme_tokens``. Every value
  is parsed and re-serialised by us (colours as ``#rrggbb``, fonts from a whitelist), so no
  character typed by an administrator ever reaches the stylesheet.

Colours used for text must keep a 4.5:1 contrast on white (WCAG 1.4.3); weaker values fall back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Families installed by Debian's fonts-dejavu-core / fonts-dejavu-extra (see render.py).
SANS = "DejaVu Sans"
SERIF = "DejaVu Serif"
FONT_WHITELIST = {
    "dejavu sans": SANS,
    "dejavu sans condensed": "DejaVu Sans Condensed",
    "dejavu serif": SERIF,
    "dejavu serif condensed": "DejaVu Serif Condensed",
}
# Generic keywords keep the theme's intent (serif or not) when its web font is not installed.
GENERIC_FONTS = {"sans-serif": SANS, "system-ui": SANS, "serif": SERIF}

MIN_TEXT_CONTRAST = 4.5


@dataclass(frozen=True)
class PrintStyle:
    text: str = "#1a1a1a"
    heading: str = "#1a1a1a"
    accent: str = "#1d4ed8"  # letterhead rule and table lines: decoration, not text
    font_body: str = SANS
    font_heading: str = SANS

    def css(self) -> str:
        """The theme layer on top of print.css; every value here was normalised by this module."""
        body = _font_stack(self.font_body)
        heading = _font_stack(self.font_heading)
        return (
            f"html {{ color: {self.text}; font-family: {body}; }}\n"
            f"h1, h2, h3, .sl-letterhead__name {{ color: {self.heading}; font-family: {heading}; }}\n"
            f".sl-letterhead {{ border-bottom-color: {self.accent}; }}\n"
            f".sl-facts th, .sl-facts td {{ border-bottom-color: {self.accent}; }}\n"
            f".sl-notice {{ border-left-color: {self.accent}; }}\n"
            f"@page {{ @bottom-left {{ color: {self.text}; font-family: {body}; }}"
            f" @bottom-right {{ color: {self.text}; font-family: {body}; }}"
            f" @top-right {{ color: {self.text}; font-family: {body}; }} }}\n"
        )


# Resolved from @nl-design-system-unstable/voorbeeld-design-tokens 7.4.1 and
# @gemeente-denhaag/design-tokens-components 4.1.0 (both EUPL-1.2). Web fonts (Noto, TheSans)
# are not on the render host, so the generic family they fall back to is used instead.
PACKAGE_STYLES = {
    "voorbeeld": PrintStyle(text="#001a40", heading="#1d0857", accent="#5115ef",
                            font_body=SANS, font_heading=SERIF),
    "denhaag": PrintStyle(text="#2e2e2e", heading="#2e2e2e", accent="#238541",
                          font_body=SANS, font_heading=SANS),
}
DEFAULT_PACKAGE = "voorbeeld"

# Database tokens read for each print role, first valid one wins.
TOKENS_TEXT = ("--utrecht-document-color", "--basis-color-default-color-document")
TOKENS_HEADING = ("--utrecht-heading-color", "--basis-color-accent-1-color-document")
TOKENS_ACCENT = ("--utrecht-page-header-border-color", "--basis-color-accent-1-color-default",
                 "--of-color-primary", "--utrecht-link-color")
TOKENS_FONT_BODY = ("--utrecht-document-font-family", "--basis-text-font-family-default")
TOKENS_FONT_HEADING = ("--utrecht-heading-font-family", "--basis-heading-font-family")


def print_style(gemeente) -> PrintStyle:
    """The print style of a municipality (or the default style for None)."""
    if gemeente is None:
        return PACKAGE_STYLES[DEFAULT_PACKAGE]
    if gemeente.theme_kind == "database":
        return _from_tokens(gemeente.theme_tokens or {}, base=PACKAGE_STYLES[DEFAULT_PACKAGE])
    return PACKAGE_STYLES.get(gemeente.theme_package) or PACKAGE_STYLES[DEFAULT_PACKAGE]


def _from_tokens(tokens: dict, *, base: PrintStyle) -> PrintStyle:
    if not isinstance(tokens, dict):
        return base
    # Headings follow the theme's text colour/font when it sets those but no heading values.
    text = _first(tokens, TOKENS_TEXT, _text_colour)
    font_body = _first(tokens, TOKENS_FONT_BODY, parse_font_family)
    return replace(
        base,
        text=text or base.text,
        heading=_first(tokens, TOKENS_HEADING, _text_colour) or text or base.heading,
        accent=_first(tokens, TOKENS_ACCENT, parse_colour) or base.accent,
        font_body=font_body or base.font_body,
        font_heading=_first(tokens, TOKENS_FONT_HEADING, parse_font_family) or font_body or base.font_heading,
    )


def _first(tokens: dict, names: tuple[str, ...], parse) -> str | None:
    for name in names:
        value = tokens.get(name)
        if isinstance(value, str) and (parsed := parse(value)):
            return parsed
    return None


# --- colours --------------------------------------------------------------------------------

HEX_RE = re.compile(r"#([0-9a-f]{3}|[0-9a-f]{6})", re.IGNORECASE)
RGB_RE = re.compile(r"rgba?\(\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*[, ]\s*(\d{1,3})"
                    r"(?:\s*[,/]\s*(?:1|1\.0+|100%))?\s*\)", re.IGNORECASE)


def parse_colour(value: str) -> str | None:
    """``#rgb``, ``#rrggbb`` or an opaque ``rgb()`` as ``#rrggbb``; anything else is None."""
    value = value.strip()
    if m := HEX_RE.fullmatch(value):
        digits = m[1].lower()
        return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))
    if m := RGB_RE.fullmatch(value):
        channels = [int(c) for c in m.groups()]
        if all(c <= 255 for c in channels):
            return "#" + "".join(f"{c:02x}" for c in channels)
    return None


def contrast_on_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of a ``#rrggbb`` colour against white."""
    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def _text_colour(value: str) -> str | None:
    colour = parse_colour(value)
    return colour if colour and contrast_on_white(colour) >= MIN_TEXT_CONTRAST else None


# --- fonts ----------------------------------------------------------------------------------

FONT_VALUE_RE = re.compile(r"[A-Za-z0-9 ,'\"-]{1,200}")


def parse_font_family(value: str) -> str | None:
    """The first whitelisted family of a CSS font stack (generic keywords map to DejaVu)."""
    if not FONT_VALUE_RE.fullmatch(value.strip()):
        return None
    for part in value.split(","):
        name = part.strip()
        if len(name) >= 2 and name[0] == name[-1] and name[0] in "'\"":
            name = name[1:-1].strip()
        key = name.lower()
        if key in FONT_WHITELIST:
            return FONT_WHITELIST[key]
        if key in GENERIC_FONTS:
            return GENERIC_FONTS[key]
    return None


def _font_stack(family: str) -> str:
    # Only whitelisted names reach here; the generic fallback keeps text readable if one is missing.
    generic = "serif" if "serif" in family.lower() and "sans" not in family.lower() else "sans-serif"
    return f'"{family}", {generic}'
