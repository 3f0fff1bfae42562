"""The work of a death registration, as a BPMN-like chain of nodes; the rules live in services and the model.

start → Documenten controleren ─ onvolledig → wacht op aanvulling (tracker) → Documenten controleren
                              └ compleet → [OvJ-vrijgave registreren] → [Uitstelbesluit vastleggen]
                                         → Akte opmaken → Verlof verstrekken → BRP (Celery, retries) → end
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from zaken.processes.shared import CaseFlowMixin

from . import services, views
from .models import Overlijden

State = Overlijden.State


class OverlijdenFlow(CaseFlowMixin, flow.Flow):
    process_title = _("Aangifte overlijden")
    process_description = _("Aangifte van overlijden door de uitvaartondernemer (Boek 1 BW, Wlb)")

    start = flow.StartHandle(this.start_process).Next(this.controleren)

    controleren = (
        flow.View(views.ControlerenView.as_view())
        .Annotation(title=_("Documenten controleren"),
                    description=_("A-formulier en overige documenten controleren; ontbreekt er iets, vraag het "
                                  "de uitvaartondernemer."))
        .Permission("overlijden.behandelen_overlijden")
        .Next(this.na_controle)
    )

    na_controle = (flow.Switch().Annotation(title=_("Uitkomst controle"))
                   .Case(this.aanvulling, this.is_aanvulling_nodig)
                   .Case(this.ovj_vrijgave, this.wacht_op_ovj)
                   .Case(this.uitstelbesluit, this.wacht_op_uitstel)
                   .Default(this.akte))

    # Completed when the undertaker answers in the tracker, or by the deadline sweep.
    aanvulling = flow.Handle().Annotation(title=_("Wachten op documenten")).Next(this.controleren)

    ovj_vrijgave = (
        flow.View(views.OvjVrijgaveView.as_view())
        .Annotation(title=_("OvJ-vrijgave registreren"),
                    description=_("Niet-natuurlijk overlijden: geen verlof vóór de vrijgave door de officier van "
                                  "justitie."))
        .Permission("overlijden.behandelen_overlijden")
        .Next(this.na_ovj)
    )

    na_ovj = (flow.If(this.wacht_op_uitstel).Annotation(title=_("Uitstelbesluit nodig?"))
              .Then(this.uitstelbesluit).Else(this.akte))

    uitstelbesluit = (
        flow.View(views.UitstelView.as_view())
        .Annotation(title=_("Uitstelbesluit vastleggen"),
                    description=_("Besluit van de burgemeester over uitstel of verkorting (art. 17 Wlb)."))
        .Permission("overlijden.behandelen_overlijden")
        .Next(this.akte)
    )

    akte = (
        flow.View(views.AkteView.as_view())
        .Annotation(title=_("Akte opmaken"), description=_("De akte van overlijden opmaken en nummeren."))
        .Permission("overlijden.akte_overlijden")
        .Next(this.verlof)
    )

    verlof = (
        flow.View(views.VerlofView.as_view())
        .Annotation(title=_("Verlof verstrekken"), description=_("Het verlof tot begraven of cremeren verstrekken."))
        .Permission("overlijden.akte_overlijden")
        .Next(this.brp_opdracht)
    )

    brp_opdracht = flow.Function(this.queue_brp).Annotation(title=_("BRP-verwerking inplannen")).Next(this.brp_verwerking)

    # Completed by the Celery task once the BRP accepted the death (it retries while the BRP is down).
    brp_verwerking = flow.Handle().Annotation(title=_("Verwerken in de BRP")).Next(this.end)

    end = flow.End()

    def is_aanvulling_nodig(self, activation):
        return activation.process.artifact.state == State.AANVULLING_NODIG

    def wacht_op_ovj(self, activation):
        return activation.process.artifact.state == State.WACHT_OP_OVJ

    def wacht_op_uitstel(self, activation):
        return activation.process.artifact.state == State.WACHT_OP_UITSTEL

    def queue_brp(self, activation):
        services.overlijden_brp_inplannen(overlijden=activation.process.artifact)

