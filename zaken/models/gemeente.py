"""Municipalities (tenants), their host names, themes and enabled products."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
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


def split_codes(value: str) -> list[str]:
    """A list typed in the admin: separated by commas, semicolons, spaces or new lines."""
    return [code for code in re.split(r"[\s,;]+", value or "") if code]


def validate_sbi_codes(value: str) -> None:
    wrong = [code for code in split_codes(value) if not re.fullmatch(r"\d{2,6}", code)]
    if wrong:
        raise ValidationError(_("Een SBI-code bestaat uit 2 tot 6 cijfers, bv. 9603. Controleer: %(codes)s.")
                              % {"codes": ", ".join(wrong)})


def validate_kvk_nummers(value: str) -> None:
    wrong = [code for code in split_codes(value) if not re.fullmatch(r"\d{8}", code)]
    if wrong:
        raise ValidationError(_("Een KvK-nummer bestaat uit 8 cijfers. Controleer: %(codes)s.")
                              % {"codes": ", ".join(wrong)})


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
    # Which companies (eHerkenning) may use the product; DigiD logins are not affected.
    toegang_sbi_codes = models.CharField(
        _("toegestane SBI-codes"), max_length=200, blank=True, validators=[validate_sbi_codes],
        help_text=_("Alleen bedrijven met een SBI-activiteit in het Handelsregister die begint met een van deze "
                    "codes, bv. 9603 (uitvaartbranche). Gescheiden door komma's. Leeg: de standaard van het "
                    "proces (geen beperking als het proces er geen heeft)."))
    toegang_kvk_nummers = models.TextField(
        _("toegestane KvK-nummers"), blank=True, validators=[validate_kvk_nummers],
        help_text=_("Deze bedrijven mogen het product altijd gebruiken, ook zonder passende SBI-code. Eén "
                    "KvK-nummer per regel of gescheiden door komma's. Staan hier nummers en geldt er geen SBI-code, "
                    "dan mogen alleen deze bedrijven."))

    class Meta:
        verbose_name = _("product van de gemeente")
        verbose_name_plural = _("producten van de gemeente")
        constraints = [models.UniqueConstraint(fields=["gemeente", "product"], name="uniq_gemeente_product")]
        ordering = ["product__volgorde"]

    def __str__(self):
        return f"{self.product} ({self.gemeente})"

    def sbi_prefixes(self, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The SBI codes a company's activity must start with; the process's default unless configured."""
        return tuple(split_codes(self.toegang_sbi_codes)) or tuple(default)

    @property
    def kvk_nummers(self) -> frozenset[str]:
        return frozenset(split_codes(self.toegang_kvk_nummers))


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
