"""The bezwaar case: one objection by one person to one besluit.

ontvangen ─ in_behandeling_nemen → in_behandeling ─ gegrond_verklaren → gegrond
                                                  ├ ongegrond_verklaren → ongegrond
                                                  └ niet_ontvankelijk_verklaren → niet_ontvankelijk
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from zaken.machine import CaseMachine
from zaken.models import Besluit, Zaak


class Bezwaar(CaseMachine):
    class State(models.TextChoices):
        ONTVANGEN = "ontvangen", _("ontvangen")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        GEGROND = "gegrond", _("gegrond")
        ONGEGROND = "ongegrond", _("ongegrond")
        NIET_ONTVANKELIJK = "niet_ontvankelijk", _("niet-ontvankelijk")

    UITKOMSTEN = (State.GEGROND, State.ONGEGROND, State.NIET_ONTVANKELIJK)
    PUBLIC_STATUS = {state: state for state in State.values}

    state = FSMField(_("status"), default=State.ONTVANGEN, choices=State.choices, protected=True)
    besluit = models.ForeignKey(Besluit, on_delete=models.PROTECT, related_name="bezwaren")
    oorspronkelijke_zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="bezwaren")
    # zaken.bezwaren.indiener_sleutel: a keyed hash of the BSN or KvK-nummer, never the number itself.
    indiener = models.CharField(max_length=64)
    gronden = models.TextField(_("gronden van het bezwaar"))
    motivering = models.TextField(_("motivering van de beslissing"), blank=True)

    class Meta:
        verbose_name = _("bezwaar")
        verbose_name_plural = _("bezwaren")
        indexes = [models.Index(fields=["state"], name="bezwaar_state")]
        permissions = [("beslissen_bezwaar", _("Kan beslissen op een bezwaar"))]
        constraints = [models.UniqueConstraint(fields=["besluit", "indiener"], name="uniq_bezwaar_per_indiener")]

    def __str__(self):
        return f"{self.zaak.identificatie}: bezwaar"

    # Bodies stay empty: zaken.signals writes the Status row from `by` and `toelichting`.

    @transition(field=state, source=State.ONTVANGEN, target=State.IN_BEHANDELING)
    def in_behandeling_nemen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.GEGROND)
    def gegrond_verklaren(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.ONGEGROND)
    def ongegrond_verklaren(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.NIET_ONTVANKELIJK)
    def niet_ontvankelijk_verklaren(self, *, by, toelichting=""):
        pass
