"""The event form in steps: one form class per step, each with its own checks and Dutch messages.

Each step's `velden()` gives its answers as JSON-able values for the session draft;
`antwoorden_lezen` types them again (dates, times) for the rules and the services.
"""

from __future__ import annotations

from datetime import date, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zaken.forms.contact import email_veld, telefoon_veld
from zaken.forms.dates import DatumField
from zaken.forms.validators import UPLOAD_ERROR_MESSAGES, StripBidiMixin, validate_upload

DATUMVELDEN = ("begin", "einde")
TIJDVELDEN = ("begintijd", "eindtijd", "geluid_van", "geluid_tot")
UPLOADS = ("veiligheidsplan", "situatietekening")


def _datum(label, verplicht):
    return DatumField(label=label, error_messages={
        "required": verplicht, "invalid": _("Vul een geldige datum in, bijvoorbeeld 14-06-2027.")})


def _tijd(label, verplicht="", required=True):
    return forms.TimeField(label=label, required=required, widget=forms.TimeInput(attrs={"type": "time"}),
                           error_messages={"required": verplicht,
                                           "invalid": _("Vul een geldige tijd in, bijvoorbeeld 14:30.")})


def _ja_nee(label, help_text=""):
    return forms.BooleanField(label=label, required=False, help_text=help_text)


class StapForm(StripBidiMixin, forms.Form):
    titel = ""

    def velden(self) -> dict:
        return {k: v.isoformat(timespec="minutes") if isinstance(v, time) else
                v.isoformat() if isinstance(v, date) else v for k, v in self.cleaned_data.items()
                if k not in UPLOADS}


class EvenementStap(StapForm):
    titel = _("Evenement en programma")
    naam = forms.CharField(label=_("Naam van het evenement"), max_length=200,
                           error_messages={"required": _("Vul de naam van het evenement in.")})
    soort = forms.ChoiceField(label=_("Soort evenement"), choices=[
        ("", _("Kies een soort")), ("buurtfeest", _("Buurtfeest of straatfeest")), ("markt", _("Markt of braderie")),
        ("muziek", _("Muziekevenement of festival")), ("sport", _("Sportevenement")), ("optocht", _("Optocht")),
        ("anders", _("Anders"))], error_messages={"required": _("Kies wat voor evenement het is.")})
    programma = forms.CharField(label=_("Programma"), widget=forms.Textarea(attrs={"rows": 4}), max_length=3000,
                                help_text=_("Wat er gebeurt, van opbouw tot afbouw, met de tijden."),
                                error_messages={"required": _("Beschrijf het programma van het evenement.")})
    begin = _datum(_("Eerste dag"), _("Vul de eerste dag van het evenement in."))
    einde = _datum(_("Laatste dag"), _("Vul de laatste dag van het evenement in."))
    begintijd = _tijd(_("Begintijd"), _("Vul in hoe laat het evenement begint."))
    eindtijd = _tijd(_("Eindtijd"), _("Vul in hoe laat het evenement eindigt."))
    alcohol = _ja_nee(_("Er wordt alcohol geschonken of verkocht"))

    def clean(self):
        data = super().clean()
        begin, einde = data.get("begin"), data.get("einde")
        if begin and begin < timezone.localdate():
            self.add_error("begin", _("De eerste dag ligt in het verleden. Kies vandaag of een latere dag."))
        if begin and einde and einde < begin:
            self.add_error("einde", _("De laatste dag ligt vóór de eerste dag. Kies de eerste dag of een latere."))
        if (begin and einde and begin == einde and data.get("begintijd") and data.get("eindtijd")
                and data["eindtijd"] <= data["begintijd"] and data["eindtijd"].hour >= 6):
            self.add_error("eindtijd", _("De eindtijd ligt vóór de begintijd. Duurt het evenement tot na "
                                         "middernacht, vul dan een eindtijd vóór 06:00 in."))
        return data


