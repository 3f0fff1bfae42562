"""The work of a renewal as viewflow nodes; every wait is a Handle completed by a service.

start → betaling ─(paid)→ bestellen → rdw_bestelling ─(ordered)→ productie → afhalen → end
           └(unpaid)→ end               └(RDW refuses: naar de balie)→ end
`afhalen` waits for the counter (handed out or refused, zaken.processes.rijbewijs.counter) or the lapse.
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from zaken.processes.shared import CaseFlowMixin
from zaken.queueing import send_after_commit

from .models import Rijbewijs


class RijbewijsFlow(CaseFlowMixin, flow.Flow):
    process_title = _("Rijbewijs verlengen")
    process_description = _("Digitaal aanvragen rijbewijs: betalen, bestellen bij de RDW, uitreiken aan de balie")
    # The counter's handover is no viewflow task (walk-in, found by number or QR); its right is granted with the tasks'.
    extra_permissions = ("rijbewijs.uitreiken_rijbewijs",)

    start = flow.StartHandle(this.start_process).Next(this.betaling)

    betaling = flow.Handle().Annotation(title=_("Wachten op betaling")).Next(this.is_betaald)

    is_betaald = (flow.If(this.paid).Annotation(title=_("Betaald?"))
                  .Then(this.bestellen).Else(this.end))

    bestellen = flow.Function(this.queue_order).Annotation(title=_("Bestellen bij de RDW")).Next(this.rdw_bestelling)

    # Completed by the worker once the RDW took the order (retried while it is down), or refused it.
    rdw_bestelling = flow.Handle().Annotation(title=_("Bestelling bij de RDW")).Next(this.is_besteld)

    is_besteld = (flow.If(this.ordered).Annotation(title=_("Besteld?"))
                  .Then(this.productie).Else(this.end))

    productie = flow.Handle().Annotation(title=_("In productie bij de RDW")).Next(this.afhalen)

    afhalen = flow.Handle().Annotation(title=_("Afhalen aan de balie")).Next(this.end)

    end = flow.End()

    def paid(self, activation):
        return activation.process.artifact.state == Rijbewijs.State.BETAALD

    def ordered(self, activation):
        return activation.process.artifact.state == Rijbewijs.State.IN_PRODUCTIE

    def queue_order(self, activation):
        from .tasks import bijwerken

        # A paid case is always due to the renewal's sweep, so a refused message only delays the order.
        send_after_commit(bijwerken, rijbewijs_id=activation.process.artifact.pk)
