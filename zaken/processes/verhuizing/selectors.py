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
