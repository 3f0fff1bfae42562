from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class Besluit(models.TextChoices):
    TOEKENNEN = "toekennen", _("Toekennen")
    AFWIJZEN = "afwijzen", _("Afwijzen")
    AANVULLING = "aanvulling", _("Aanvulling vragen")


class BeoordelenForm(forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), choices=Besluit.choices, widget=forms.RadioSelect)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 4}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("besluit") in (Besluit.AFWIJZEN, Besluit.AANVULLING) and not cleaned.get("toelichting"):
            self.add_error("toelichting", _("Geef een toelichting: de aanvrager leest die."))
        return cleaned
