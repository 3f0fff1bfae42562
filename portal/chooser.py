"""The municipality chooser: every active municipality by first letter, and a search by name.

Built once per process and version of the municipalities (portal.tenancy): the list itself costs no
query and no template work per request.
"""

import unicodedata
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, gettext as _

from zaken.models import Gemeente

from .tenancy import Tenancy

_NAME = [f.attname for f in Gemeente._meta.concrete_fields].index("naam")
_SLUG = [f.attname for f in Gemeente._meta.concrete_fields].index("slug")
# Dutch names sort and group on their main word: 's-Hertogenbosch under H, 's-Gravenhage under G.
_ARTICLES = ("'s-", "'s ", "'t-", "'t ")


def normalised(text: str) -> str:
    """Lower case without accents, hyphens or apostrophes: 'Súdwest-Fryslân' matches 'sudwest fryslan'."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("-", " ").replace("'", "").replace("’", "").split())


@dataclass(frozen=True)
class Keuze:
    naam: str
    label: str  # "Gemeente Rotterdam"
    url: str
    zoektekst: str
    letter: str


def _letter(naam: str) -> str:
    bare = naam
    for article in _ARTICLES:
        if bare.lower().startswith(article):
            bare = bare[len(article):]
            break
    first = normalised(bare)[:1].upper()
    return first if first.isalpha() else "#"


def keuzes(state: Tenancy) -> list[Keuze]:
    def build():
        rows = sorted(state.rows.values(), key=lambda r: (normalised(r[_NAME]), r[_NAME]))
        return [Keuze(naam=r[_NAME], label=_("Gemeente %(naam)s") % {"naam": r[_NAME]},
                      url=reverse("portal:home", kwargs={"gemeente": r[_SLUG]}), zoektekst=normalised(r[_NAME]),
                      letter=_letter(r[_NAME])) for r in rows]
    return state.memo(("keuzes", get_language()), build)


def groepen(items: list[Keuze]) -> list[tuple[str, list[Keuze]]]:
    groups: dict[str, list[Keuze]] = {}
    for item in items:
        groups.setdefault(item.letter, []).append(item)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "#", kv[0]))


def zoeken(state: Tenancy, zoek: str) -> list[Keuze]:
    """Municipalities whose name contains the search text (accents, case and hyphens ignored)."""
    needle = normalised(zoek)
    return [k for k in keuzes(state) if needle in k.zoektekst] if needle else []


def lijst_html(state: Tenancy) -> str:
    """The whole list by letter, rendered once per process and version."""
    return state.memo(("lijst_html", get_language()),
                      lambda: render_to_string("portal/_gemeente_lijst.html", {"groepen": groepen(keuzes(state))}))
