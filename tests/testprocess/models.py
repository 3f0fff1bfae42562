"""The test case and its legal lifecycle.

ontvangen → in_behandeling → (aanvulling_gevraagd ↔ in_behandeling) → afgehandeld | afgewezen
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from zaken.machine import CaseMachine


class TestAanvraag(CaseMachine):
    __test__ = False  # not a pytest test class, whatever its name

    class State(models.TextChoices):
        ONTVANGEN = "ontvangen", _("ontvangen")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("aanvulling gevraagd")
        AFGEHANDELD = "afgehandeld", _("afgehandeld")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    state = FSMField(_("status"), default=State.ONTVANGEN, choices=State.choices, protected=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=200)

    # Every state is also a public status, under the same code.
    PUBLIC_STATUS = {state: state for state in State.values}

    class Meta:
        verbose_name = _("testaanvraag")
        verbose_name_plural = _("testaanvragen")
        # Task permissions live on the case model, not on viewflow's Process (that would need a
        # migration in viewflow's own app); the back office grants them to groups.
        permissions = [("beoordelen_testaanvraag", _("Kan een testaanvraag beoordelen"))]

    def __str__(self):
        return f"{self.zaak.identificatie}: {self.onderwerp}"

    @property
    def wacht_op_aanvulling(self) -> bool:
        return self.state == self.State.AANVULLING_GEVRAAGD

    # The bodies are empty on purpose: the post_transition hook in zaken.signals writes the Status
    # row from `by` and `toelichting`.

    @transition(field=state, source=State.ONTVANGEN, target=State.IN_BEHANDELING)
    def in_behandeling_nemen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.AANVULLING_GEVRAAGD)
    def aanvulling_vragen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.AANVULLING_GEVRAAGD, target=State.IN_BEHANDELING)
    def aanvulling_ontvangen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.AFGEHANDELD)
    def toekennen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.AFGEWEZEN)
    def afwijzen(self, *, by, toelichting=""):
        pass
