"""Reads of the event application: the dossier's data and the tracker's panel."""

from __future__ import annotations

from django.utils.translation import gettext as _

from zaken.forms.evenementenvergunning.rules import euro
from zaken.models import Betaling, Zaak

from .models import Evenement


def _d(day) -> str:
    return day.strftime("%d-%m-%Y") if day else "–"


def dossier_data(zaak) -> dict:
    evenement = Evenement.objects.filter(zaak=zaak).first()
    if evenement is None:
        return {}
    a = evenement.antwoorden
    return {
        _("Status (intern)"): evenement.get_state_display(),
        _("Soort"): _("melding") if evenement.melding else _("vergunning"),
        _("Risicoklasse"): evenement.get_risicoklasse_display(),
        _("Evenement"): f"{evenement.naam} ({a.get('soort', '')})",
        _("Datum"): f"{_d(evenement.begin)} – {_d(evenement.einde)}",
        _("Programma"): a.get("programma", ""),
        _("Locatie"): f"{evenement.locatie} ({a.get('locatie_soort', '')})",
        _("Bezoekers tegelijk"): f"{evenement.bezoekers} ({a.get('leeftijd', '')})",
        _("Versterkt geluid"): (f"{a.get('geluid_van', '')} – {a.get('geluid_tot', '')}, "
                                f"{a.get('geluid_db', '')} dB(A)") if a.get("geluid") else _("nee"),
        _("Bouwwerken"): a.get("bouwwerken", "") or _("geen"),
        _("Wegafsluiting"): a.get("verkeer", "") if a.get("wegafsluiting") else _("nee"),
        _("EHBO en beveiliging"): f"{a.get('ehbo', '')} / {a.get('beveiliging', '')}",
        _("Na de indientermijn ingediend"): _("ja") if evenement.te_laat_ingediend else _("nee"),
        _("Leges"): euro(evenement.leges_cent) if not evenement.melding else "–",
        _("Betaald op"): _d(evenement.betaald_op),
        _("Verbieden kan tot en met"): _d(evenement.verbod_uiterlijk),
        _("Voorschriften"): evenement.voorschriften or "–",
        _("Motivering"): evenement.motivering or "–",
    }


def tracker_panel(request, zaak: Zaak) -> dict | None:
    """The event's block in the tracker: pay the leges (again), the prohibition period, a late filing."""
    evenement = Evenement.objects.filter(zaak=zaak).first()
    if evenement is None:
        return None
    evenement.zaak = zaak  # the pay button reads the case number: no second read
    laatste = None
    if evenement.state == Evenement.State.ONTVANGEN:
        laatste = zaak.betalingen.order_by("-created").only("zaak_id", "status", "created").first()
    return {"template": "evenementenvergunning/tracker.html", "evenement": evenement, "laatste_betaling": laatste,
            "kan_betalen": evenement.state == Evenement.State.ONTVANGEN, "leges": euro(evenement.leges_cent),
            "betaling_mislukt": laatste is not None and laatste.status in (
                Betaling.Status.FAILED, Betaling.Status.CANCELED, Betaling.Status.EXPIRED)}
