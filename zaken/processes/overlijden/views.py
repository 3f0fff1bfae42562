"""The civil servant's task views: a form, one service call, then the flow moves on."""

from django import forms
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import generic
from viewflow.views import FormLayoutMixin
from viewflow.workflow.flow.views import SuccessMessageMixin, TaskSuccessUrlMixin, TaskViewTemplateNames

from zaken.actors import Actor

from . import services


class ControlerenForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), widget=forms.RadioSelect, choices=[
        ("compleet", _("Documenten compleet en in orde")),
        ("onvolledig", _("Documenten onvolledig: de uitvaartondernemer om aanvulling vragen"))])
    vraag = forms.CharField(label=_("Vraag aan de uitvaartondernemer"), widget=forms.Textarea, required=False)
    termijn = forms.DateField(label=_("Reageren uiterlijk op"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("uitkomst") == "onvolledig":
            if not data.get("vraag"):
                self.add_error("vraag", _("Schrijf op welke documenten of gegevens ontbreken."))
            if data.get("termijn") and data["termijn"] <= timezone.localdate():
                self.add_error("termijn", _("De termijn moet in de toekomst liggen."))
        return data


class OvjVrijgaveForm(forms.Form):
    kenmerk = forms.CharField(label=_("Kenmerk (parketnummer) van de vrijgave"), max_length=100)
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea, required=False)


class UitstelForm(forms.Form):
    toelichting = forms.CharField(label=_("Besluit van de burgemeester (datum, kenmerk, inhoud)"), widget=forms.Textarea)


class BevestigForm(forms.Form):
    bevestigd = forms.BooleanField(label=_("Ik heb de gegevens gecontroleerd"))


class _TaskFormView(FormLayoutMixin, SuccessMessageMixin, TaskSuccessUrlMixin, TaskViewTemplateNames, generic.FormView):
    template_filename = "task.html"
    success_message = _("Taak {task} is afgerond.")

    def form_valid(self, form):
        self.perform(self.request.activation.process.artifact, Actor.medewerker(self.request.user), form.cleaned_data)
        self.request.activation.execute()
        return HttpResponseRedirect(self.get_success_url())


class ControlerenView(_TaskFormView):
    form_class = ControlerenForm

    def perform(self, overlijden, actor, data):
        services.overlijden_documenten_controleren(overlijden=overlijden, by=actor,
                                                   compleet=data["uitkomst"] == "compleet",
                                                   vraag=data.get("vraag", ""), termijn=data.get("termijn"))


class OvjVrijgaveView(_TaskFormView):
    form_class = OvjVrijgaveForm

    def perform(self, overlijden, actor, data):
        services.overlijden_ovj_vrijgave_vastleggen(overlijden=overlijden, by=actor, **data)


class UitstelView(_TaskFormView):
    form_class = UitstelForm

    def perform(self, overlijden, actor, data):
        services.overlijden_uitstel_vastleggen(overlijden=overlijden, by=actor, **data)


class AkteView(_TaskFormView):
    form_class = BevestigForm

    def perform(self, overlijden, actor, data):
        services.overlijden_akte_opmaken(overlijden=overlijden, by=actor)


class VerlofView(_TaskFormView):
    form_class = BevestigForm

    def perform(self, overlijden, actor, data):
        services.overlijden_verlof_verstrekken(overlijden=overlijden, by=actor)
