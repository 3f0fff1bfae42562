"""Zaaktypen and statustypen (ZGW Catalogi), synced from the registered process definitions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .gemeente import Product


class ZaakType(models.Model):
    identificatie = models.CharField(_("identificatie"), max_length=50, unique=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="zaaktypen")
    process_slug = models.SlugField(_("proces"), unique=True)
    doorlooptijd_dagen = models.PositiveIntegerField(_("doorlooptijd (dagen)"), default=56)
    vertrouwelijkheidaanduiding = models.CharField(max_length=40, default="vertrouwelijk")

    class Meta:
        verbose_name = _("zaaktype")
        verbose_name_plural = _("zaaktypen")

    def __str__(self):
        return self.omschrijving


class StatusType(models.Model):
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="statustypen")
    code = models.SlugField(_("code"), help_text=_("Interne sleutel, bv. ontvangen."))
    volgnummer = models.PositiveSmallIntegerField(_("volgnummer"))
    omschrijving = models.CharField(_("omschrijving"), max_length=80)
    statustekst = models.TextField(_("statustekst"), help_text=_("Wat de aanvrager bij deze status leest."))
    volgende_stap = models.TextField(_("wat gebeurt er nu"), blank=True)
    is_eindstatus = models.BooleanField(_("eindstatus"), default=False)

    class Meta:
        verbose_name = _("statustype")
        verbose_name_plural = _("statustypen")
        ordering = ["zaaktype", "volgnummer"]
        constraints = [models.UniqueConstraint(fields=["zaaktype", "code"], name="uniq_statustype_code")]

    def __str__(self):
        return self.omschrijving
