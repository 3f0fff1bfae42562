"""The work of a bezwaar: taken up at once, then one civil-servant task.

start → behandelen (In behandeling) → Beslissen op bezwaar → end
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from zaken.actors import Actor
from zaken.processes.shared import CaseFlowMixin

from . import services, views


class BezwaarFlow(CaseFlowMixin, flow.Flow):
    process_title = _("Bezwaar")
    process_description = _("Bezwaar tegen een besluit (Algemene wet bestuursrecht, hoofdstuk 6 en 7)")

    start = flow.StartHandle(this.start_process).Next(this.behandelen)

    behandelen = flow.Function(this.take_up).Annotation(title=_("In behandeling nemen")).Next(this.beslissen)

    beslissen = (
        flow.View(views.BeslissenView.as_view())
        .Annotation(title=_("Beslissen op bezwaar"),
                    description=_("Het besluit heroverwegen en beslissen: gegrond, ongegrond of niet-ontvankelijk."))
        .Permission("bezwaar.beslissen_bezwaar")
        .Next(this.end)
    )

    end = flow.End()

    def take_up(self, activation):
        services.bezwaar_in_behandeling_nemen(bezwaar=activation.process.artifact, by=Actor.system("bezwaar"))
