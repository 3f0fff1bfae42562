"""Reads of the move process for the dossier."""

from django.utils.translation import gettext as _

from zaken.forms.verhuizing.rules import ManualReason

from .models import Verhuizing


def dossier_data(zaak) -> dict:
    verhuizing = Verhuizing.objects.prefetch_related("personen").filter(zaak=zaak).first()
    if verhuizing is None:
        return {}
    return {
        _("Status (intern)"): verhuizing.get_state_display(),
        _("Verhuisdatum in de BRP"): verhuizing.verhuisdatum.strftime("%d-%m-%Y"),
        _("Opgegeven verhuisdatum"): verhuizing.opgegeven_verhuisdatum.strftime("%d-%m-%Y"),
        _("Nieuw adres"): f"{verhuizing.nieuw_adres.get('adresregel5')}, {verhuizing.nieuw_adres.get('adresregel6')}",
        _("Gebruiksdoel"): ", ".join(verhuizing.nieuw_adres.get("gebruiksdoelen") or []),
        _("Bewoners op het nieuwe adres"): verhuizing.bewoners_bij_aangifte,
        _("Verhuizende personen"): ", ".join(f"{p.naam} ({p.get_rol_display()})" for p in verhuizing.personen.all()),
        _("Redenen handmatige beoordeling"): "; ".join(str(ManualReason.LABELS.get(r, r))
                                                       for r in verhuizing.handmatig_redenen) or _("geen"),
        _("Adresonderzoek"): (verhuizing.adresonderzoek_uitkomst or _("nog niet gedaan"))
        if verhuizing.adresonderzoek_nodig else _("niet nodig"),
        _("BRP-pogingen"): verhuizing.brp_pogingen,
    }


def bag_adres(adres: dict, aoid: str) -> dict:
    """A BAG address (adressenuitgebreid) as the ZGW zaakobject `adres` identificatie."""
    return {"identificatie": aoid, "wplWoonplaatsNaam": adres.get("woonplaatsNaam", ""),
            "gorOpenbareRuimteNaam": adres.get("openbareRuimteNaam", ""),
            "huisnummer": adres.get("huisnummer") or 0, "huisletter": adres.get("huisletter", ""),
            "huisnummertoevoeging": adres.get("huisnummertoevoeging", ""), "postcode": adres.get("postcode", "")}


def zaakobjecten(zaken) -> dict:
    """The new address of each move: one query for the page."""
    rows = Verhuizing.objects.filter(zaak__in=zaken).values_list("zaak_id", "nieuw_adres", "nieuw_adresseerbaar_object")
    return {zaak_id: [{"soort": "adres", "objectType": "adres", "objectTypeOverige": "",
                       "relatieomschrijving": _("Nieuw adres"), "objectIdentificatie": bag_adres(adres, aoid)}]
            for zaak_id, adres, aoid in rows}


zaakobjecten.soorten = {"adres": "adres"}
