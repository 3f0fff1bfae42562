"""The move case and its legal lifecycle.

ontvangen ─┬─ automatisch_inplannen ──────────────────────────────┐
           └─ handmatig_beoordelen → in_behandeling ⇄ aanvulling_nodig
                                      ├─ goedkeuren ──────────────┤
                                      └─ afwijzen → afgewezen     ▼
                        ingepland ─ brp_uitgesteld → verwerking_vertraagd
                            └────────── verwerken ─────────┴──→ verwerkt
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition

from zaken.machine import CaseMachine


class Verhuizing(CaseMachine):
    class State(models.TextChoices):
        ONTVANGEN = "ontvangen", _("ontvangen")
        IN_BEHANDELING = "in_behandeling", _("in behandeling")
        AANVULLING_NODIG = "aanvulling_nodig", _("aanvullende gegevens nodig")
        INGEPLAND = "ingepland", _("ingepland op verhuisdatum")
        VERWERKING_VERTRAAGD = "verwerking_vertraagd", _("verwerking vertraagd (BRP niet bereikbaar)")
        VERWERKT = "verwerkt", _("verwerkt")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    OPEN_STATES = (State.ONTVANGEN, State.IN_BEHANDELING, State.AANVULLING_NODIG, State.INGEPLAND,
                   State.VERWERKING_VERTRAAGD)

    state = FSMField(_("status"), default=State.ONTVANGEN, choices=State.choices, protected=True)
    opgegeven_verhuisdatum = models.DateField(_("opgegeven verhuisdatum"))
    # The date registered in the BRP: the report date when the report came too late (art. 2.39).
    verhuisdatum = models.DateField(_("verhuisdatum"))
    oud_adres = models.JSONField(_("oud adres"))
    nieuw_adres = models.JSONField(_("nieuw adres (BAG)"))
    nieuw_adresseerbaar_object = models.CharField(max_length=16, db_index=True)
    inwoning = models.BooleanField(_("inwoning bij hoofdbewoner"), default=False)
    email = models.EmailField(_("e-mailadres"))
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    bewoners_bij_aangifte = models.PositiveSmallIntegerField(_("bewoners op het nieuwe adres"), default=0)
    # Why a civil servant must look: codes from rules.ManualReason.
    handmatig_redenen = models.JSONField(_("redenen voor handmatige beoordeling"), default=list, blank=True)
    adresonderzoek_nodig = models.BooleanField(default=False)
    adresonderzoek_uitkomst = models.CharField(_("uitkomst adresonderzoek"), max_length=40, blank=True)
    adresonderzoek_toelichting = models.TextField(blank=True)
    afwijzingsreden = models.TextField(_("reden van afwijzing"), blank=True)
    brp_pogingen = models.PositiveSmallIntegerField(default=0)
    brp_volgende_poging = models.DateTimeField(null=True, blank=True)
    verwerkt_op = models.DateTimeField(_("verwerkt in de BRP op"), null=True, blank=True)

    PUBLIC_STATUS = {state: state for state in State.values}

    class Meta:
        verbose_name = _("verhuizing")
        verbose_name_plural = _("verhuizingen")
        indexes = [models.Index(fields=["state"], name="verhuizing_state")]  # the sweeps select by state
        permissions = [("beoordelen_verhuizing", _("Kan een verhuizing beoordelen")),
                       ("adresonderzoek_verhuizing", _("Kan een adresonderzoek uitvoeren"))]

    def __str__(self):
        return f"{self.zaak.identificatie}: verhuizing"

    @property
    def is_automatisch(self) -> bool:
        return not self.handmatig_redenen and not self.adresonderzoek_nodig

    # Bodies stay empty: zaken.signals writes the Status row from `by` and `toelichting`.

    @transition(field=state, source=State.ONTVANGEN, target=State.INGEPLAND)
    def automatisch_inplannen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.ONTVANGEN, target=State.IN_BEHANDELING)
    def handmatig_beoordelen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.AANVULLING_NODIG)
    def aanvulling_vragen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.AANVULLING_NODIG, target=State.IN_BEHANDELING)
    def aanvulling_ontvangen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.INGEPLAND)
    def goedkeuren(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.IN_BEHANDELING, target=State.AFGEWEZEN)
    def afwijzen(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=State.INGEPLAND, target=State.VERWERKING_VERTRAAGD)
    def brp_uitgesteld(self, *, by, toelichting=""):
        pass

    @transition(field=state, source=[State.INGEPLAND, State.VERWERKING_VERTRAAGD], target=State.VERWERKT)
    def verwerken(self, *, by, toelichting=""):
        pass


class VerhuizingPersoon(models.Model):
    """Everyone who moves in one case: the declarant and the co-movers reported with them."""

    class Rol(models.TextChoices):
        AANGEVER = "aangever", _("aangever")
        MEEVERHUIZER = "meeverhuizer", _("meeverhuizer")

    verhuizing = models.ForeignKey(Verhuizing, on_delete=models.CASCADE, related_name="personen")
    bsn = models.CharField(max_length=9, db_index=True)
    naam = models.TextField()  # a full name from the BRP: no fixed bound (see zaken.models.Rol.naam)
    rol = models.CharField(max_length=20, choices=Rol.choices)
    relatie = models.CharField(_("relatie tot aangever"), max_length=40, blank=True)
    verwerkt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("verhuizende persoon")
        verbose_name_plural = _("verhuizende personen")
        constraints = [models.UniqueConstraint(fields=["verhuizing", "bsn"], name="uniq_verhuizing_persoon")]
