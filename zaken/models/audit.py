"""Processing log in the spirit of Logboek Dataverwerkingen: who read or wrote which personal data."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_trace_id() -> str:
    return secrets.token_hex(16)


def new_span_id() -> str:
    return secrets.token_hex(8)


class AuditLog(models.Model):
    class Actor(models.TextChoices):
        MEDEWERKER = "medewerker", _("medewerker")
        SYSTEEM = "systeem", _("processtap")
        BURGER = "burger", _("burger")
        BEDRIJF = "bedrijf", _("bedrijf")
        APPLICATIE = "applicatie", _("API-applicatie")

    class Operation(models.TextChoices):
        READ = "read", _("inzien")
        WRITE = "write", _("wijzigen")

    trace_id = models.CharField(max_length=32, default=new_trace_id)
    span_id = models.CharField(max_length=16, default=new_span_id)
    name = models.CharField(_("handeling"), max_length=100)
    operation = models.CharField(max_length=10, choices=Operation.choices)
    status_code = models.PositiveSmallIntegerField(default=1)  # LDV: 0 unset, 1 ok, 2 error
    start_time = models.DateTimeField(auto_now_add=True, db_index=True)
    actor_type = models.CharField(max_length=20, choices=Actor.choices)
    actor_label = models.TextField(_("wie"))  # an applicant's full name: no fixed bound (see Rol.naam)
    actor_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+")
    gemeente = models.ForeignKey("zaken.Gemeente", on_delete=models.SET_NULL, null=True, related_name="+")
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.CASCADE, null=True, blank=True,
                             related_name="auditlog")
    processing_activity = models.CharField(_("verwerkingsactiviteit"), max_length=200)
    # Keyed hash of the data subject's BSN: linkable for an inzageverzoek, never the BSN itself.
    data_subject_hash = models.CharField(max_length=64, blank=True, db_index=True)
    data_subject_type = models.CharField(max_length=10, blank=True)
    categories = models.JSONField(_("welke gegevens"), default=list)
    reason = models.CharField(_("waarom"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("logregel verwerking")
        verbose_name_plural = _("logboek verwerkingen")
        ordering = ["-start_time", "-pk"]
        # The dossier's log: the newest rows of one case, read from the index in order; every read of a
        # dossier adds a row, so a much-read case would otherwise sort all of its history each time.
        indexes = [models.Index(fields=["zaak", "-start_time", "-id"], name="auditlog_zaak_nieuwste")]
