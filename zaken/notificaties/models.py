"""Kanalen, abonnementen, the outbox of messages and one delivery row per (message, subscriber).

The message row is written in the transaction of the change it reports (one INSERT, no look-up of
subscribers then). The worker matches it to the subscribers later and keeps one `Levering` per match with
its attempts and next attempt, so a subscriber that is down delays only its own deliveries and the sweep
can always find what is still due.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from zaken.models import Gemeente


class Kanaal(models.Model):
    naam = models.CharField(_("naam"), max_length=50, unique=True, help_text=_("Bijvoorbeeld zaken."))
    documentatie_link = models.URLField(_("documentatielink"), blank=True)
    filters = models.JSONField(_("filters"), default=list, blank=True,
                               help_text=_("De kenmerken waarop abonnees kunnen filteren."))

    class Meta:
        verbose_name = _("kanaal")
        verbose_name_plural = _("kanalen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Abonnement(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("gemeente"))
    callback_url = models.URLField(_("callback-URL"), max_length=1000)
    # The Authorization header we send; a secret of the subscriber: never shown again, never logged.
    auth = models.CharField(_("autorisatieheader"), max_length=1000, blank=True)
    actief = models.BooleanField(_("actief"), default=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementen")

    def __str__(self):
        return self.callback_url


class AbonnementKanaal(models.Model):
    """A kanaal of an abonnement, with its filters: {kenmerk: value}; every filter must match."""

    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="kanalen")
    kanaal = models.ForeignKey(Kanaal, on_delete=models.CASCADE, related_name="+", to_field="naam")
    filters = models.JSONField(_("filters"), default=dict, blank=True)

    class Meta:
        verbose_name = _("kanaal van een abonnement")
        verbose_name_plural = _("kanalen van een abonnement")
        constraints = [models.UniqueConstraint(fields=["abonnement", "kanaal"], name="uniq_abonnement_kanaal")]

    def matches(self, kenmerken: dict) -> bool:
        return all(str(kenmerken.get(key, "")) == str(value) for key, value in self.filters.items())


class Notificatie(models.Model):
    """The outbox: one message of the Notificaties API 1.0; its uuid is the message id subscribers see."""

    class Actie(models.TextChoices):
        CREATE = "create", "create"
        UPDATE = "update", "update"
        PARTIAL_UPDATE = "partial_update", "partial_update"
        DESTROY = "destroy", "destroy"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The kanaal's name, not a key: a kanaal removed in the admin must never make a case change fail.
    kanaal = models.CharField(max_length=50)
    hoofd_object = models.URLField(max_length=1000)
    resource = models.CharField(max_length=100)
    resource_url = models.URLField(max_length=1000)
    actie = models.CharField(max_length=20, choices=Actie.choices)
    aanmaakdatum = models.DateTimeField()
    kenmerken = models.JSONField(default=dict, blank=True)
    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    # Set once the worker made the deliveries of the matching abonnementen; until then the sweep does it.
    verdeeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties")
        ordering = ["pk"]
        indexes = [models.Index(fields=["aanmaakdatum"], name="notificatie_onverdeeld",
                                condition=models.Q(verdeeld_op__isnull=True))]

    def __str__(self):
        return f"{self.kanaal} {self.resource} {self.actie}"

    def bericht(self) -> dict:
        """The body of the POST, in the shape of the Notificaties API 1.0."""
        return {"kanaal": self.kanaal, "hoofdObject": self.hoofd_object, "resource": self.resource,
                "resourceUrl": self.resource_url, "actie": self.actie,
                "aanmaakdatum": self.aanmaakdatum.isoformat(), "kenmerken": self.kenmerken}


class Levering(models.Model):
    """One message to one subscriber: delivered (a 2xx) or due again at `volgende_poging`."""

    notificatie = models.ForeignKey(Notificatie, on_delete=models.CASCADE, related_name="leveringen")
    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="leveringen")
    pogingen = models.PositiveIntegerField(default=0)
    volgende_poging = models.DateTimeField()
    laatste_status = models.PositiveSmallIntegerField(null=True, blank=True)
    laatste_fout = models.CharField(max_length=200, blank=True)
    afgeleverd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("levering")
        verbose_name_plural = _("leveringen")
        constraints = [models.UniqueConstraint(fields=["notificatie", "abonnement"], name="uniq_levering")]
        indexes = [models.Index(fields=["volgende_poging"], name="levering_open",
                                condition=models.Q(afgeleverd_op__isnull=True))]
