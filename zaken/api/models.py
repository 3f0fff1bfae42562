"""API clients and what they may do, as the ZGW Autorisaties API describes them.

An Applicatie belongs to one municipality: it sees that municipality's data only. Each Autorisatie
gives it scopes on one component, optionally for one zaaktype and up to a vertrouwelijkheidaanduiding.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from zaken.models import Gemeente, ZaakType

from .common.vertrouwelijkheid import VertrouwelijkheidAanduiding


class Component(models.TextChoices):
    ZRC = "zrc", _("Zaken API")
    ZTC = "ztc", _("Catalogi API")
    BRC = "brc", _("Besluiten API")
    DRC = "drc", _("Documenten API")
    NRC = "nrc", _("Notificaties API")


# The scopes per component, as the ZGW standards name them.
SCOPES = {
    Component.ZRC: ("zaken.lezen", "zaken.aanmaken", "zaken.bijwerken", "zaken.verwijderen",
                    "zaken.heropenen", "zaken.geforceerd-bijwerken", "zaken.statussen.toevoegen",
                    "audittrails.lezen"),
    Component.ZTC: ("catalogi.lezen", "catalogi.schrijven", "catalogi.geforceerd-schrijven"),
    Component.BRC: ("besluiten.lezen", "besluiten.aanmaken", "besluiten.bijwerken", "besluiten.verwijderen"),
    Component.DRC: ("documenten.lezen", "documenten.aanmaken", "documenten.bijwerken", "documenten.verwijderen",
                    "documenten.lock", "documenten.geforceerd-unlock"),
    Component.NRC: ("notificaties.consumeren", "notificaties.publiceren"),
}
ALL_SCOPES = tuple(scope for scopes in SCOPES.values() for scope in scopes)


class Applicatie(models.Model):
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="api_applicaties",
                                 verbose_name=_("gemeente"))
    label = models.CharField(_("naam"), max_length=100, help_text=_("Bv. de naam van het zaaksysteem."))
    client_id = models.CharField(_("client-ID"), max_length=100, unique=True,
                                 help_text=_("De waarde van client_id in het JWT van deze applicatie."))
    # HS256 needs the shared secret itself to verify a token; the admin never shows it back.
    secret = models.CharField(_("geheim"), max_length=200)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("API-applicatie")
        verbose_name_plural = _("API-applicaties")
        ordering = ["gemeente", "label"]

    def __str__(self):
        return f"{self.label} ({self.client_id})"


class Autorisatie(models.Model):
    applicatie = models.ForeignKey(Applicatie, on_delete=models.CASCADE, related_name="autorisaties")
    component = models.CharField(_("component"), max_length=3, choices=Component.choices)
    scopes = models.JSONField(_("scopes"), default=list, blank=True)
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                 verbose_name=_("zaaktype"),
                                 help_text=_("Leeg: alle zaaktypen (voor de Zaken API vult u er een in)."))
    max_vertrouwelijkheidaanduiding = models.CharField(
        _("maximale vertrouwelijkheidaanduiding"), max_length=20, choices=VertrouwelijkheidAanduiding.choices,
        blank=True, help_text=_("Voor zaken en documenten: wat geheimer is, ziet de applicatie niet."))

    class Meta:
        verbose_name = _("autorisatie")
        verbose_name_plural = _("autorisaties")

    def __str__(self):
        return f"{self.get_component_display()}: {', '.join(self.scopes)}"