class LocatieStap(StapForm):
    titel = _("Locatie")
    locatie_soort = forms.ChoiceField(label=_("Waar is het evenement?"), widget=forms.RadioSelect, choices=[
        ("openbaar", _("Op de openbare weg (straat, weg)")), ("plein", _("Op een plein of in een park")),
        ("prive", _("Op privéterrein"))], error_messages={"required": _("Kies waar het evenement is.")})
    locatie = forms.CharField(label=_("Adres of omschrijving van de plek"), max_length=300,
                              help_text=_("Bijvoorbeeld: Binnenrotte, tussen Hoogstraat en Meent."),
                              error_messages={"required": _("Vul het adres in of beschrijf de plek.")})


class BezoekersStap(StapForm):
    titel = _("Bezoekers")
    bezoekers = forms.IntegerField(label=_("Hoeveel bezoekers zijn er op het drukste moment tegelijk?"),
                                   min_value=1, max_value=1_000_000, error_messages={
                                       "required": _("Vul het aantal bezoekers op het drukste moment in."),
                                       "invalid": _("Vul een aantal in cijfers in, bijvoorbeeld 250."),
                                       "min_value": _("Vul een aantal van ten minste 1 in."),
                                       "max_value": _("Vul een aantal van ten hoogste 1.000.000 in.")})
    leeftijd = forms.ChoiceField(label=_("Leeftijd van de meeste bezoekers"), choices=[
        ("", _("Kies een leeftijdsgroep")), ("gemengd", _("Gemengd, alle leeftijden")),
        ("kinderen", _("Vooral kinderen (tot 12 jaar)")), ("jongeren", _("Vooral jongeren (12 tot 18 jaar)")),
        ("volwassenen", _("Vooral volwassenen"))], error_messages={"required": _("Kies een leeftijdsgroep.")})


class GeluidStap(StapForm):
    titel = _("Versterkt geluid")
    geluid = _ja_nee(_("Er is versterkte muziek of ander versterkt geluid"))
    geluid_van = _tijd(_("Geluid vanaf"), required=False)
    geluid_tot = _tijd(_("Geluid tot"), required=False, )
    geluid_db = forms.IntegerField(label=_("Hoogste geluidsniveau in dB(A)"), required=False, min_value=40,
                                   max_value=140, help_text=_("Gemeten op de gevel van de dichtstbijzijnde woning."),
                                   error_messages={"invalid": _("Vul een getal in, bijvoorbeeld 85."),
                                                   "min_value": _("Vul ten minste 40 dB(A) in."),
                                                   "max_value": _("Vul ten hoogste 140 dB(A) in.")})

    def clean(self):
        data = super().clean()
        if data.get("geluid"):
            for veld, tekst in (("geluid_van", _("Vul in vanaf hoe laat er versterkt geluid is.")),
                                ("geluid_tot", _("Vul in tot hoe laat er versterkt geluid is.")),
                                ("geluid_db", _("Vul het hoogste geluidsniveau in dB(A) in."))):
                if data.get(veld) is None and veld not in self.errors:
                    self.add_error(veld, tekst)
        return data


