"""The rows of Mijn zaken: one page of the subject's cases as plain values, ready to print.

One query per page whatever the number of cases (the page plus one row tells whether a next page
exists, so no count). Dates are formatted through a small cache and the route and the texts are looked
up once per page, not per row: at many rows those were most of the page's time.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext as _

from zaken.identity import AuthContext
from zaken.models import Gemeente
from zaken.selectors import zaak_list_for_subject

from .tenancy import tenant_reverse

_PLACEHOLDER = "ZAAKID"


@dataclass(frozen=True)
class ZaakRij:
    identificatie: str
    url: str
    product: str
    status: str
    ingediend: str
    verwacht: str


@dataclass(frozen=True)
class ZaakPagina:
    rijen: list[ZaakRij]
    nummer: int
    vorige: int | None
    volgende: int | None


@lru_cache(maxsize=4096)
def _datum(day, language: str) -> str:
    return date_format(day, "j F Y")


def datum_tekst(value, tz=None) -> str:
    """'3 maart 2026' for a date or (in local time) a datetime; '' for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value, tz).date()
    return _datum(value, get_language())


def paginanummer(raw) -> int:
    try:
        return max(1, int(raw))
    except (TypeError, ValueError):
        return 1


def zaak_pagina(request, *, gemeente: Gemeente, auth: AuthContext, nummer: int) -> ZaakPagina:
    size = settings.TRACKER_PAGE_SIZE
    start = (nummer - 1) * size
    values = list(zaak_list_for_subject(gemeente=gemeente, auth=auth)
                  .order_by("-registratiedatum", "-pk")
                  .values_list("identificatie", "zaaktype__product__upl_naam",
                               "huidige_status__statustype__omschrijving", "registratiedatum", "einddatum",
                               "einddatum_gepland")[start:start + size + 1])
    url = tenant_reverse(request, "zaak_detail", {"identificatie": _PLACEHOLDER})
    before, after = url.split(_PLACEHOLDER)
    afgerond, leeg, tz = _("Afgerond op %(d)s"), "–", timezone.get_current_timezone()
    rijen = [ZaakRij(identificatie=ident, url=f"{before}{quote(ident, safe='')}{after}",
                     product=(product or "")[:1].upper() + (product or "")[1:], status=status or leeg,
                     ingediend=datum_tekst(registratie, tz),
                     verwacht=afgerond % {"d": datum_tekst(einde)} if einde else (datum_tekst(gepland) or leeg))
             for ident, product, status, registratie, einde, gepland in values[:size]]
    return ZaakPagina(rijen=rijen, nummer=nummer, vorige=nummer - 1 if nummer > 1 else None,
                      volgende=nummer + 1 if len(values) > size else None)
