"""The civil servant's tasks: decide on a permit (grant with conditions, or refuse) and on a melding."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zaken.processes.shared import CaseTaskView

from . import services

MOTIVERING_HELP = _("Komt in het besluit: waarom (artikel 3:46 Awb).")


class BeoordelenForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect, choices=[
        ("verlenen", _("Verlenen")), ("weigeren", _("Weigeren"))],
        error_messages={"required": _("Kies verlenen of weigeren.")})
    voorschriften = forms.CharField(
        label=_("Voorschriften"), widget=forms.Textarea, required=False,
        help_text=_("De voorwaarden van de vergunning, bijvoorbeeld uit de adviezen. Verplicht bij verlenen."))
    motivering = forms.CharField(label=_("Motivering"), widget=forms.Textarea, help_text=MOTIVERING_HELP,
                                 error_messages={"required": _("Schrijf de motivering van het besluit op.")})

    def clean(self):
        data = super().clean()
        if data.get("besluit") == "verlenen" and not (data.get("voorschriften") or "").strip():
            self.add_error("voorschriften", _("Schrijf de voorschriften op die bij de vergunning horen."))
        return data


class BeoordelenView(CaseTaskView):
    form_class = BeoordelenForm

    def perform(self, evenement, actor, data):
        services.evenement_beoordelen(evenement=evenement, by=actor, **data)


class MeldingForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect, choices=[
        ("accepteren", _("Accepteren: het evenement mag doorgaan")), ("verbieden", _("Verbieden"))],
        error_messages={"required": _("Kies accepteren of verbieden.")})
    motivering = forms.CharField(label=_("Motivering"), widget=forms.Textarea, required=False,
                                 help_text=MOTIVERING_HELP)

    def clean(self):
        data = super().clean()
        if data.get("besluit") == "verbieden" and not (data.get("motivering") or "").strip():
            self.add_error("motivering", _("Schrijf op waarom het evenement wordt verboden."))
        return data


class MeldingView(CaseTaskView):
    form_class = MeldingForm

    def perform(self, evenement, actor, data):
        services.melding_beoordelen(evenement=evenement, by=actor, **data)