class BouwwerkenStap(StapForm):
    titel = _("Tenten, podia en attracties")
    bouwwerken = forms.CharField(label=_("Welke tenten, podia of kramen plaatst u?"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
                                 help_text=_("Met hun afmetingen. Laat leeg als er niets wordt geplaatst."))
    bouwwerk_m2 = forms.IntegerField(label=_("Oppervlakte van de grootste tent of het grootste podium (m²)"),
                                     required=False, min_value=0, max_value=100_000,
                                     error_messages={"invalid": _("Vul een getal in, bijvoorbeeld 24.")})
    open_vuur = _ja_nee(_("Er is open vuur (vuurkorf, barbecue, fakkels)"))
    attracties = _ja_nee(_("Er zijn kermisattracties of springkussens"))
    overnachten = _ja_nee(_("Bezoekers of medewerkers overnachten op het terrein"))
    vuurwerk = _ja_nee(_("Er wordt vuurwerk afgestoken"))

    def clean(self):
        data = super().clean()
        if (data.get("bouwwerken") or "").strip() and not data.get("bouwwerk_m2") and "bouwwerk_m2" not in self.errors:
            self.add_error("bouwwerk_m2", _("Vul de oppervlakte van de grootste tent of het grootste podium in."))
        data["bouwwerk_m2"] = data.get("bouwwerk_m2") or 0
        return data


class VerkeerStap(StapForm):
    titel = _("Wegafsluitingen en verkeer")
    wegafsluiting = _ja_nee(_("Er moet een weg worden afgesloten"))
    verkeer = forms.CharField(label=_("Welke wegen, wanneer, en hoe regelt u het verkeer en parkeren?"),
                              required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    verkeersregelaars = forms.IntegerField(label=_("Aantal verkeersregelaars"), required=False, min_value=0,
                                           max_value=1000,
                                           error_messages={"invalid": _("Vul een aantal in cijfers in.")})

    def clean(self):
        data = super().clean()
        if data.get("wegafsluiting") and not (data.get("verkeer") or "").strip():
            self.add_error("verkeer", _("Beschrijf welke wegen u wilt afsluiten en wanneer."))
        return data


class VeiligheidStap(StapForm):
    titel = _("EHBO, beveiliging en bijlagen")
    ehbo = forms.CharField(label=_("Eerste hulp"), max_length=500, help_text=_(
        "Bijvoorbeeld: 2 EHBO'ers van de buurtvereniging, een EHBO-post bij de ingang."),
        error_messages={"required": _("Beschrijf hoe de eerste hulp is geregeld.")})
    beveiliging = forms.CharField(label=_("Beveiliging"), max_length=500, required=False,
                                  help_text=_("Aantal beveiligers en het bedrijf, of ‘geen’."))
    veiligheidsplan = forms.FileField(label=_("Veiligheidsplan"), required=False,
                                      error_messages=UPLOAD_ERROR_MESSAGES, help_text=_("PDF, JPG of PNG."))
    situatietekening = forms.FileField(label=_("Situatietekening"), required=False,
                                       error_messages=UPLOAD_ERROR_MESSAGES,
                                       help_text=_("Een plattegrond met de opstelling. PDF, JPG of PNG."))
    email = email_veld(verplicht_tekst=_("Vul uw e-mailadres in, dan laten wij u weten wanneer er een besluit is."))
    telefoon = telefoon_veld()

    def __init__(self, *args, bestaande: dict | None = None, plan_nodig: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.bestaande = bestaande or {}  # uploads kept from an earlier round of this draft
        self.plan_nodig = plan_nodig  # a small event (a melding) needs no safety plan
        if not plan_nodig:
            self.fields["veiligheidsplan"].help_text = _("Niet nodig voor een klein evenement. PDF, JPG of PNG.")

    def _upload(self, name):
        upload = self.cleaned_data.get(name)
        return (upload.name, upload.read(), validate_upload(upload)) if upload else None

    def clean_veiligheidsplan(self):
        return self._upload("veiligheidsplan")

    def clean_situatietekening(self):
        return self._upload("situatietekening")

    def clean(self):
        data = super().clean()
        if not data.get("situatietekening") and not self.bestaande.get("situatietekening") \
                and "situatietekening" not in self.errors:
            self.add_error("situatietekening", _("Voeg een situatietekening toe."))
        if self.plan_nodig and not data.get("veiligheidsplan") and not self.bestaande.get("veiligheidsplan") \
                and "veiligheidsplan" not in self.errors:
            self.add_error("veiligheidsplan", _("Voeg het veiligheidsplan toe."))
        return data


STAPPEN = {"evenement": EvenementStap, "locatie": LocatieStap, "bezoekers": BezoekersStap, "geluid": GeluidStap,
           "bouwwerken": BouwwerkenStap, "verkeer": VerkeerStap, "veiligheid": VeiligheidStap}


def antwoorden_lezen(opgeslagen: dict) -> dict:
    """Stored answers (ISO text) → typed answers for the rules and services."""
    antwoorden = dict(opgeslagen)
    for k in DATUMVELDEN:
        if antwoorden.get(k):
            antwoorden[k] = date.fromisoformat(antwoorden[k])
    for k in TIJDVELDEN:
        if antwoorden.get(k):
            antwoorden[k] = time.fromisoformat(antwoorden[k])
    return antwoorden
