"""Reads of the renewal: the dossier block, the tracker panel and the counter's lists."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.models import Betaling, Zaak
from zaken.selectors import gemeente_ids_for_medewerker

from .letters import categorieen_weergave
from .models import Afhaallocatie, Rijbewijs


def _d(day) -> str:
    return day.strftime("%d-%m-%Y") if day else "–"


def dossier_data(zaak) -> dict:
    rijbewijs = Rijbewijs.objects.select_related("afhaallocatie").filter(zaak=zaak).first()
    if rijbewijs is None:
        return {}
    return {
        _("Status (intern)"): rijbewijs.get_state_display(),
        _("Huidig rijbewijsnummer"): rijbewijs.rijbewijsnummer,
        _("Categorieën"): ", ".join(f"{c['categorie']} ({_d(c['nieuw_geldig_tot'])})"
                                    for c in categorieen_weergave(rijbewijs.categorieen)),
        _("Afhaallocatie"): f"{rijbewijs.afhaallocatie.naam}, {rijbewijs.afhaallocatie.adres}",
        _("Leges"): f"€ {rijbewijs.leges_cent // 100},{rijbewijs.leges_cent % 100:02d}",
        _("Betaald op"): timezone.localtime(rijbewijs.betaald_op).strftime("%d-%m-%Y %H:%M")
        if rijbewijs.betaald_op else _("nog niet betaald"),
        _("Ordernummer RDW"): rijbewijs.rdw_order_id or "–",
        _("Verwacht klaar"): _d(rijbewijs.verwacht_gereed),
        _("Afhalen uiterlijk op"): _d(rijbewijs.afhalen_uiterlijk),
        _("RDW-pogingen"): rijbewijs.rdw_pogingen,
        _("Reden"): rijbewijs.reden or "–",
        _("Terugbetaling"): ", ".join(
            f"{b.terugbetaling_reden} ({_('gedaan op %(d)s') % {'d': _d(timezone.localdate(b.terugbetaald_op))}})"
            if b.terugbetaald_op else f"{b.terugbetaling_reden} ({_('nog niet gedaan')})"
            for b in zaak.betalingen.filter(terugbetaling_gevraagd_op__isnull=False)) or "–",
    }


def tracker_panel(request, zaak: Zaak) -> dict | None:
    """What the applicant does next: pay (again), or collect the card where and by when. Two queries."""
    rijbewijs = Rijbewijs.objects.select_related("afhaallocatie").filter(zaak=zaak).first()
    if rijbewijs is None:
        return None
    rijbewijs.zaak = zaak  # the template's pay button reads the case number: no second read of the case
    # The last payment, for a retry or a refund; zaak_id too: a deferred key costs a query.
    laatste = zaak.betalingen.order_by("-created").only(
        "zaak_id", "status", "created", "expires_at", "terugbetaling_gevraagd_op", "terugbetaald_op").first()
    return {"template": "rijbewijs/tracker.html", "rijbewijs": rijbewijs, "laatste_betaling": laatste,
            "kan_betalen": rijbewijs.state == Rijbewijs.State.ONTVANGEN,
            "betaling_mislukt": laatste is not None and laatste.status in (
                Betaling.Status.FAILED, Betaling.Status.CANCELED, Betaling.Status.EXPIRED),
            "terugbetaling": laatste if laatste is not None and laatste.terugbetaling_gevraagd_op else None,
            "categorieen": categorieen_weergave(rijbewijs.categorieen)}


def locaties_for_medewerker(user) -> QuerySet[Afhaallocatie]:
    return (Afhaallocatie.objects.filter(gemeente_id__in=gemeente_ids_for_medewerker(user), actief=True)
            .select_related("gemeente").order_by("gemeente__naam", "volgorde", "naam"))


def klaar_bij(locatie: Afhaallocatie) -> QuerySet[Rijbewijs]:
    """Cards waiting at one counter, the soonest last pickup day first (index rijbewijs_balie)."""
    return (Rijbewijs.objects.filter(afhaallocatie=locatie, state=Rijbewijs.State.KLAAR)
            .select_related("zaak").order_by("afhalen_uiterlijk", "pk"))


def rijbewijs_bij_balie(*, locatie: Afhaallocatie, identificatie: str) -> Rijbewijs:
    """The case by its number in the counter's municipality (numbers are unique per municipality)."""
    return (Rijbewijs.objects.select_related("zaak__gemeente", "afhaallocatie")
            .get(zaak__identificatie=identificatie, zaak__gemeente_id=locatie.gemeente_id))
