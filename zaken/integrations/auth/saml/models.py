"""A municipality's SAML connection to DigiD or eHerkenning, and the message ids already used."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaken.identity import DIGID, DIGID_LEVELS, EHERKENNING, EHERKENNING_LEVELS, LEVEL_LABELS

VESTIGING_RESTRICTION = "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"


class SamlKoppeling(models.Model):
    MIDDELEN = [(DIGID, _("DigiD")), (EHERKENNING, _("eHerkenning"))]
    NIVEAUS = [(lv, LEVEL_LABELS[lv]) for lv in (*DIGID_LEVELS, *EHERKENNING_LEVELS)]

    gemeente = models.ForeignKey("zaken.Gemeente", on_delete=models.CASCADE, related_name="saml_koppelingen",
                                 verbose_name=_("gemeente"))
    middel = models.CharField(_("inlogmiddel"), max_length=20, choices=MIDDELEN)
    actief = models.BooleanField(_("actief"), default=True)
    sp_entity_id = models.CharField(
        _("entity-ID van de gemeente (SP)"), max_length=255,
        help_text=_("Zoals aangemeld bij Logius of de eHerkenning-makelaar, bijvoorbeeld "
                    "https://loket.gemeente.nl/inloggen/digid/metadata/."))
    sp_certificaat = models.TextField(_("certificaat (PEM)"),
                                      help_text=_("Het PKIoverheid-certificaat waarmee de gemeente ondertekent."))
    sp_sleutel = models.TextField(_("privésleutel (PEM)"),
                                  help_text=_("Wordt na opslaan nooit meer getoond."))
    idp_metadata = models.TextField(_("metadata van DigiD of de makelaar (XML)"))
    artifact_binding = models.BooleanField(
        _("antwoord via HTTP-Artifact"), default=False,
        help_text=_("Aan: DigiD of de makelaar stuurt een artefact, dat de gemeente via SOAP (met het certificaat "
                    "hierboven als TLS-clientcertificaat) inwisselt; zo werkt DigiD. Uit: het antwoord wordt "
                    "gepost (HTTP-POST)."))
    minimum_niveau = models.CharField(
        _("minimaal betrouwbaarheidsniveau"), max_length=20, choices=NIVEAUS,
        help_text=_("Dit niveau vraagt de gemeente minimaal; een product kan een hoger niveau eisen."))
    dienst_id = models.CharField(
        _("ServiceID (eHerkenning)"), max_length=255, blank=True,
        help_text=_("Alleen eHerkenning: de dienst uit de dienstencatalogus, bv. "
                    "urn:etoegang:DV:00000001234567890000:services:1."))
    attribute_consuming_service_index = models.PositiveSmallIntegerField(
        _("AttributeConsumingServiceIndex (eHerkenning)"), null=True, blank=True,
        help_text=_("Alleen eHerkenning: de index van de dienst in de metadata van de gemeente."))
    dienstbeperkingen = models.TextField(
        _("toegestane dienstbeperkingen (eHerkenning)"), blank=True, default=VESTIGING_RESTRICTION,
        help_text=_("Eén attribuutnaam per regel. Een machtiging met een andere beperking wordt geweigerd."))
    gewijzigd = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("SAML-koppeling (DigiD/eHerkenning)")
        verbose_name_plural = _("SAML-koppelingen (DigiD/eHerkenning)")
        constraints = [models.UniqueConstraint(fields=["gemeente", "middel"], name="saml_koppeling_per_middel")]
        ordering = ["gemeente__naam", "middel"]

    def __str__(self):
        return f"{self.get_middel_display()} – {self.gemeente}"

    def clean(self):
        levels = DIGID_LEVELS if self.middel == DIGID else EHERKENNING_LEVELS
        if self.middel and self.minimum_niveau and self.minimum_niveau not in levels:
            raise ValidationError({"minimum_niveau": _("Kies een niveau van %(middel)s.")
                                   % {"middel": self.get_middel_display()}})

    @property
    def toegestane_beperkingen(self) -> set[str]:
        return {line.strip() for line in self.dienstbeperkingen.splitlines() if line.strip()}


class SamlGebruiktBericht(models.Model):
    """An assertion or request id already consumed: a replayed response is refused in every process.

    The unique key makes the claim atomic across web processes; rows go once the assertion has expired.
    """

    bericht_id = models.CharField(max_length=255, unique=True)
    verloopt = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("gebruikt SAML-bericht")
        verbose_name_plural = _("gebruikte SAML-berichten")

    @classmethod
    def opruimen(cls) -> int:
        return cls.objects.filter(verloopt__lt=timezone.now()).delete()[0]
