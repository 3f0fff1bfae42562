"""A municipality's look: an open-licence token package, or token values kept in the database."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

from zaken.theme_tokens import clean_tokens

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


def tokens_stylesheet(gemeente) -> str:
    """The municipality's token values; each was checked against its type's grammar (zaken.theme_tokens)."""
    lines = [f"  {name}: {value};" for name, value in sorted(clean_tokens(gemeente.theme_tokens).items())]
    return ".samenloket-db-theme {\n" + "\n".join(lines) + "\n}\n"
