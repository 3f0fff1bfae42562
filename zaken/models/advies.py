"""An advice request to an adviser outside the case (police, fire service, GGD, traffic), with its term.

Advisers have no login: a civil servant asks the question and records the advice that came in. The
request's state changes only through zaken.adviezen (django-fsm, protected field).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, FSMModelMixin, transition

from .zaak import Zaak


class Adviseur(models.TextChoices):
    """The advisers a municipality asks; "overig" takes a name."""

    POLITIE = "politie", _("Politie")
    BRANDWEER = "brandweer", _("Brandweer / veiligheidsregio")
    GGD = "ggd", _("GGD")
    VERKEER = "verkeer", _("Verkeer")
    OVERIG = "overig", _("Overig")


class Uitkomst(models.TextChoices):
    POSITIEF = "positief", _("positief")
    VOORWAARDEN = "positief_met_voorwaarden", _("positief met voorwaarden")
    NEGATIEF = "negatief", _("negatief")
    GEEN = "geen_advies", _("geen advies ontvangen")  # the term passed without an answer


class Adviesverzoek(FSMModelMixin, models.Model):
    class Status(models.TextChoices):
        GEVRAAGD = "gevraagd", _("wacht op advies")
        ONTVANGEN = "ontvangen", _("advies ontvangen")

    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="adviesverzoeken")
    # The case's municipality, copied so that the dashboard's index starts with it.
    gemeente = models.ForeignKey("zaken.Gemeente", on_delete=models.CASCADE, related_name="+")
    adviseur = models.CharField(_("adviseur"), max_length=20, choices=Adviseur.choices)
    adviseur_naam = models.CharField(_("naam adviseur"), max_length=200, blank=True,
                                     help_text=_("Alleen bij overig: wie om advies wordt gevraagd."))
    vraag = models.TextField(_("vraag aan de adviseur"))
    gevraagd_op = models.DateTimeField(_("gevraagd op"))
    gevraagd_door = models.CharField(_("gevraagd door"), max_length=200)
    termijn = models.DateField(_("advies uiterlijk op"))
    status = FSMField(_("status"), default=Status.GEVRAAGD, choices=Status.choices, protected=True)
    beantwoord_op = models.DateTimeField(_("advies ontvangen op"), null=True, blank=True)
    advies = models.TextField(_("advies"), blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=30, choices=Uitkomst.choices, blank=True)
    vastgelegd_door = models.CharField(_("vastgelegd door"), max_length=200, blank=True)
    vastgelegd_door_medewerker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                                   null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("adviesverzoek")
        verbose_name_plural = _("adviesverzoeken")
        ordering = ["gevraagd_op", "pk"]
        indexes = [
            # The dashboard's "wacht op advies", by term: open requests only, so the index stays small.
            models.Index(fields=["gemeente", "termijn"], name="adviesverzoek_open_termijn",
                         condition=Q(status="gevraagd")),
        ]

    def __str__(self):
        return f"{self.adviseur_label} ({self.zaak_id})"

    @property
    def adviseur_label(self) -> str:
        return self.adviseur_naam if self.adviseur == Adviseur.OVERIG and self.adviseur_naam \
            else self.get_adviseur_display()

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.GEVRAAGD

    @transition(field=status, source=Status.GEVRAAGD, target=Status.ONTVANGEN)
    def ontvangen(self, *, advies: str, uitkomst: str, moment, door: str, medewerker=None):
        self.advies = advies
        self.uitkomst = uitkomst
        self.beantwoord_op = moment
        self.vastgelegd_door = door[:200]
        self.vastgelegd_door_medewerker = medewerker
