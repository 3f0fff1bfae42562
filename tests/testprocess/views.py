"""The task view of Beoordelen: a form, one service call, then the flow moves on."""

from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.views import generic
from viewflow.views import FormLayoutMixin
from viewflow.workflow.flow.views import SuccessMessageMixin, TaskSuccessUrlMixin, TaskViewTemplateNames

from zaken.actors import Actor

from .forms import BeoordelenForm
from .services import testaanvraag_beoordelen


class BeoordelenView(FormLayoutMixin, SuccessMessageMixin, TaskSuccessUrlMixin, TaskViewTemplateNames,
                     generic.FormView):
    form_class = BeoordelenForm
    template_filename = "task.html"
    success_message = _("Taak {task} is afgerond.")

    def form_valid(self, form):
        testaanvraag_beoordelen(aanvraag=self.request.activation.process.artifact,
                                by=Actor.medewerker(self.request.user), **form.cleaned_data)
        self.request.activation.execute()
        return HttpResponseRedirect(self.get_success_url())
