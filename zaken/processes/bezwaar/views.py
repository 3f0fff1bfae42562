"""The civil servant's task: decide on the bezwaar with a motivation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from zaken.processes.shared import CaseTaskView

from . import services
from .models import Bezwaar


class BeslissenForm(forms.Form):
    uitkomst = forms.ChoiceField(label=_("Beslissing"), widget=forms.RadioSelect, choices=[
        (Bezwaar.State.GEGROND, _("Gegrond: de indiener krijgt gelijk")),
        (Bezwaar.State.ONGEGROND, _("Ongegrond: het besluit blijft")),
        (Bezwaar.State.NIET_ONTVANKELIJK, _("Niet-ontvankelijk: het bezwaar wordt niet inhoudelijk behandeld"))])
    motivering = forms.CharField(label=_("Motivering (artikel 7:12 Awb)"), widget=forms.Textarea,
                                 error_messages={"required": _("Motiveer de beslissing op het bezwaar: de "
                                                               "indiener leest dit in de brief.")})
    grondslag = forms.CharField(label=_("Wettelijke grondslag"), initial=_("artikel 7:11 van de Algemene wet "
                                                                          "bestuursrecht"),
                                error_messages={"required": _("Vul in op grond van welke regels u beslist.")})


class BeslissenView(CaseTaskView):
    form_class = BeslissenForm

    def perform(self, bezwaar, actor, data):
        services.bezwaar_beslissen(bezwaar=bezwaar, by=actor, **data)
