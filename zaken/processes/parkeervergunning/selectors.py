"""Reads of the resident's permit: the zone of an address, quota, capacity and the waiting list (each
one query on the permits, computed when asked: nothing stored can drift), the dossier and the tracker."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.integrations.rdw.kenteken import kenteken_weergave
from zaken.models import Zaak

from .models import Parkeervergunning, Vergunningzone

State = Parkeervergunning.State


def geldig_op(vandaag: date) -> Q:
    """Permits granted and not yet expired (one that starts later counts already: its place is taken)."""
    return Q(state__in=Parkeervergunning.GELDIG_STATES, vervaldatum__gte=vandaag)


def zone_voor(*, gemeente, postcode: str, aoid: str) -> Vergunningzone | None:
    """The active zone of the municipality that holds this address (BAG id first, then postcode ranges)."""
    zones = list(Vergunningzone.objects.filter(gemeente=gemeente, actief=True).order_by("naam"))
    return (next((z for z in zones if aoid and aoid in z.bag_id_set), None)
            or next((z for z in zones if z.omvat(postcode=postcode, aoid="")), None))


def adres_bezetting(*, aoid: str, vandaag: date) -> int:
    """Valid permits of every resident of one address (adresseerbaar object), in any zone."""
    return Parkeervergunning.objects.filter(geldig_op(vandaag), adresseerbaar_object=aoid).count()


def adres_vol(*, zone: Vergunningzone, aoid: str, vandaag: date) -> bool:
    return adres_bezetting(aoid=aoid, vandaag=vandaag) >= zone.quotum_per_adres


def zone_bezetting(*, zone: Vergunningzone, vandaag: date) -> int:
    """Valid permits of the zone plus the cases a civil servant still decides on (they hold a place)."""
    return Parkeervergunning.objects.filter(geldig_op(vandaag) | Q(state=State.IN_BEHANDELING), zone=zone).count()


def zone_vol(*, zone: Vergunningzone, vandaag: date) -> bool:
    return zone.capaciteit is not None and zone_bezetting(zone=zone, vandaag=vandaag) >= zone.capaciteit


def wachtlijstpositie(vergunning: Parkeervergunning) -> int | None:
    """1 for the first in line; None when the case does not wait. Counted, never stored."""
    if vergunning.state != State.WACHTLIJST:
        return None
    eerder = Q(wachtlijst_sinds__lt=vergunning.wachtlijst_sinds) | Q(
        wachtlijst_sinds=vergunning.wachtlijst_sinds, pk__lt=vergunning.pk)
    return Parkeervergunning.objects.filter(eerder, zone_id=vergunning.zone_id, state=State.WACHTLIJST).count() + 1


def open_aanvraag_van(bsn: str) -> Parkeervergunning | None:
    return Parkeervergunning.objects.filter(bsn=bsn, state__in=Parkeervergunning.OPEN_STATES).select_related(
        "zaak").first()


def _d(day) -> str:
    return day.strftime("%d-%m-%Y") if day else "–"


def dossier_data(zaak) -> dict:
    vergunning = Parkeervergunning.objects.select_related("zone").filter(zaak=zaak).first()
    if vergunning is None:
        return {}
    return {
        _("Status (intern)"): vergunning.get_state_display(),
        _("Adres"): vergunning.adres,
        _("Vergunningzone"): vergunning.zone.naam,
        _("Kenteken"): kenteken_weergave(vergunning.kenteken),
        _("Voertuig"): vergunning.voertuig,
        _("Op naam van de aanvrager"): _("ja") if vergunning.eigen_voertuig else _("nee: zie het bewijs bij de documenten"),
        _("Gewenste ingangsdatum"): _d(vergunning.gewenste_ingangsdatum),
        _("Vergunningnummer"): vergunning.vergunningnummer or "–",
        _("Geldig"): f"{_d(vergunning.ingangsdatum)} – {_d(vergunning.vervaldatum)}" if vergunning.ingangsdatum else "–",
        _("Plaats op de wachtlijst"): wachtlijstpositie(vergunning) or "–",
        _("Motivering"): vergunning.motivering or "–",
    }


def tracker_panel(request, zaak: Zaak) -> dict | None:
    """The permit's block in the tracker: its dates, or the place on the waiting list. At most two queries."""
    vergunning = Parkeervergunning.objects.select_related("zone").filter(zaak=zaak).first()
    if vergunning is None:
        return None
    return {"template": "parkeervergunning/tracker.html", "vergunning": vergunning,
            "kenteken": kenteken_weergave(vergunning.kenteken), "positie": wachtlijstpositie(vergunning),
            "geldig": vergunning.state in Parkeervergunning.GELDIG_STATES
            and vergunning.vervaldatum is not None and vergunning.vervaldatum >= timezone.localdate()}


def zaakobjecten(zaken) -> dict:
    """The address the permit is for (BAG adresseerbaar object) and the vehicle's kenteken: one query."""
    rows = Parkeervergunning.objects.filter(zaak__in=zaken).values_list("zaak_id", "adresseerbaar_object", "postcode",
                                                                        "kenteken")
    return {zaak_id: [
        {"soort": "adres", "objectType": "adres", "objectTypeOverige": "", "relatieomschrijving": _("Adres"),
         "objectIdentificatie": {"identificatie": aoid, "wplWoonplaatsNaam": "", "gorOpenbareRuimteNaam": "",
                                 "huisnummer": 0, "huisletter": "", "huisnummertoevoeging": "", "postcode": postcode}},
        {"soort": "kenteken", "objectType": "overige", "objectTypeOverige": "kenteken",
         "relatieomschrijving": _("Kenteken"), "objectIdentificatie": {"overigeData": {"kenteken": kenteken}}},
    ] for zaak_id, aoid, postcode, kenteken in rows}


zaakobjecten.soorten = {"adres": "adres", "kenteken": "overige"}
