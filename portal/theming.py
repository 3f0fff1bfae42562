"""A municipality's look: an open-licence token package, or token values kept in the database."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

DEFAULT_PACKAGE = "voorbeeld"


@dataclass(frozen=True)
class Theme:
    css_class: str
    stylesheets: tuple[str, ...]  # static paths or absolute URLs, in order


def theme_for(gemeente) -> Theme:
    packages = settings.THEME_PACKAGES
    if gemeente is None:
        pkg = packages[DEFAULT_PACKAGE]
        return Theme(pkg["class"], tuple(pkg["css"]))
    if gemeente.theme_kind == "database":
        base = packages[DEFAULT_PACKAGE]  # fallback values for tokens the municipality leaves out
        url = reverse("theme_css", kwargs={"slug": gemeente.slug})
        return Theme(f"{base['class']} samenloket-db-theme", (*base["css"], url))
    pkg = packages.get(gemeente.theme_package) or packages[DEFAULT_PACKAGE]
    return Theme(pkg["class"], tuple(pkg["css"]))


TOKEN_NAME_RE = re.compile(r"^--[a-z][a-z0-9-]{1,120}$")
# Colours, lengths, numbers, font stacks: no braces, semicolons, quotes-breaking or url()/@import.
TOKEN_VALUE_RE = re.compile(r"^[#a-zA-Z0-9 .,%()'\"/+-]{1,200}$")
FORBIDDEN_IN_VALUE = ("url(", "expression(", "@import", "\\", "</")


def clean_tokens(tokens: dict) -> dict[str, str]:
    """Keep only well-formed custom properties; anything that could break out of CSS is dropped."""
    clean = {}
    for name, value in (tokens or {}).items():
        value = str(value).strip()
        if not TOKEN_NAME_RE.match(str(name)) or not TOKEN_VALUE_RE.match(value):
            continue
        if any(bad in value.lower() for bad in FORBIDDEN_IN_VALUE):
            continue
        clean[name] = value
    return clean


def tokens_stylesheet(gemeente) -> str:
    lines = [f"  {name}: {value};" for name, value in sorted(clean_tokens(gemeente.theme_tokens).items())]
    return ".samenloket-db-theme {\n" + "\n".join(lines) + "\n}\n"
