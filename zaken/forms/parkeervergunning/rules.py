"""The vehicle rules of a resident's permit (domain.md §4c), on the RDW's data of one vehicle."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Voertuigoordeel:
    eigen: bool  # registered to the applicant; otherwise a contract or keeper's declaration is needed
    weigering: str = ""  # why the vehicle cannot have a permit at all ("" when it can)


def voertuig_beoordelen(voertuig: dict, *, bsn: str, terms: dict) -> Voertuigoordeel:
    eigen = (voertuig.get("houder") or {}).get("bsn") == bsn
    max_lengte, max_hoogte = terms["max_lengte_cm"], terms["max_hoogte_cm"]
    if voertuig["lengte_cm"] > max_lengte:
        return Voertuigoordeel(eigen, _(
            "Dit voertuig is volgens de RDW %(l)s cm lang. Een bewonersvergunning is voor voertuigen van ten hoogste "
            "%(max)s cm. Kies een ander voertuig.") % {"l": voertuig["lengte_cm"], "max": max_lengte})
    if voertuig["hoogte_cm"] > max_hoogte:
        return Voertuigoordeel(eigen, _(
            "Dit voertuig is volgens de RDW %(h)s cm hoog. Een bewonersvergunning is voor voertuigen van ten hoogste "
            "%(max)s cm. Kies een ander voertuig.") % {"h": voertuig["hoogte_cm"], "max": max_hoogte})
    return Voertuigoordeel(eigen)


def voertuig_omschrijving(voertuig: dict) -> str:
    return f"{voertuig.get('merk', '')} {voertuig.get('handelsbenaming', '')}".strip()
