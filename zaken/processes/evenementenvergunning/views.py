"""The civil servant's tasks: record an adviser's advice, decide on a permit (grant with conditions, or refuse)
and on a melding."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zaken.adviezen import is_te_laat
from zaken.models import Uitkomst
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


class AdviesForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), widget=forms.RadioSelect, choices=Uitkomst.choices,
                                 error_messages={"required": _("Kies de uitkomst van het advies.")})
    advies = forms.CharField(label=_("Advies (tekst of samenvatting)"), widget=forms.Textarea, required=False,
                             max_length=10000)

    def __init__(self, *args, verzoek, **kwargs):
        super().__init__(*args, **kwargs)
        self.verzoek = verzoek
        termijn = verzoek.termijn.strftime("%d-%m-%Y")
        self.fields["uitkomst"].help_text = (
            _("De adviestermijn is verlopen (%(d)s): leg het advies vast, of ‘geen advies ontvangen’.") if
            is_te_laat(verzoek) else _("Advies uiterlijk op %(d)s. Daarna kan ook ‘geen advies ontvangen’.")) % {
            "d": termijn}
        self.fields["advies"].help_text = verzoek.vraag

    def clean(self):
        data = super().clean()
        uitkomst = data.get("uitkomst")
        if uitkomst == Uitkomst.GEEN and self.verzoek.is_open and not is_te_laat(self.verzoek):
            self.add_error("uitkomst", _("Kies ‘geen advies ontvangen’ pas na de adviestermijn (%(d)s).") % {
                "d": self.verzoek.termijn.strftime("%d-%m-%Y")})
        elif uitkomst and uitkomst != Uitkomst.GEEN and not (data.get("advies") or "").strip():
            self.add_error("advies", _("Neem het advies over of vat het samen."))
        return data


class AdviesView(CaseTaskView):
    """One adviser's advice (politie, brandweer, ggd, verkeer): its deadline is the request's term."""

    form_class = AdviesForm
    adviseur = ""

    def get_form_kwargs(self):
        evenement = self.request.activation.process.artifact
        return {**super().get_form_kwargs(), "verzoek": services.advies_verzoek(evenement, self.adviseur)}

    def perform(self, evenement, actor, data):
        services.advies_taak_vastleggen(evenement=evenement, adviseur=self.adviseur, actor=actor, **data)
