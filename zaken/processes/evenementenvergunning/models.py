"""The event application with its legal lifecycle.

permit:  ontvangen (wacht op betaling) ─ betalen → in_behandeling ─ verlenen → verleend
                                                               └ weigeren → geweigerd
melding: melding_ontvangen ─ melding_accepteren → melding_geaccepteerd
                          └ melding_verbieden → melding_verboden
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from zaken.machine import CaseMachine


class Evenement(CaseMachine):
    class State(models.TextChoices):
        ONTVANGEN = "ontvangen", _("ontvangen, wacht op betaling")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        VERLEEND = "verleend", _("verleend")
        GEWEIGERD = "geweigerd", _("geweigerd")
        MELDING_ONTVANGEN = "melding_ontvangen", _("melding ontvangen")
        MELDING_GEACCEPTEERD = "melding_geaccepteerd", _("melding geaccepteerd")
        MELDING_VERBODEN = "melding_verboden", _("melding verboden")

    class Klasse(models.TextChoices):
        A = "A", _("A (laag risico)")
        B = "B", _("B (gemiddeld risico)")
        C = "C", _("C (hoog risico)")

    OPEN_STATES = (State.ONTVANGEN, State.IN_BEHANDELING, State.MELDING_ONTVANGEN)
    PUBLIC_STATUS = {state: state for state in State.values}

    state = FSMField(_("status"), default=State.ONTVANGEN, choices=State.choices, protected=True)
    melding = models.BooleanField(_("melding"), default=False)
    risicoklasse = models.CharField(_("risicoklasse"), max_length=1, choices=Klasse.choices, default=Klasse.A)
    grootteklasse = models.CharField(_("grootteklasse"), max_length=20, blank=True)
    naam = models.CharField(_("naam van het evenement"), max_length=200)
    begin = models.DateField(_("eerste dag"))
    einde = models.DateField(_("laatste dag"))
    locatie = models.CharField(_("locatie"), max_length=300)
    bezoekers = models.PositiveIntegerField(_("bezoekers tegelijk (piek)"))
    # Every answer of the form as filed (dates as ISO text): the dossier and the permit letter read it.
    antwoorden = models.JSONField(_("antwoorden"), default=dict)
    te_laat_ingediend = models.BooleanField(_("na de indientermijn ingediend"), default=False)
    leges_cent = models.PositiveIntegerField(_("leges (cent)"), default=0)
    betaald_op = models.DateTimeField(_("betaald op"), null=True, blank=True)
    verbod_uiterlijk = models.DateField(_("verbieden kan tot en met"), null=True, blank=True)
    voorschriften = models.TextField(_("voorschriften"), blank=True)
    motivering = models.TextField(_("motivering"), blank=True)

    class Meta:
        verbose_name = _("evenementenvergunning")
        verbose_name_plural = _("evenementenvergunningen")
        permissions = [("beoordelen_evenement", _("Kan een evenementenvergunning of -melding beoordelen")),
                       ("advies_evenement", _("Kan een advies over een evenement vastleggen"))]
        indexes = [models.Index(fields=["state", "verbod_uiterlijk"], name="evenement_melding_termijn")]

    def __str__(self):
        return f"{self.zaak.identificatie}: {self.naam}"

    # Bodies stay empty: zaken.signals writes the Status row from `by` and `toelichting`.

    @transition(field=state, source=State.ONTVANGEN, target=State.IN_BEHANDELING)
    def betalen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.VERLEEND)
    def verlenen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.GEWEIGERD)
    def weigeren(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.MELDING_ONTVANGEN, target=State.MELDING_GEACCEPTEERD)
    def melding_accepteren(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.MELDING_ONTVANGEN, target=State.MELDING_VERBODEN)
    def melding_verbieden(self, *, by, toelichting=""):
        pass
