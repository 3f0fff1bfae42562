"""The civil servant's task views: a form, one service call, then the flow moves on."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaken.forms.dates import DatumField, termijn_fout
from zaken.processes.shared import CaseTaskView

from . import services


class BeoordelenForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), widget=forms.RadioSelect, choices=[
        ("goedkeuren", _("Goedkeuren: verwerken op de verhuisdatum")),
        ("aanvulling", _("Aanvullende gegevens vragen")),
        ("afwijzen", _("Afwijzen"))])
    toelichting = forms.CharField(label=_("Toelichting of reden van afwijzing"), widget=forms.Textarea, required=False)
    vraag = forms.CharField(label=_("Vraag aan de aanvrager"), widget=forms.Textarea, required=False)
    termijn = DatumField(label=_("Reageren uiterlijk op"), required=False,
                         error_messages={"invalid": _("Vul een geldige datum in, bijvoorbeeld 14-03-2026.")})

    def __init__(self, *args, terms: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.terms = terms

    def clean(self):
        data = super().clean()
        if data.get("besluit") == "aanvulling":
            if not data.get("vraag"):
                self.add_error("vraag", _("Schrijf op welke gegevens u nodig hebt."))
            fout = data.get("termijn") and termijn_fout(data["termijn"], vandaag=timezone.localdate(),
                                                        max_dagen=self.terms["aanvulling_termijn_max_dagen"])
            if fout:
                self.add_error("termijn", fout)
        if data.get("besluit") == "afwijzen" and not data.get("toelichting"):
            self.add_error("toelichting", _("Een afwijzing moet gemotiveerd worden (art. 3:46 Awb)."))
        return data


class AdresonderzoekForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), widget=forms.RadioSelect, choices=[
        ("bewoning_bevestigd", _("Bewoning bevestigd")),
        ("geen_bijzonderheden", _("Geen bijzonderheden")),
        ("onjuiste_bewoning", _("Vermoeden van onjuiste bewoning"))])
    toelichting = forms.CharField(label=_("Toelichting"), widget=forms.Textarea)


class BeoordelenView(CaseTaskView):
    form_class = BeoordelenForm

    def get_form_kwargs(self):
        gemeente = self.request.activation.process.artifact.zaak.gemeente
        return {**super().get_form_kwargs(), "terms": services.terms_for(gemeente)}

    def perform(self, verhuizing, actor, data):
        services.verhuizing_beoordelen(verhuizing=verhuizing, by=actor, **data)


class AdresonderzoekView(CaseTaskView):
    form_class = AdresonderzoekForm

    def perform(self, verhuizing, actor, data):
        services.verhuizing_adresonderzoek_vastleggen(verhuizing=verhuizing, by=actor, **data)
