"""The work of a move case, as a BPMN-like chain of nodes; the rules live in services and rules.

start → automatisch? ─ja→ inplannen → wacht_op_verhuisdatum (timer) → brp_opdracht → brp_verwerking → end
                    └nee→ naar_behandeling → adresonderzoek? → Beoordelen → goedgekeurd → timer …
                                                                  ├ aanvulling → wacht op antwoord → Beoordelen
                                                                  └ afgewezen → afwijzing → end
"""

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from zaken.processes.shared import CaseFlowMixin

from . import services, views
from .models import Verhuizing


def move_moment(activation):
    """Just after midnight (Dutch time) on the move date; a past date is due at once."""
    day = activation.process.artifact.verhuisdatum
    return timezone.make_aware(datetime.combine(day, time(0, 5)), timezone.get_default_timezone())


class VerhuizingFlow(CaseFlowMixin, flow.Flow):
    process_title = _("Verhuizing")
    process_description = _("Aangifte adreswijziging (art. 2.39 Wet BRP)")

    start = flow.StartHandle(this.start_process).Next(this.automatisch)

    automatisch = (flow.If(this.is_automatisch).Annotation(title=_("Alle controles goed?"))
                   .Then(this.inplannen).Else(this.naar_behandeling))

    inplannen = flow.Function(this.plan_in).Annotation(title=_("Automatisch inplannen")).Next(this.wacht_op_verhuisdatum)

    naar_behandeling = (flow.Function(this.to_staff).Annotation(title=_("Naar behandeling"))
                        .Next(this.onderzoek_nodig))

    onderzoek_nodig = (flow.If(this.needs_onderzoek).Annotation(title=_("Adresonderzoek nodig?"))
                       .Then(this.adresonderzoek).Else(this.beoordelen))

    adresonderzoek = (
        flow.View(views.AdresonderzoekView.as_view())
        .Annotation(title=_("Adresonderzoek"), description=_("Bewoning van het nieuwe adres onderzoeken."))
        .Permission("verhuizing.adresonderzoek_verhuizing")
        .Next(this.beoordelen)
    )

    beoordelen = (
        flow.View(views.BeoordelenView.as_view())
        .Annotation(title=_("Beoordelen"), description=_("Verhuizing goedkeuren, aanvulling vragen of afwijzen."))
        .Permission("verhuizing.beoordelen_verhuizing")
        .Next(this.na_beoordelen)
    )

    na_beoordelen = (flow.Switch().Annotation(title=_("Uitkomst"))
                     .Case(this.wacht_op_verhuisdatum, this.is_ingepland)
                     .Case(this.aanvulling, this.wacht_op_aanvulling)
                     .Default(this.afwijzing))

    # Completed when the citizen answers in the tracker, or by the deadline sweep.
    aanvulling = flow.Handle().Annotation(title=_("Wachten op aanvulling")).Next(this.beoordelen)

    afwijzing = flow.Function(this.send_rejection).Annotation(title=_("Afwijzing versturen")).Next(this.end)

    wacht_op_verhuisdatum = flow.Timer(move_moment).Annotation(title=_("Wachten op verhuisdatum")).Next(this.brp_opdracht)

    brp_opdracht = flow.Function(this.queue_brp).Annotation(title=_("BRP-wijziging inplannen")).Next(this.brp_verwerking)

    # Completed by the Celery task once the BRP accepted the change (it retries while the BRP is down).
    brp_verwerking = flow.Handle().Annotation(title=_("Verwerken in de BRP")).Next(this.end)

    end = flow.End()

    def is_automatisch(self, activation):
        return activation.process.artifact.is_automatisch

    def needs_onderzoek(self, activation):
        return activation.process.artifact.adresonderzoek_nodig

    def is_ingepland(self, activation):
        return activation.process.artifact.state == Verhuizing.State.INGEPLAND

    def wacht_op_aanvulling(self, activation):
        return activation.process.artifact.state == Verhuizing.State.AANVULLING_NODIG

    def plan_in(self, activation):
        services.verhuizing_automatisch_inplannen(verhuizing=activation.process.artifact)

    def to_staff(self, activation):
        services.verhuizing_naar_behandeling(verhuizing=activation.process.artifact)

    def send_rejection(self, activation):
        services.verhuizing_afwijzing_versturen(verhuizing=activation.process.artifact)

    def queue_brp(self, activation):
        services.verhuizing_brp_inplannen(verhuizing=activation.process.artifact)

