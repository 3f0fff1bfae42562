"""Reads of the death registration: the dossier block and the urgent work list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zaken.selectors import gemeente_ids_for_medewerker

from .models import Overlijden


def dossier_data(zaak) -> dict:
    overlijden = Overlijden.objects.select_related("zaak__gemeente").filter(zaak=zaak).first()
    if overlijden is None:
        return {}
    o = overlijden.overledene
    return {
        _("Status (intern)"): overlijden.get_state_display(),
        _("Overledene"): f"{o.get('naam')} ({o.get('geboortedatum_lang')})",
        _("Laatste adres"): o.get("adres") or "–",
        _("Burgerlijke staat"): o.get("burgerlijke_staat") or "–",
        _("Overleden op"): timezone.localtime(overlijden.overleden_op).strftime("%d-%m-%Y %H:%M"),
        _("Plaats van overlijden"): overlijden.plaats_overlijden,
        _("Soort overlijden"): overlijden.get_doodsoorzaak_display(),
        _("Uitvaart"): f"{overlijden.get_wijze_display()}, "
                       f"{timezone.localtime(overlijden.uitvaart_op).strftime('%d-%m-%Y %H:%M')}, "
                       f"{overlijden.uitvaart_plaats}",
        _("Wettelijke termijn"): _("van %(van)s tot en met %(tot)s") % {
            "van": timezone.localtime(overlijden.venster_vroegst).strftime("%d-%m-%Y %H:%M"),
            "tot": overlijden.venster_uiterlijk.strftime("%d-%m-%Y")},
        _("Afwijking van de termijn"): overlijden.afwijking or _("geen"),
        _("Vrijgave OvJ"): (overlijden.ovj_kenmerk or _("vastgelegd")) if overlijden.ovj_vrijgegeven_op
        else (_("nodig, nog niet vastgelegd") if overlijden.is_niet_natuurlijk else _("niet nodig")),
        _("Aktenummer"): overlijden.akte_nummer or "–",
        # Art. 12a Wlb: the sealed B-envelope goes to the CBS unopened, marked with these two.
        _("Op de B-envelop"): (_("aktenummer %(nr)s, gemeentecode %(code)s") % {
            "nr": overlijden.akte_nummer, "code": overlijden.zaak.gemeente.gemeentecode})
        if overlijden.akte_nummer else _("na het opmaken van de akte"),
        _("Aantal uittreksels"): overlijden.uittreksels,
        _("BRP-pogingen"): overlijden.brp_pogingen,
    }


def werklijst_for_medewerker(*, user) -> QuerySet[Overlijden]:
    """Open death cases of the user's municipalities, most urgent funeral first; one query per page.

    Walks the partial index overlijden_werklijst (open cases by funeral) and checks each case's
    municipality against the resolved ids."""
    return (Overlijden.objects.filter(zaak__gemeente_id__in=gemeente_ids_for_medewerker(user),
                                      state__in=Overlijden.OPEN_STATES)
            .select_related("zaak__gemeente", "zaak__huidige_status__statustype")
            .order_by("uitvaart_op", "pk"))


@dataclass(frozen=True)
class Resterend:
    label: str
    te_laat: bool
    urgent: bool  # less than a day left


def resterende_tijd(uitvaart_op: datetime, now: datetime) -> Resterend:
    """'nog 2 dagen 4 uur', or '3 uur te laat' once the planned funeral has passed."""
    seconds = int((uitvaart_op - now).total_seconds())
    te_laat = seconds < 0
    days, rest = divmod(abs(seconds), 86400)
    hours = rest // 3600
    parts = []
    if days:
        parts.append(ngettext("%(n)d dag", "%(n)d dagen", days) % {"n": days})
    if hours or not days:
        parts.append(ngettext("%(n)d uur", "%(n)d uur", hours) % {"n": hours})
    text = " ".join(parts)
    label = _("%(tijd)s te laat") % {"tijd": text} if te_laat else _("nog %(tijd)s") % {"tijd": text}
    return Resterend(label=label, te_laat=te_laat, urgent=te_laat or seconds < 86400)
