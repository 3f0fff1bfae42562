"""The civil servant's task views: a form, one service call, then the flow moves on."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaken.forms.dates import DatumField, termijn_fout
from zaken.processes.shared import CaseTaskView

from . import services


class ControlerenForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), widget=forms.RadioSelect, choices=[
        ("compleet", _("Documenten compleet en in orde")),
        ("onvolledig", _("Documenten onvolledig: de uitvaartondernemer om aanvulling vragen"))])
    vraag = forms.CharField(label=_("Vraag aan de uitvaartondernemer"), widget=forms.Textarea, required=False)
    termijn = DatumField(label=_("Reageren uiterlijk op"), required=False,
                         error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 14-03-2026.")})

    def __init__(self, *args, terms: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.terms = terms

    def clean(self):
        data = super().clean()
        if data.get("uitkomst") == "onvolledig":
            if not data.get("vraag"):
                self.add_error("vraag", _("Schrijf op welke documenten of gegevens ontbreken."))
            fout = data.get("termijn") and termijn_fout(data["termijn"], vandaag=timezone.localdate(),
                                                        max_dagen=self.terms["aanvulling_termijn_max_dagen"])
            if fout:
                self.add_error("termijn", fout)
        return data


class OvjVrijgaveForm(forms.Form):
    kenmerk = forms.CharField(label=_("Kenmerk (parketnummer) van de vrijgave"), max_length=100)
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea, required=False)


class UitstelForm(forms.Form):
    toelichting = forms.CharField(label=_("Besluit van de burgemeester (datum, kenmerk, inhoud)"), widget=forms.Textarea)


class BevestigForm(forms.Form):
    bevestigd = forms.BooleanField(label=_("Ik heb de gegevens gecontroleerd"))


class ControlerenView(CaseTaskView):
    form_class = ControlerenForm

    def get_form_kwargs(self):
        gemeente = self.request.activation.process.artifact.zaak.gemeente
        return {**super().get_form_kwargs(), "terms": services.terms_for(gemeente)}

    def perform(self, overlijden, actor, data):
        services.overlijden_documenten_controleren(overlijden=overlijden, by=actor,
                                                   compleet=data["uitkomst"] == "compleet",
                                                   vraag=data.get("vraag", ""), termijn=data.get("termijn"))


class OvjVrijgaveView(CaseTaskView):
    form_class = OvjVrijgaveForm

    def perform(self, overlijden, actor, data):
        services.overlijden_ovj_vrijgave_vastleggen(overlijden=overlijden, by=actor, **data)


class UitstelView(CaseTaskView):
    form_class = UitstelForm

    def perform(self, overlijden, actor, data):
        services.overlijden_uitstel_vastleggen(overlijden=overlijden, by=actor, **data)


class AkteView(CaseTaskView):
    form_class = BevestigForm

    def perform(self, overlijden, actor, data):
        services.overlijden_akte_opmaken(overlijden=overlijden, by=actor)


class VerlofView(CaseTaskView):
    form_class = BevestigForm

    def perform(self, overlijden, actor, data):
        services.overlijden_verlof_verstrekken(overlijden=overlijden, by=actor)
