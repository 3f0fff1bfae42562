"""The contact fields every e-form asks: one definition, so the checks and their Dutch messages agree."""

from django import forms
from django.utils.translation import gettext_lazy

TELEFOON_RE = r"^\+?[0-9 ()-]{10,20}$"


def email_veld(*, label=gettext_lazy("E-mailadres"), verplicht_tekst=gettext_lazy("Vul uw e-mailadres in.")):
    return forms.EmailField(label=label, max_length=254, error_messages={
        "required": verplicht_tekst,
        "invalid": gettext_lazy("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")})


def telefoon_veld(*, label=gettext_lazy("Telefoonnummer (optioneel)"), verplicht_tekst=None):
    """Optional unless `verplicht_tekst` says why it is needed."""
    messages = {"invalid": gettext_lazy("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.")}
    if verplicht_tekst:
        messages["required"] = verplicht_tekst
    return forms.RegexField(label=label, regex=TELEFOON_RE, required=bool(verplicht_tekst), error_messages=messages)
