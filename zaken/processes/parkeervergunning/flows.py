"""The work of a resident's permit; the service decided the first step before the flow starts.

start → route ─(granted)→ end
             ├(waiting list)→ wachtlijst (Handle, completed when a place frees) → route again
             └(otherwise)→ beoordelen (civil servant: grant or refuse) → end
A grant van rechtswege (Awb 4:20b) cancels the open task (services.van_rechtswege_verleend).
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from zaken.processes.shared import CaseFlowMixin

from . import views
from .models import Parkeervergunning


class ParkeervergunningFlow(CaseFlowMixin, flow.Flow):
    process_title = _("Parkeervergunning")
    process_description = _("Bewonersvergunning: zone, voertuig, quotum en wachtlijst (Parkeerverordening)")

    start = flow.StartHandle(this.start_process).Next(this.route)

    route = (flow.Switch().Annotation(title=_("Verleend, wachtlijst of beoordelen?"))
             .Case(this.end, this.is_verleend)
             .Case(this.wachtlijst, this.op_wachtlijst)
             .Default(this.beoordelen))

    # Completed by services.wachtlijst_doorschuiven when a place in the zone frees up.
    wachtlijst = flow.Handle().Annotation(title=_("Op de wachtlijst")).Next(this.route_na_wachtlijst)

    route_na_wachtlijst = (flow.Switch().Annotation(title=_("Verleend of beoordelen?"))
                           .Case(this.end, this.is_verleend)
                           .Default(this.beoordelen))

    beoordelen = (
        flow.View(views.BeoordelenView.as_view())
        .Annotation(title=_("Beoordelen"),
                    description=_("Het bewijs bij een lease- of bedrijfsauto bekijken; verlenen of weigeren."))
        .Permission("parkeervergunning.beoordelen_parkeervergunning")
        .Next(this.end)
    )

    end = flow.End()

    def is_verleend(self, activation):
        return activation.process.artifact.state == Parkeervergunning.State.VERLEEND

    def op_wachtlijst(self, activation):
        return activation.process.artifact.state == Parkeervergunning.State.WACHTLIJST
