"""The civil servant's task: grant or refuse, with a motivation (Awb 3:46)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaken.processes.shared import CaseTaskView

from . import services
from .selectors import adres_vol


class BeoordelenForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect, choices=[
        ("verlenen", _("Verlenen")), ("weigeren", _("Weigeren"))],
        error_messages={"required": _("Kies verlenen of weigeren.")})
    motivering = forms.CharField(
        label=_("Motivering"), widget=forms.Textarea,
        help_text=_("Komt in het besluit: waarom verleend of geweigerd (artikel 3:46 Awb)."),
        error_messages={"required": _("Schrijf de motivering van het besluit op (artikel 3:46 Awb).")})


    def __init__(self, *args, vergunning, **kwargs):
        super().__init__(*args, **kwargs)
        self.vergunning = vergunning

    def clean(self):
        data = super().clean()
        if data.get("besluit") == "verlenen" and adres_vol(zone=self.vergunning.zone,
                                                          aoid=self.vergunning.adresseerbaar_object,
                                                          vandaag=timezone.localdate()):
            self.add_error("besluit", _("Op dit adres zijn al %(n)s geldige vergunningen, het maximum van de zone. "
                                        "Weiger de aanvraag, of beëindig eerst een andere vergunning op dit adres.")
                           % {"n": self.vergunning.zone.quotum_per_adres})
        return data


class BeoordelenView(CaseTaskView):
    form_class = BeoordelenForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "vergunning": self.request.activation.process.artifact}

    def perform(self, vergunning, actor, data):
        services.parkeervergunning_beoordelen(vergunning=vergunning, by=actor, **data)
