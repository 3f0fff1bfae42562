"""Reads of the bezwaar case: the links both ways, the tracker panel and the dossier."""

from __future__ import annotations

from django.utils.translation import gettext as _

from zaken.bezwaren import Koppeling
from zaken.models import Zaak

from .definition import SLUG
from .models import Bezwaar


def bezwaren_van_indiener(*, zaak: Zaak, indiener: str) -> dict[int, Zaak]:
    """One query, whatever the number of besluiten: the bezwaar case per besluit of `zaak` this person filed."""
    rows = Bezwaar.objects.filter(oorspronkelijke_zaak=zaak, indiener=indiener).select_related("zaak")
    return {b.besluit_id: b.zaak for b in rows}


def koppelingen(zaak: Zaak) -> list[Koppeling]:
    """The bezwaren on this case's besluiten, or the case whose besluit this bezwaar is about.

    At most two queries; none for a case without besluiten that is no bezwaar itself (most cases).
    `zaak.besluiten` is prefetched on the tracker and the dossier.
    """
    links = []
    if zaak.besluiten.all():
        links = [Koppeling(omschrijving=_("Bezwaar tegen besluit %(id)s") % {"id": b.besluit.identificatie
                                                                               or b.besluit.besluittype}, zaak=b.zaak)
                 for b in Bezwaar.objects.filter(oorspronkelijke_zaak=zaak)
                 .select_related("zaak__huidige_status__statustype", "besluit").order_by("pk")]
    if zaak.zaaktype.process_slug != SLUG:
        return links
    eigen = Bezwaar.objects.filter(zaak=zaak).select_related(
        "oorspronkelijke_zaak__huidige_status__statustype", "besluit").first()
    if eigen is not None:
        links.append(Koppeling(omschrijving=_("Zaak van het besluit %(id)s waartegen dit bezwaar is")
                               % {"id": eigen.besluit.identificatie or eigen.besluit.besluittype},
                               zaak=eigen.oorspronkelijke_zaak))
    return links


def tracker_panel(request, zaak: Zaak) -> dict | None:
    bezwaar = Bezwaar.objects.select_related("besluit").filter(zaak=zaak).first()
    if bezwaar is None:
        return None
    return {"template": "bezwaar/tracker.html", "bezwaar": bezwaar}


def dossier_data(zaak: Zaak) -> dict:
    bezwaar = Bezwaar.objects.select_related("besluit", "oorspronkelijke_zaak").filter(zaak=zaak).first()
    if bezwaar is None:
        return {}
    besluit = bezwaar.besluit
    return {
        _("Status (intern)"): bezwaar.get_state_display(),
        _("Bezwaar tegen besluit"): f"{besluit.identificatie} {besluit.besluittype} ({besluit.datum:%d-%m-%Y})",
        _("Zaak van het besluit"): bezwaar.oorspronkelijke_zaak.identificatie,
        _("Gronden"): bezwaar.gronden,
        _("Motivering beslissing"): bezwaar.motivering or "–",
    }
