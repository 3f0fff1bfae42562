"""The work of an event application; the service decided melding or permit before the flow starts.

start → route ─(melding)→ melding_toetsen (civil servant: accept or prohibit; the sweep accepts after the
             │            prohibition period and cancels the task) → end
             └(permit)→ betaling (Handle, the payment hook) → advies (Handle: every advice in, or its term
                        passed; the sweep checks) → beoordelen (civil servant: grant or refuse) → end
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from zaken.processes.shared import CaseFlowMixin

from . import views

PERMISSION = "evenementenvergunning.beoordelen_evenement"


class EvenementenvergunningFlow(CaseFlowMixin, flow.Flow):
    process_title = _("Evenementenvergunning")
    process_description = _("Evenement: melding of vergunning, leges, adviezen en het besluit van de burgemeester")

    start = flow.StartHandle(this.start_process).Next(this.route)

    route = (flow.Switch().Annotation(title=_("Melding of vergunning?"))
             .Case(this.melding_toetsen, this.is_melding)
             .Default(this.betaling))

    melding_toetsen = (
        flow.View(views.MeldingView.as_view())
        .Annotation(title=_("Melding toetsen"),
                    description=_("Binnen de verbodstermijn: accepteren of het evenement verbieden."))
        .Permission(PERMISSION)
        .Next(this.end)
    )

    betaling = flow.Handle().Annotation(title=_("Wachten op betaling")).Next(this.advies)

    advies = flow.Handle().Annotation(title=_("Wachten op adviezen")).Next(this.beoordelen)

    beoordelen = (
        flow.View(views.BeoordelenView.as_view())
        .Annotation(title=_("Beoordelen"),
                    description=_("De adviezen en het veiligheidsplan bekijken; verlenen met voorschriften of "
                                  "weigeren."))
        .Permission(PERMISSION)
        .Next(this.end)
    )

    end = flow.End()

    def is_melding(self, activation):
        return activation.process.artifact.melding
