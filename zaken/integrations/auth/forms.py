from django import forms
from django.utils.translation import gettext_lazy as _

from zaken.identity import DIGID_LEVELS, EHERKENNING_LEVELS, LEVEL_LABELS
from zaken.validators import validate_bsn, validate_kvk_nummer, validate_vestigingsnummer


class DigidMockForm(forms.Form):
    bsn = forms.CharField(
        label=_("Burgerservicenummer"), max_length=9, min_length=8, validators=[validate_bsn],
        help_text=_("9 cijfers. Gebruik een BSN uit de testset (zie README)."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]*"}),
        error_messages={"required": _("Vul uw burgerservicenummer in."),
                        "min_length": _("Een burgerservicenummer heeft 9 cijfers.")},
    )
    level = forms.ChoiceField(
        label=_("Betrouwbaarheidsniveau"), choices=[(lv, LEVEL_LABELS[lv]) for lv in DIGID_LEVELS],
        initial="midden", widget=forms.RadioSelect,
        error_messages={"required": _("Kies een betrouwbaarheidsniveau."),
                        "invalid_choice": _("Kies een van de getoonde betrouwbaarheidsniveaus.")},
    )


class EherkenningMockForm(forms.Form):
    kvk_nummer = forms.CharField(
        label=_("KvK-nummer"), max_length=8, validators=[validate_kvk_nummer],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Vul het KvK-nummer van uw organisatie in.")},
    )
    vestigingsnummer = forms.CharField(
        label=_("Vestigingsnummer (optioneel)"), max_length=12, required=False,
        validators=[validate_vestigingsnummer],
        help_text=_("Alleen invullen als uw machtiging beperkt is tot één vestiging."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    level = forms.ChoiceField(
        label=_("Betrouwbaarheidsniveau"),
        choices=[(lv, LEVEL_LABELS[lv]) for lv in EHERKENNING_LEVELS], initial="EH3",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een betrouwbaarheidsniveau.")},
    )
    medewerker = forms.CharField(
        label=_("Naam medewerker (optioneel)"), max_length=100, required=False,
        help_text=_("In de test-omgeving: wie er namens de organisatie handelt."),
    )
