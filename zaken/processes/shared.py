"""Wiring every process shares: its flow's link to the case, and the civil servant's task form view.

Not a process itself (no apps.py), so process discovery passes it by.
"""

from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.views import generic
from viewflow.views import FormLayoutMixin
from viewflow.workflow import PROCESS, STATUS
from viewflow.workflow.flow.views import SuccessMessageMixin, TaskSuccessUrlMixin, TaskViewTemplateNames

from zaken.actors import Actor
from zaken.forms.validators import strip_bidi_fields


class ProcessRefused(Exception):
    """A process's rule refuses a step; `message` is Dutch, for the person in front of the screen, and
    `field` names the form field it belongs to (None: the form as a whole)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


class CaseFlowMixin:
    """The Zaak is the process's seed (the back office scopes by it); the case model its artifact."""

    def start_process(self, activation, case):
        activation.process.seed = case.zaak
        activation.process.artifact = case
        return activation.process

    @classmethod
    def complete_waiting(cls, *, case, node_name: str) -> None:
        """Complete the open Handle node `node_name` of this case's process (idempotent)."""
        node = getattr(cls, node_name)
        task = cls.task_class.objects.filter(
            process__flow_class=cls, process__status=PROCESS.NEW, process__artifact_object_id=case.pk,
            flow_task=node, status=STATUS.NEW).first()
        if task is not None:
            node.run(task)


class CaseTaskView(FormLayoutMixin, SuccessMessageMixin, TaskSuccessUrlMixin, TaskViewTemplateNames,
                   generic.FormView):
    """A task form: validate, hand the data to one service (`perform`), then let the flow move on."""

    template_filename = "task.html"
    success_message = _("Taak {task} is afgerond.")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        strip_bidi_fields(form)
        return form

    def form_valid(self, form):
        self.perform(self.request.activation.process.artifact, Actor.medewerker(self.request.user), form.cleaned_data)
        self.request.activation.execute()
        return HttpResponseRedirect(self.get_success_url())

    def perform(self, case, actor, data) -> None:
        raise NotImplementedError


def step_url(request, product: str, step: str = "") -> str:
    """The URL of a step of a process's e-form, in the request's municipality (path or own host)."""
    from portal.tenancy import tenant_reverse  # the portal owns the routes; imported lazily, no cycle

    kwargs = {"product": product, **({"step": step} if step else {})}
    return tenant_reverse(request, "product_step" if step else "product_start", kwargs)


@transaction.atomic
def resume_after_verzoek(*, flow_class, model, zaak, by: Actor, toelichting: str) -> None:
    """A request for information was answered or ran out: back to the civil servant.

    Every process names this transition `aanvulling_ontvangen` and its waiting node `aanvulling`.
    """
    case = model.objects.select_for_update().get(zaak=zaak)
    case.aanvulling_ontvangen(by=by, toelichting=toelichting)
    case.save()
    flow_class.complete_waiting(case=case, node_name="aanvulling")
