"""Models of the integrations app: the mocks' own register state (BRP changes, RDW orders)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .auth.saml.models import SamlGebruiktBericht, SamlKoppeling  # noqa: F401  (DigiD/eHerkenning per gemeente)
from .payments.models import MockProviderBetaling  # noqa: F401  (the payment mock's ledger)


class BrpMockMutatie(models.Model):
    """A change registered in the BRP mock (a move, a death), applied over its fixture on every read.

    Kept in the database, not in memory, so that every web process and Celery worker sees the
    same register. `data` holds ready-made Haal Centraal fragments that replace the person's
    fields of the same name.
    """

    ADRES = "adres"
    OVERLIJDEN = "overlijden"
    SOORTEN = [(ADRES, _("Adreswijziging")), (OVERLIJDEN, _("Overlijden"))]

    bsn = models.CharField(_("BSN"), max_length=9, db_index=True)
    soort = models.CharField(_("soort"), max_length=20, choices=SOORTEN)
    data = models.JSONField(_("gegevens"))
    created = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("BRP-mutatie (testomgeving)")
        verbose_name_plural = _("BRP-mutaties (testomgeving)")

    def __str__(self):
        # Never the BSN: this string can end up in logs and the admin's history.
        return f"{self.get_soort_display()} #{self.pk}"


class RdwMockBestelling(models.Model):
    """A licence ordered from the RDW mock, in the database so web processes and workers agree.

    `order_key` is the caller's key: placing the same order again returns the same row.
    """

    order_key = models.CharField(_("bestelsleutel"), max_length=100, unique=True)
    order_id = models.CharField(_("ordernummer RDW"), max_length=20, unique=True)
    bsn = models.CharField(_("BSN"), max_length=9)
    categorieen = models.JSONField(_("categorieën"))
    afhaallocatie = models.CharField(_("afhaallocatie"), max_length=100)
    geplaatst_op = models.DateField(_("geplaatst op"))
    gereed_op = models.DateField(_("gereed op"))
    niet_uitgereikt_op = models.DateField(_("niet uitgereikt gemeld op"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("RDW-bestelling (testomgeving)")
        verbose_name_plural = _("RDW-bestellingen (testomgeving)")

    def __str__(self):
        return self.order_id


class RegisterKoppeling(models.Model):
    """A municipality's own connection to a register; without one, settings.REGISTERS applies.

    Managed by the functional administrator. The API key is kept here because each municipality
    has its own; certificates stay on disk (paths), deployed with the server's secrets.
    """

    BRP, BIJHOUDING, BAG, KVK, RDW, PAYMENTS = "brp", "bijhouding", "bag", "kvk", "rdw", "payments"
    SOORTEN = [(BRP, "BRP (Haal Centraal BRP Personen)"), (BIJHOUDING, "BRP-bijhouding (verhuizingen, overlijdens)"),
               (BAG, "BAG (Individuele Bevragingen v2)"),
               (KVK, "KvK (Basisprofiel API)"), (RDW, "RDW"), (PAYMENTS, "Betalen (Mollie Payments API v2)")]

    gemeente = models.ForeignKey("zaken.Gemeente", on_delete=models.CASCADE, related_name="registerkoppelingen",
                                 verbose_name=_("gemeente"))
    soort = models.CharField(_("register"), max_length=10, choices=SOORTEN)
    url = models.URLField(_("basis-URL"), help_text=_("Bijvoorbeeld https://brp.example.nl/haalcentraal/api/brp"))
    api_key = models.CharField(_("API-sleutel"), max_length=500, blank=True)
    api_key_header = models.CharField(_("header van de API-sleutel"), max_length=50, blank=True,
                                      help_text=_("Leeg: de standaard van het register."))
    client_cert = models.CharField(_("pad naar clientcertificaat (mTLS)"), max_length=500, blank=True)
    client_key = models.CharField(_("pad naar sleutel van het clientcertificaat"), max_length=500, blank=True)
    ca_bundle = models.CharField(_("pad naar CA-bundel"), max_length=500, blank=True)
    timeout = models.FloatField(_("time-out (seconden)"), default=5)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("registerkoppeling")
        verbose_name_plural = _("registerkoppelingen")
        constraints = [models.UniqueConstraint(fields=["gemeente", "soort"], name="registerkoppeling_uniek")]

    def __str__(self):
        return f"{self.get_soort_display()} — {self.gemeente}"
