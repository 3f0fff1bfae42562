from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from zaken.forms.validators import UPLOAD_ERROR_MESSAGES, StripBidiMixin, validate_upload

MAX_BIJLAGEN = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput
    default_error_messages = UPLOAD_ERROR_MESSAGES

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if len(files) > MAX_BIJLAGEN:
            raise ValidationError(_("U kunt maximaal %(n)s bestanden tegelijk meesturen.") % {"n": MAX_BIJLAGEN})
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class BijlagenForm(StripBidiMixin, forms.Form):
    """Optional attachments, checked by type and size: (name, content, content type) each."""

    bijlagen = MultipleFileField(
        label=_("Bestanden meesturen (optioneel)"), required=False,
        help_text=_("PDF, JPG of PNG, maximaal 5 bestanden."))

    def clean_bijlagen(self):
        files = self.cleaned_data.get("bijlagen") or []
        return [(f.name, f.read(), validate_upload(f)) for f in files]


class VerzoekAntwoordForm(BijlagenForm):
    antwoord = forms.CharField(
        label=_("Uw antwoord"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000,
        error_messages={"required": _("Schrijf uw antwoord op de vraag van de gemeente.")})
    field_order = ["antwoord", "bijlagen"]


class BezwaarForm(BijlagenForm):
    gronden = forms.CharField(
        label=_("Waarom bent u het niet eens met dit besluit?"), widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000, help_text=_("Dit zijn de gronden van uw bezwaar (artikel 6:5 Algemene wet bestuursrecht)."),
        error_messages={"required": _("Schrijf waarom u het niet eens bent met het besluit.")})
    verklaring = forms.BooleanField(
        label=_("Ik maak bezwaar tegen dit besluit en verklaar dat ik dit formulier naar waarheid heb ingevuld."),
        error_messages={"required": _("Vink de verklaring aan om uw bezwaar te versturen. Dat geldt als uw "
                                      "handtekening.")})
    field_order = ["gronden", "bijlagen", "verklaring"]
