"""Municipalities (tenants), their host names, themes and enabled products."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..identity import DIGID_LEVELS, EHERKENNING_LEVELS
from ..validators import validate_gemeentecode, validate_rsin


def public_storage():
    return storages["public"]


class Gemeente(models.Model):
    class ThemeKind(models.TextChoices):
        PACKAGE = "package", _("Token-pakket (npm, open licentie)")
        DATABASE = "database", _("Tokenwaarden in de database")

    naam = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Het eerste deel van elk pad, bv. den-haag."))
    gemeentecode = models.CharField(_("CBS-gemeentecode"), max_length=4, unique=True,
                                    validators=[validate_gemeentecode])
    rsin = models.CharField(_("RSIN"), max_length=9, validators=[validate_rsin],
                            help_text=_("Bronorganisatie van de zaken van deze gemeente."))
    actief = models.BooleanField(_("actief"), default=True)

    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    bezoekadres = models.CharField(_("bezoekadres"), max_length=200, blank=True)
    postadres = models.CharField(_("postadres"), max_length=200, blank=True)
    logo = models.FileField(_("logo"), upload_to="logos/", storage=public_storage, blank=True)
    welkomsttekst = models.TextField(_("welkomsttekst"), blank=True)

    theme_kind = models.CharField(_("soort thema"), max_length=20, choices=ThemeKind.choices,
                                  default=ThemeKind.PACKAGE)
    theme_package = models.CharField(
        _("token-pakket"), max_length=40, blank=True, default="voorbeeld",
        help_text=_("Sleutel uit THEME_PACKAGES, bv. voorbeeld of denhaag."))
    theme_tokens = models.JSONField(
        _("tokenwaarden"), default=dict, blank=True,
        help_text=_("Design tokens als {\"--utrecht-...\": \"waarde\"}; alleen bij tokens in de database."))

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class GemeenteHost(models.Model):
    """A host name (own domain) that resolves to a municipality."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="hosts")
    hostname = models.CharField(_("hostnaam"), max_length=253, unique=True)

    class Meta:
        verbose_name = _("hostnaam")
        verbose_name_plural = _("hostnamen")

    def __str__(self):
        return self.hostname


class Product(models.Model):
    """A product from the Uniforme Productnamenlijst; the route slug is the same everywhere."""

    slug = models.SlugField(_("slug"), unique=True)
    upl_naam = models.CharField(_("UPL-naam"), max_length=100)
    upl_uri = models.URLField(_("UPL-URI"), blank=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("producten")
        ordering = ["volgorde", "upl_naam"]

    def __str__(self):
        return self.upl_naam


LEVEL_CHOICES_DIGID = [(lv, lv) for lv in DIGID_LEVELS]
LEVEL_CHOICES_EHERKENNING = [(lv, lv) for lv in EHERKENNING_LEVELS]


class GemeenteProduct(models.Model):
    """A product as one municipality offers it: its own fees, terms, levels and texts."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="producten")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    actief = models.BooleanField(_("aangeboden"), default=True)
    leges = models.DecimalField(_("leges (EUR)"), max_digits=8, decimal_places=2, default=0)
    min_level_digid = models.CharField(_("minimaal niveau DigiD"), max_length=20, blank=True,
                                       choices=LEVEL_CHOICES_DIGID,
                                       help_text=_("Leeg: niet met DigiD aan te vragen."))
    min_level_eherkenning = models.CharField(_("minimaal niveau eHerkenning"), max_length=20,
                                             blank=True, choices=LEVEL_CHOICES_EHERKENNING,
                                             help_text=_("Leeg: niet met eHerkenning aan te vragen."))
    termijnen = models.JSONField(
        _("termijnen en instellingen"), default=dict, blank=True,
        help_text=_("Overschrijft de standaardwaarden van het proces, bv. {\"afhandeltermijn_dagen\": 5}."))
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("product van de gemeente")
        verbose_name_plural = _("producten van de gemeente")
        constraints = [models.UniqueConstraint(fields=["gemeente", "product"], name="uniq_gemeente_product")]
        ordering = ["product__volgorde"]

    def __str__(self):
        return f"{self.product} ({self.gemeente})"


class Medewerkerschap(models.Model):
    """A civil servant's membership of a municipality. Groups carry the roles."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="medewerkers")

    class Meta:
        verbose_name = _("medewerkerschap")
        verbose_name_plural = _("medewerkerschappen")
        constraints = [models.UniqueConstraint(fields=["user", "gemeente"], name="uniq_medewerkerschap")]

    def __str__(self):
        return f"{self.user} @ {self.gemeente}"
