"""The work of a test case: one civil-servant task, looping while the applicant completes it.

Start (from testaanvraag_registreren) → Beoordelen → aanvulling gevraagd? → wait for the
aanvulling → Beoordelen again; otherwise End. The FSM transitions happen in services.
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from . import views


class TestAanvraagFlow(flow.Flow):
    __test__ = False  # not a pytest test class, whatever its name

    process_title = _("Testaanvraag")
    process_description = _("Proces dat alleen in de tests bestaat.")

    start = flow.StartHandle(this.start_process).Next(this.beoordelen)

    beoordelen = (
        flow.View(views.BeoordelenView.as_view())
        .Annotation(title=_("Beoordelen"), description=_("De aanvraag beoordelen en besluiten."))
        .Permission("testprocess.beoordelen_testaanvraag")
        .Next(this.aanvulling_nodig)
    )

    aanvulling_nodig = (
        flow.If(this.wacht_op_aanvulling)
        .Annotation(title=_("Aanvulling nodig?"))
        .Then(this.aanvulling)
        .Else(this.end)
    )

    # Completed by testaanvraag_aanvullen when the applicant sends what was asked for.
    aanvulling = flow.Handle().Annotation(title=_("Wachten op aanvulling")).Next(this.beoordelen)

    end = flow.End()

    def start_process(self, activation, aanvraag):
        # The back office scopes processes by their seed (the Zaak); the artifact is our case.
        activation.process.seed = aanvraag.zaak
        activation.process.artifact = aanvraag
        return activation.process

    def wacht_op_aanvulling(self, activation):
        return activation.process.artifact.wacht_op_aanvulling
