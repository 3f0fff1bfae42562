"""The civil servant's task: grant or refuse, with a motivation (Awb 3:46)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zaken.processes.shared import CaseTaskView

from . import services


class BeoordelenForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect, choices=[
        ("verlenen", _("Verlenen")), ("weigeren", _("Weigeren"))],
        error_messages={"required": _("Kies verlenen of weigeren.")})
    motivering = forms.CharField(
        label=_("Motivering"), widget=forms.Textarea,
        help_text=_("Komt in het besluit: waarom verleend of geweigerd (artikel 3:46 Awb)."),
        error_messages={"required": _("Schrijf de motivering van het besluit op (artikel 3:46 Awb).")})


class BeoordelenView(CaseTaskView):
    form_class = BeoordelenForm

    def perform(self, vergunning, actor, data):
        services.parkeervergunning_beoordelen(vergunning=vergunning, by=actor, **data)
