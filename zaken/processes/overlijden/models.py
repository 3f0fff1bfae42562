"""The death-registration case and its legal lifecycle.

ontvangen ⇄ aanvulling_nodig
   └─ documenten_goedkeuren → documenten_gecontroleerd ─┬─ ovj_afwachten → wacht_op_ovj ─ ovj_vrijgeven ─┐
                                                        ├─ uitstel_afwachten → wacht_op_uitstel ─ uitstel_vastleggen ─┤
                                                        └─ akte_opmaken (OvJ and uitstel settled) ◄────────────────┘
akte_opgemaakt ─ verlof_verstrekken (never before the OvJ release) → verlof_verstrekt ─ brp_verwerkt → verwerkt_brp
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from zaken.machine import CaseMachine


class Overlijden(CaseMachine):
    class State(models.TextChoices):
        ONTVANGEN = "ontvangen", _("ontvangen")
        AANVULLING_NODIG = "aanvulling_nodig", _("documenten onvolledig")
        DOCUMENTEN_GECONTROLEERD = "documenten_gecontroleerd", _("documenten gecontroleerd")
        WACHT_OP_OVJ = "wacht_op_ovj", _("wacht op vrijgave OvJ")
        WACHT_OP_UITSTEL = "wacht_op_uitstel", _("wacht op uitstelbesluit")
        AKTE_OPGEMAAKT = "akte_opgemaakt", _("akte opgemaakt")
        VERLOF_VERSTREKT = "verlof_verstrekt", _("verlof verstrekt")
        VERWERKT_BRP = "verwerkt_brp", _("verwerkt in BRP")

    class Doodsoorzaak(models.TextChoices):
        NATUURLIJK = "natuurlijk", _("natuurlijk overlijden")
        NIET_NATUURLIJK = "niet_natuurlijk", _("niet-natuurlijk overlijden")

    class Wijze(models.TextChoices):
        BEGRAVEN = "begraven", _("begraven")
        CREMEREN = "cremeren", _("cremeren")

    OPEN_STATES = (State.ONTVANGEN, State.AANVULLING_NODIG, State.DOCUMENTEN_GECONTROLEERD, State.WACHT_OP_OVJ,
                   State.WACHT_OP_UITSTEL, State.AKTE_OPGEMAAKT, State.VERLOF_VERSTREKT)

    state = FSMField(_("status"), default=State.ONTVANGEN, choices=State.choices, protected=True)
    overledene_bsn = models.CharField(max_length=9, db_index=True)
    # Name, date of birth, address and marital status as the BRP gave them at filing.
    overledene = models.JSONField(_("overledene (BRP)"))
    overleden_op = models.DateTimeField(_("datum en tijd van overlijden"))
    plaats_overlijden = models.CharField(_("plaats van overlijden"), max_length=200)
    plaats_gemeentecode = models.CharField(max_length=4)
    doodsoorzaak = models.CharField(_("soort overlijden"), max_length=20, choices=Doodsoorzaak.choices)
    wijze = models.CharField(_("begraven of cremeren"), max_length=10, choices=Wijze.choices)
    uitvaart_op = models.DateTimeField(_("geplande uitvaart"), db_index=True)
    uitvaart_plaats = models.CharField(_("plaats van de uitvaart"), max_length=200)
    venster_vroegst = models.DateTimeField(_("uitvaart vanaf"))
    venster_uiterlijk = models.DateField(_("uitvaart uiterlijk op"))
    # "verkorting", "uitstel" or "": why the burgemeester must decide (art. 16-17 Wlb).
    afwijking = models.CharField(_("afwijking van de termijn"), max_length=12, blank=True)
    uittreksels = models.PositiveSmallIntegerField(_("aantal uittreksels"), default=0)
    ovj_vrijgegeven_op = models.DateTimeField(_("vrijgegeven door de OvJ op"), null=True, blank=True)
    ovj_kenmerk = models.CharField(_("kenmerk vrijgave OvJ"), max_length=100, blank=True)
    uitstel_vastgelegd_op = models.DateTimeField(_("uitstelbesluit vastgelegd op"), null=True, blank=True)
    uitstel_toelichting = models.TextField(_("toelichting uitstelbesluit"), blank=True)
    akte_nummer = models.CharField(_("aktenummer"), max_length=30, blank=True)
    akte_opgemaakt_op = models.DateTimeField(null=True, blank=True)
    verlof_verstrekt_op = models.DateTimeField(null=True, blank=True)
    brp_pogingen = models.PositiveSmallIntegerField(default=0)
    brp_volgende_poging = models.DateTimeField(null=True, blank=True)
    verwerkt_op = models.DateTimeField(_("verwerkt in de BRP op"), null=True, blank=True)

    PUBLIC_STATUS = {state: state for state in State.values}

    class Meta:
        verbose_name = _("aangifte overlijden")
        verbose_name_plural = _("aangiften overlijden")
        indexes = [
            # The sweeps select by state; the work list walks the open cases by funeral (a few percent of all).
            models.Index(fields=["state"], name="overlijden_state"),
            # The condition spells OPEN_STATES out (Meta cannot see the class body); a test keeps them equal.
            models.Index(fields=["uitvaart_op", "id"], name="overlijden_werklijst",
                         condition=models.Q(state__in=["ontvangen", "aanvulling_nodig", "documenten_gecontroleerd",
                                                       "wacht_op_ovj", "wacht_op_uitstel", "akte_opgemaakt",
                                                       "verlof_verstrekt"])),
        ]
        permissions = [("behandelen_overlijden", _("Kan een aangifte overlijden controleren en vrijgaven vastleggen")),
                       ("akte_overlijden", _("Kan als ambtenaar van de burgerlijke stand een akte van overlijden "
                                             "opmaken en verlof verstrekken"))]

    def __str__(self):
        return f"{self.zaak.identificatie}: overlijden"

    @property
    def is_niet_natuurlijk(self) -> bool:
        return self.doodsoorzaak == self.Doodsoorzaak.NIET_NATUURLIJK

    def ovj_afgehandeld(self) -> bool:
        return not self.is_niet_natuurlijk or self.ovj_vrijgegeven_op is not None

    def uitstel_afgehandeld(self) -> bool:
        return not self.afwijking or self.uitstel_vastgelegd_op is not None

    # Bodies stay empty: zaken.signals writes the Status row from `by` and `toelichting`.

    @transition(field=state, source=State.ONTVANGEN, target=State.AANVULLING_NODIG)
    def documenten_onvolledig(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.AANVULLING_NODIG, target=State.ONTVANGEN)
    def aanvulling_ontvangen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.ONTVANGEN, target=State.DOCUMENTEN_GECONTROLEERD)
    def documenten_goedkeuren(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.DOCUMENTEN_GECONTROLEERD, target=State.WACHT_OP_OVJ,
                conditions=[lambda self: self.is_niet_natuurlijk and self.ovj_vrijgegeven_op is None])
    def ovj_afwachten(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.WACHT_OP_OVJ, target=State.DOCUMENTEN_GECONTROLEERD,
                conditions=[lambda self: self.ovj_vrijgegeven_op is not None])
    def ovj_vrijgeven(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.DOCUMENTEN_GECONTROLEERD, target=State.WACHT_OP_UITSTEL,
                conditions=[lambda self: bool(self.afwijking) and self.uitstel_vastgelegd_op is None])
    def uitstel_afwachten(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.WACHT_OP_UITSTEL, target=State.DOCUMENTEN_GECONTROLEERD,
                conditions=[lambda self: self.uitstel_vastgelegd_op is not None])
    def uitstel_vastleggen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.DOCUMENTEN_GECONTROLEERD, target=State.AKTE_OPGEMAAKT,
                conditions=[ovj_afgehandeld, uitstel_afgehandeld, lambda self: bool(self.akte_nummer)])
    def akte_opmaken(self, *, by, toelichting=""):
        pass

    # Art. 16/76 Wlb: after a non-natural death no verlof before the OvJ's release.
    @transition(field=state, source=State.AKTE_OPGEMAAKT, target=State.VERLOF_VERSTREKT,
                conditions=[ovj_afgehandeld])
    def verlof_verstrekken(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.VERLOF_VERSTREKT, target=State.VERWERKT_BRP)
    def brp_verwerkt(self, *, by, toelichting=""):
        pass
