"""The move e-form: only what the government cannot know, checked against BAG and BRP."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaken.forms.dates import DatumField
from zaken.forms.contact import email_veld, telefoon_veld
from zaken.forms.validators import UPLOAD_ERROR_MESSAGES, StripBidiMixin, normalise_postcode, validate_upload
from zaken.integrations.errors import Unavailable
from zaken.integrations.registry import get_adapter
from zaken.models import Gemeente

from . import rules
from .prefill import VerhuizingPrefill, overleden_bsns

JA_NEE = [("nee", gettext_lazy("Nee")), ("ja", gettext_lazy("Ja"))]


class VerhuizingForm(StripBidiMixin, forms.Form):
    postcode = forms.CharField(label=gettext_lazy("Postcode"), max_length=7,
                               error_messages={"required": gettext_lazy("Vul de postcode van uw nieuwe adres in.")})
    huisnummer = forms.IntegerField(label=gettext_lazy("Huisnummer"), min_value=1, max_value=99999,
                                    error_messages={"required": gettext_lazy("Vul het huisnummer in."),
                                                    "invalid": gettext_lazy("Een huisnummer bestaat uit cijfers."),
                                                    "min_value": gettext_lazy("Een huisnummer is 1 of hoger."),
                                                    "max_value": gettext_lazy("Dit huisnummer is te hoog.")})
    huisletter = forms.RegexField(label=gettext_lazy("Huisletter (optioneel)"), regex=r"^[A-Za-z]$", required=False,
                                  error_messages={"invalid": gettext_lazy("Een huisletter is één letter, bijvoorbeeld A.")})
    huisnummertoevoeging = forms.RegexField(
        label=gettext_lazy("Toevoeging (optioneel)"), regex=r"^[A-Za-z0-9]{1,4}$", required=False,
        error_messages={"invalid": gettext_lazy("Een toevoeging heeft hoogstens 4 letters of cijfers.")})
    verhuisdatum = DatumField(label=gettext_lazy("Verhuisdatum"),
                              error_messages={"required": gettext_lazy("Vul de datum van uw verhuizing in."),
                                              "invalid": gettext_lazy("Vul een geldige datum in, bijvoorbeeld "
                                                                      "1-12-2026.")})
    meeverhuizers = forms.MultipleChoiceField(
        label=gettext_lazy("Wie verhuizen er met u mee?"), required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": gettext_lazy("Deze persoon kunt u niet meeverhuizen. Kies alleen uit de "
                                                       "personen op deze pagina.")})
    inwoning = forms.ChoiceField(label=gettext_lazy("Gaat u inwonen bij iemand die al op het nieuwe adres woont?"),
                                 choices=JA_NEE, widget=forms.RadioSelect, initial="nee",
                                 error_messages={"required": gettext_lazy("Kies ja of nee.")})
    toestemming = forms.FileField(error_messages=UPLOAD_ERROR_MESSAGES, 
        label=gettext_lazy("Toestemming van de hoofdbewoner"), required=False,
        help_text=gettext_lazy("Een ondertekende verklaring van de hoofdbewoner met een kopie van diens "
                               "identiteitsbewijs. PDF, JPG of PNG."))
    email = email_veld(verplicht_tekst=gettext_lazy("Vul uw e-mailadres in, dan kunnen wij u berichten over uw "
                                                    "verhuizing."))
    telefoon = telefoon_veld()
    verklaring = forms.BooleanField(
        label=gettext_lazy("Ik verklaar dat ik dit formulier naar waarheid heb ingevuld."),
        error_messages={"required": gettext_lazy("U moet verklaren dat u het formulier naar waarheid hebt ingevuld.")})

    def __init__(self, *args, prefill: VerhuizingPrefill, gemeente: Gemeente, terms: dict, bestaande_toestemming=None,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.prefill, self.gemeente, self.terms = prefill, gemeente, terms
        self.bestaande_toestemming = bestaande_toestemming  # consent uploaded earlier in this draft
        self.fields["meeverhuizers"].choices = [(h.bsn, f"{h.naam} ({h.relatie})")
                                                for h in prefill.huishouden.meeverhuizers]
        self.adres: dict | None = None
        self.behandelende_gemeente: Gemeente | None = None
        self.verhuisdatum: rules.Verhuisdatum | None = None

    @property
    def meeverhuizer_opties(self):
        """Each co-mover's checkbox with the person, so the page can add why (a 16- or 17-year-old)."""
        personen = {h.bsn: h for h in self.prefill.huishouden.meeverhuizers}
        return [(cb, personen[cb.data["value"]]) for cb in self["meeverhuizers"]]

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean_verhuisdatum(self):
        day = self.cleaned_data["verhuisdatum"]
        today = timezone.localdate()
        if day < today - timedelta(days=self.terms["verhuisdatum_max_dagen_terug"]):
            raise ValidationError(_("Deze datum ligt meer dan %(n)s dagen terug. Controleer de datum of neem "
                                    "contact op met de gemeente.") % {"n": self.terms["verhuisdatum_max_dagen_terug"]})
        try:
            self.verhuisdatum = rules.verhuisdatum_bepalen(opgegeven=day, vandaag=today, terms=self.terms)
        except ValueError:
            raise ValidationError(
                _("U kunt een verhuizing hoogstens %(n)s dagen van tevoren doorgeven. Geef deze verhuizing door "
                  "vanaf %(d)s.") % {"n": self.terms["aangifte_dagen_voor_verhuizing"],
                                     "d": rules.eerste_aangiftedag(opgegeven=day, terms=self.terms).strftime("%d-%m-%Y")}
            ) from None
        return day

    def clean_toestemming(self):
        upload = self.cleaned_data.get("toestemming")
        if upload:
            return (upload.name, upload.read(), validate_upload(upload))
        return None

    def clean(self):
        data = super().clean()
        if {"postcode", "huisnummer"} <= data.keys():
            self._clean_adres(data)
        if data.get("inwoning") == "ja" and not data.get("toestemming") and not self.bestaande_toestemming:
            self.add_error("toestemming", _("Voeg de toestemming van de hoofdbewoner toe. Zonder toestemming kunnen "
                                            "wij uw inwoning niet verwerken."))
        chosen = set(data.get("meeverhuizers") or [])
        if chosen:
            try:
                dead = overleden_bsns(chosen, self.gemeente)
            except Unavailable:
                dead = set()
            if dead:
                self.add_error("meeverhuizers", _("Volgens de Basisregistratie Personen is een van de gekozen "
                                                  "personen overleden. Een overleden persoon kan niet verhuizen."))
        return data

    def _clean_adres(self, data):
        try:
            found = get_adapter("bag", self.gemeente).adres_zoeken(
                postcode=data["postcode"], huisnummer=data["huisnummer"], huisletter=data.get("huisletter", ""),
                huisnummertoevoeging=data.get("huisnummertoevoeging", ""), exacte_match=True)
        except Unavailable:
            raise ValidationError(_("Het adressenregister (BAG) is nu niet bereikbaar, zodat wij uw nieuwe adres niet "
                                    "kunnen controleren. Uw gegevens zijn niet verloren: probeer het over enkele "
                                    "minuten opnieuw.")) from None
        if not found:
            self.add_error("postcode", _("Wij kunnen dit adres niet vinden in de Basisregistratie Adressen en "
                                         "Gebouwen (BAG). Controleer de postcode, het huisnummer en een eventuele "
                                         "huisletter of toevoeging."))
            return
        if len(found) > 1:
            self.add_error("huisletter", _("Op dit huisnummer zijn meerdere adressen. Vul ook de huisletter of "
                                           "toevoeging in."))
            return
        adres = found[0]
        if self.prefill.adresseerbaar_object and adres["adresseerbaarObjectIdentificatie"] == self.prefill.adresseerbaar_object:
            self.add_error("postcode", _("Dit is uw huidige adres. Vul het adres in waar u naartoe verhuist."))
            return
        gemeente = Gemeente.objects.filter(gemeentecode=adres["gemeenteIdentificatie"], actief=True,
                                           producten__product__slug="verhuizing", producten__actief=True).first()
        if gemeente is None:
            self.add_error("postcode", _("Uw nieuwe adres ligt in %(plaats)s. Die gemeente handelt verhuizingen niet "
                                         "via dit loket af. Geef uw verhuizing door via de website van de gemeente "
                                         "van uw nieuwe adres.") % {"plaats": adres.get("woonplaatsNaam", "")})
            return
        self.adres, self.behandelende_gemeente = adres, gemeente
