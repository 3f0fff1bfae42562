"""The renewal e-form: the citizen chooses categories and a counter; everything else comes from the registers."""

from __future__ import annotations

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaken.forms.contact import email_veld, telefoon_veld
from zaken.forms.validators import StripBidiMixin

from .prefill import RijbewijsPrefill


class RijbewijsForm(StripBidiMixin, forms.Form):
    categorieen = forms.MultipleChoiceField(
        label=gettext_lazy("Welke categorieën wilt u verlengen?"), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Kies ten minste één categorie om te verlengen."),
                        "invalid_choice": gettext_lazy("Kies alleen categorieën uit de lijst.")})
    afhaallocatie = forms.TypedChoiceField(
        label=gettext_lazy("Waar haalt u uw nieuwe rijbewijs af?"), widget=forms.RadioSelect, coerce=int,
        error_messages={"required": gettext_lazy("Kies waar u uw rijbewijs wilt afhalen."),
                        "invalid_choice": gettext_lazy("Kies een afhaallocatie uit de lijst.")})
    email = email_veld(verplicht_tekst=gettext_lazy("Vul uw e-mailadres in, dan kunnen wij u laten weten wanneer uw "
                                                    "rijbewijs klaar is."))
    telefoon = telefoon_veld()
    verklaring = forms.BooleanField(
        label=gettext_lazy("Ik verklaar dat de pasfoto en de handtekening die de fotograaf heeft ingestuurd van mij zijn."),
        error_messages={"required": gettext_lazy("Bevestig dat de pasfoto en de handtekening van u zijn.")})

    def __init__(self, *args, prefill: RijbewijsPrefill, locaties, **kwargs):
        super().__init__(*args, **kwargs)
        self.locaties = {loc.pk: loc for loc in locaties}
        self.fields["categorieen"].choices = [
            (c.categorie, _("%(cat)s: nu geldig tot %(oud)s, nieuw geldig tot %(nieuw)s") % {
                "cat": c.categorie, "oud": date_format(c.geldig_tot, "j F Y"),
                "nieuw": date_format(c.nieuw_geldig_tot, "j F Y")}) for c in prefill.te_verlengen]
        self.fields["afhaallocatie"].choices = [(loc.pk, loc.naam) for loc in locaties]

    @property
    def locatie_opties(self):
        """(radio, Afhaallocatie) pairs, so the template can show address and opening hours."""
        return [(radio, self.locaties[int(radio.data["value"])]) for radio in self["afhaallocatie"]]
