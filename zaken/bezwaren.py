"""Bezwaar on a besluit, as the core sees it: is the term open (Awb 6:7, 6:8, Atw art. 1), and file it.

The case a bezwaar becomes belongs to one process package, which declares
`ProcessDefinition.bezwaar_handler`: a dotted path to an object with
  indienen(*, besluit, gronden, bijlagen, indiener, actor) -> (Zaak, created)
  ingediend(*, zaak, indiener) -> {besluit_id: Zaak}         (the bezwaren this person filed)
  koppelingen(zaak) -> list[Koppeling]                       (linked cases, both directions)
The portal and the back office call the functions below, never the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .actors import Actor
from .identity import AuthContext
from .models import Besluit, Zaak
from .registry import processes
from .services import subject_hash
from .termijn_engine import bezwaartermijn_voor, termijn_config


@dataclass(frozen=True)
class Koppeling:
    omschrijving: str  # "Bezwaar tegen dit besluit", "Bezwaar tegen besluit ... in zaak ..."
    zaak: Zaak


@dataclass(frozen=True)
class BezwaarVenster:
    besluit: Besluit
    uiterlijk: date | None  # the last day to object; None while the besluit is not sent
    open: bool
    ingediend: Zaak | None = None  # the bezwaar this person filed on it already


class BezwaarGeweigerd(Exception):
    """A bezwaar the tracker does not accept; `message` is Dutch, for the applicant."""

    def __init__(self, message: str, *, zaak: Zaak | None = None):
        super().__init__(message)
        self.message = message
        self.zaak = zaak


def bezwaar_handler():
    path = next((d.bezwaar_handler for d in processes if d.bezwaar_handler), "")
    return import_string(path) if path else None


def indiener_sleutel(auth: AuthContext) -> str:
    """Who objects, pseudonymised: one bezwaar per person (or company) per besluit."""
    return subject_hash(auth.bsn if auth.is_digid else f"kvk:{auth.kvk_nummer}")


def bezwaar_mogelijk(zaak: Zaak) -> bool:
    slug = zaak.zaaktype.process_slug
    definition = processes.get(slug) if slug in processes else None
    return bezwaar_handler() is not None and (definition is None or definition.bezwaar_mogelijk)


def bezwaar_vensters(zaak: Zaak, *, auth: AuthContext, vandaag: date | None = None) -> list[BezwaarVenster]:
    """Per besluit of the case (prefetched), whether the applicant may still object in the tracker."""
    if not bezwaar_mogelijk(zaak):
        return []
    besluiten = sorted(zaak.besluiten.all(), key=lambda b: (b.datum, b.pk))
    if not besluiten:  # most cases: no term to read and no bezwaar to look up
        return []
    vandaag = vandaag or timezone.localdate()
    weken = termijn_config(zaak).bezwaartermijn_weken
    ingediend = bezwaar_handler().ingediend(zaak=zaak, indiener=indiener_sleutel(auth))
    vensters = []
    for besluit in besluiten:
        uiterlijk = bezwaartermijn_voor(besluit, weken=weken)
        vensters.append(BezwaarVenster(besluit=besluit, uiterlijk=uiterlijk, ingediend=ingediend.get(besluit.pk),
                                       open=uiterlijk is not None and vandaag <= uiterlijk))
    return vensters


def bezwaar_venster(zaak: Zaak, *, besluit_id: int, auth: AuthContext, vandaag: date | None = None) -> BezwaarVenster:
    """One besluit of the case; raises Besluit.DoesNotExist for one that is not there or takes no bezwaar."""
    venster = next((v for v in bezwaar_vensters(zaak, auth=auth, vandaag=vandaag) if v.besluit.pk == besluit_id), None)
    if venster is None:
        raise Besluit.DoesNotExist
    return venster


def weigering(venster: BezwaarVenster) -> str:
    """Why the tracker does not take a bezwaar on this besluit (now), or ""."""
    if venster.ingediend is not None:
        return (_("U hebt al bezwaar gemaakt tegen dit besluit. Uw bezwaar is zaak %(id)s; daar volgt u het. "
                  "Wilt u iets aanvullen? Neem dan contact op met de gemeente.")
                % {"id": venster.ingediend.identificatie})
    if venster.uiterlijk is None:
        return _("Dit besluit is nog niet verstuurd. Bezwaar maken kan zodra u het besluit hebt ontvangen.")
    if not venster.open:
        return _("De termijn voor bezwaar tegen dit besluit is verstreken. U kon bezwaar maken tot en met %(d)s: "
                 "zes weken vanaf de dag na de verzending van het besluit (artikelen 6:7 en 6:8 Algemene wet "
                 "bestuursrecht). Was u te laat door een reden buiten uw schuld? Neem dan contact op met de "
                 "gemeente.") % {"d": date_format(venster.uiterlijk, "j F Y")}
    return ""


def bezwaar_maken(*, zaak: Zaak, besluit_id: int, auth: AuthContext, gronden: str,
                  bijlagen: list[tuple[str, bytes, str]], vandaag: date | None = None) -> tuple[Zaak, bool]:
    """File a bezwaar as a case of its own; (the bezwaar case, False) when this person filed it already."""
    venster = bezwaar_venster(zaak, besluit_id=besluit_id, auth=auth, vandaag=vandaag)
    if venster.ingediend is not None:
        return venster.ingediend, False
    reden = weigering(venster)
    if reden:
        raise BezwaarGeweigerd(reden)
    return bezwaar_handler().indienen(besluit=venster.besluit, gronden=gronden, bijlagen=bijlagen,
                                      indiener=indiener_sleutel(auth), actor=Actor.from_auth(auth))


def zaak_koppelingen(zaak: Zaak) -> list[Koppeling]:
    handler = bezwaar_handler()
    return handler.koppelingen(zaak) if handler is not None else []
