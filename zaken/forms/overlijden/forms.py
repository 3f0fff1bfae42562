"""The undertaker's e-form in two steps: who files and for whom, then the death and the funeral."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaken.forms.dates import DatumField
from zaken.forms.lookups import LookupLimitReached, persoon_opzoeken
from zaken.forms.contact import email_veld, telefoon_veld
from zaken.forms.validators import UPLOAD_ERROR_MESSAGES, StripBidiMixin, normalise_postcode, validate_upload
from zaken.integrations.errors import NotFound, Unavailable
from zaken.identity import AuthContext
from zaken.integrations.registry import get_adapter
from zaken.models import Gemeente
from zaken.validators import validate_bsn

from . import rules

UPLOADS = ("a_formulier", "ovj_verklaring", "uitstel_besluit")
# What the undertaker's look-up asks of the BRP: enough to confirm the identity, and a registered death.
OVERLEDENE_OPZOEKEN = ("naam.volledigeNaam", "geboorte.datum", "overlijden.datum")


class AangeverForm(StripBidiMixin, forms.Form):
    aangever_naam = forms.CharField(label=gettext_lazy("Uw naam"), max_length=200,
                                    error_messages={"required": gettext_lazy("Vul uw naam in.")})
    email = email_veld(label=gettext_lazy("Uw e-mailadres"))
    telefoon = telefoon_veld(label=gettext_lazy("Uw telefoonnummer"),
                             verplicht_tekst=gettext_lazy("Vul uw telefoonnummer in, dan kunnen wij u snel bereiken."))
    bsn = forms.CharField(label=gettext_lazy("BSN van de overledene"), max_length=9,
                          help_text=gettext_lazy("9 cijfers. Wij zoeken de gegevens op in de Basisregistratie "
                                                 "Personen (BRP)."),
                          error_messages={"required": gettext_lazy("Vul het burgerservicenummer van de overledene "
                                                                   "in.")})

    def __init__(self, *args, auth: AuthContext, gemeente: Gemeente, terms: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.auth, self.gemeente, self.terms = auth, gemeente, terms
        self.persoon: dict | None = None

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"].strip()
        validate_bsn(bsn)
        try:
            persoon = persoon_opzoeken(bsn=bsn, auth=self.auth, gemeente=self.gemeente,
                                       per_hour=self.terms["brp_opzoekingen_per_uur"],
                                       reason="overledene vaststellen voor de aangifte van overlijden",
                                       processing_activity="aangifte overlijden: overledene opzoeken",
                                       categories=["naam", "geboorte", "overlijden"],
                                       fields=OVERLEDENE_OPZOEKEN, doelbinding="overlijden")
        except LookupLimitReached:
            raise ValidationError(_("U hebt het afgelopen uur al %(n)s keer een persoon opgezocht. Meer kan niet "
                                    "binnen een uur. Probeer het over een uur opnieuw, of doe de aangifte aan de "
                                    "balie van de gemeente.") % {"n": self.terms["brp_opzoekingen_per_uur"]}) from None
        except NotFound:
            raise ValidationError(_("Dit BSN komt niet voor in de Basisregistratie Personen. Controleer het "
                                    "nummer.")) from None
        except Unavailable:
            raise ValidationError(_("De Basisregistratie Personen is nu niet bereikbaar. Probeer het over enkele "
                                    "minuten opnieuw.")) from None
        if persoon.get("overlijden"):
            raise ValidationError(_("Volgens de Basisregistratie Personen is het overlijden van deze persoon al "
                                    "geregistreerd. Neem contact op met de gemeente als dit niet klopt."))
        self.persoon = persoon
        return bsn


class OverlijdenForm(StripBidiMixin, forms.Form):
    overlijdensdatum = DatumField(label=gettext_lazy("Datum van overlijden"),
                                  error_messages={"required": gettext_lazy("Vul de datum van overlijden in."),
                                                  "invalid": gettext_lazy("Vul een geldige datum in, bijvoorbeeld "
                                                                          "14-03-2026.")})
    overlijdenstijd = forms.TimeField(label=gettext_lazy("Tijdstip van overlijden"),
                                      error_messages={"required": gettext_lazy("Vul het tijdstip van overlijden in, "
                                                                               "bijvoorbeeld 14:30."),
                                                      "invalid": gettext_lazy("Vul een geldig tijdstip in, "
                                                                              "bijvoorbeeld 14:30.")})
    plaats_soort = forms.ChoiceField(label=gettext_lazy("Hoe geeft u de plaats van overlijden op?"),
                                     widget=forms.RadioSelect, initial="adres",
                                     choices=[("adres", gettext_lazy("Met een adres")),
                                              ("gemeente", gettext_lazy("Ik kies de gemeente (geen adres)"))])
    postcode = forms.CharField(label=gettext_lazy("Postcode"), required=False, max_length=7)
    huisnummer = forms.IntegerField(label=gettext_lazy("Huisnummer"), required=False, min_value=1, max_value=99999,
                                    error_messages={"invalid": gettext_lazy("Een huisnummer bestaat uit cijfers.")})
    huisletter = forms.RegexField(label=gettext_lazy("Huisletter (optioneel)"), regex=r"^[A-Za-z]$", required=False)
    huisnummertoevoeging = forms.RegexField(label=gettext_lazy("Toevoeging (optioneel)"), regex=r"^[A-Za-z0-9]{1,4}$",
                                            required=False)
    plaats_gemeente = forms.ChoiceField(label=gettext_lazy("Gemeente van overlijden"), required=False)
    doodsoorzaak = forms.ChoiceField(label=gettext_lazy("Soort overlijden"), widget=forms.RadioSelect,
                                     choices=[("natuurlijk", gettext_lazy("Natuurlijk overlijden")),
                                              ("niet_natuurlijk", gettext_lazy("Niet-natuurlijk overlijden"))],
                                     error_messages={"required": gettext_lazy("Kies natuurlijk of niet-natuurlijk.")})
    wijze = forms.ChoiceField(label=gettext_lazy("Begraven of cremeren"), widget=forms.RadioSelect,
                              choices=[("begraven", gettext_lazy("Begraven")), ("cremeren", gettext_lazy("Cremeren"))],
                              error_messages={"required": gettext_lazy("Kies begraven of cremeren.")})
    uitvaart_datum = DatumField(label=gettext_lazy("Geplande datum"),
                                error_messages={"required": gettext_lazy("Vul de geplande datum van de uitvaart in."),
                                                "invalid": gettext_lazy("Vul een geldige datum in, bijvoorbeeld "
                                                                        "18-03-2026.")})
    uitvaart_tijd = forms.TimeField(label=gettext_lazy("Gepland tijdstip"),
                                    error_messages={"required": gettext_lazy("Vul het geplande tijdstip in."),
                                                    "invalid": gettext_lazy("Vul een geldig tijdstip in, "
                                                                            "bijvoorbeeld 11:00.")})
    uitvaart_plaats = forms.CharField(label=gettext_lazy("Begraafplaats of crematorium"), max_length=200,
                                      error_messages={"required": gettext_lazy("Vul de begraafplaats of het "
                                                                               "crematorium in.")})
    uittreksels = forms.IntegerField(label=gettext_lazy("Aantal uittreksels van de akte"), min_value=0, initial=0,
                                     error_messages={"invalid": gettext_lazy("Vul een aantal in.")})
    a_formulier = forms.FileField(error_messages=UPLOAD_ERROR_MESSAGES, label=gettext_lazy("Verklaring van overlijden (A-formulier)"), required=False,
                                  help_text=gettext_lazy("Van de behandelend arts of de gemeentelijk lijkschouwer. "
                                                         "PDF, JPG of PNG."))
    ovj_verklaring = forms.FileField(error_messages=UPLOAD_ERROR_MESSAGES, label=gettext_lazy("Verklaring van geen bezwaar van de officier van justitie"),
                                     required=False,
                                     help_text=gettext_lazy("Verplicht bij een niet-natuurlijk overlijden. PDF, JPG "
                                                            "of PNG."))
    uitstel_besluit = forms.FileField(error_messages=UPLOAD_ERROR_MESSAGES, label=gettext_lazy("Besluit of verklaring voor uitstel of verkorting"),
                                      required=False,
                                      help_text=gettext_lazy("Verplicht als de uitvaart vóór 36 uur na het overlijden "
                                                             "of na de 6e werkdag valt. PDF, JPG of PNG."))

    def __init__(self, *args, gemeente: Gemeente, terms: dict, bestaande: dict | None = None,
                 geboren: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.gemeente, self.terms = gemeente, terms
        self.geboren = geboren  # earliest birth day the BRP allows: death cannot lie before it
        self.bestaande = bestaande or {}  # uploads kept from an earlier round of this draft
        self.fields["uittreksels"].validators.append(_max_validator(terms["max_uittreksels"]))
        self.fields["plaats_gemeente"].choices = [("", _("Kies een gemeente"))] + [
            (g.gemeentecode, g.naam) for g in Gemeente.objects.filter(actief=True).order_by("naam")]
        self.plaats, self.plaats_gemeentecode = "", ""
        self.venster: rules.Uitvaartvenster | None = None
        self.afwijking = ""

    def _upload(self, name):
        upload = self.cleaned_data.get(name)
        if upload:
            return (upload.name, upload.read(), validate_upload(upload))
        return None

    def clean_a_formulier(self):
        return self._upload("a_formulier")

    def clean_ovj_verklaring(self):
        return self._upload("ovj_verklaring")

    def clean_uitstel_besluit(self):
        return self._upload("uitstel_besluit")

    def has_upload(self, data, name) -> bool:
        return bool(data.get(name) or self.bestaande.get(name))

    def clean(self):
        data = super().clean()
        tz = timezone.get_current_timezone()
        overleden_op = None
        if data.get("overlijdensdatum") and data.get("overlijdenstijd"):
            overleden_op = rules.combineer(data["overlijdensdatum"], data["overlijdenstijd"], tz)
            fout = rules.overlijden_fout(overleden_op=overleden_op, geboren=self.geboren, nu=timezone.localtime(),
                                         terms=self.terms)
            if fout:
                self.add_error("overlijdensdatum", fout)
                overleden_op = None
        self._clean_plaats(data)
        if overleden_op:
            self.venster = rules.uitvaartvenster(overleden_op=overleden_op, terms=self.terms)
            if data.get("uitvaart_datum") and data.get("uitvaart_tijd"):
                uitvaart = rules.combineer(data["uitvaart_datum"], data["uitvaart_tijd"], tz)
                fout = rules.uitvaart_fout(uitvaart_op=uitvaart, overleden_op=overleden_op, terms=self.terms)
                if fout:
                    self.add_error("uitvaart_datum", fout)
                else:
                    self.afwijking = self.venster.beoordeel(uitvaart)
                    if self.afwijking and not self.has_upload(data, "uitstel_besluit"):
                        self.add_error("uitstel_besluit", _(
                            "De uitvaart valt buiten de wettelijke termijn (van %(van)s tot en met %(tot)s). Voeg "
                            "het besluit of de verklaring voor uitstel of verkorting toe, of kies een andere datum.")
                            % {"van": timezone.localtime(self.venster.vroegst).strftime("%d-%m-%Y %H:%M"),
                               "tot": self.venster.uiterlijk.strftime("%d-%m-%Y")})
        if not self.has_upload(data, "a_formulier") and "a_formulier" not in self.errors:
            self.add_error("a_formulier", _("Voeg de verklaring van overlijden (A-formulier) toe."))
        if data.get("doodsoorzaak") == "niet_natuurlijk" and not self.has_upload(data, "ovj_verklaring") \
                and "ovj_verklaring" not in self.errors:
            self.add_error("ovj_verklaring", _("Bij een niet-natuurlijk overlijden is de verklaring van geen bezwaar "
                                               "van de officier van justitie verplicht."))
        return data

    def _clean_plaats(self, data):
        if data.get("plaats_soort") == "gemeente":
            code = data.get("plaats_gemeente")
            if not code:
                self.add_error("plaats_gemeente", _("Kies de gemeente waar het overlijden plaatsvond."))
                return
            self._check_gemeente(code, "plaats_gemeente", Gemeente.objects.get(gemeentecode=code).naam)
            return
        if not data.get("postcode") or not data.get("huisnummer"):
            self.add_error("postcode", _("Vul de postcode en het huisnummer van de plaats van overlijden in, of kies "
                                         "de gemeente."))
            return
        try:
            postcode = normalise_postcode(data["postcode"])
            found = get_adapter("bag", self.gemeente).adres_zoeken(
                postcode=postcode, huisnummer=data["huisnummer"], huisletter=data.get("huisletter", ""),
                huisnummertoevoeging=data.get("huisnummertoevoeging", ""), exacte_match=True)
        except ValidationError as error:
            self.add_error("postcode", error)
            return
        except Unavailable:
            self.add_error("postcode", _("Het adressenregister (BAG) is nu niet bereikbaar. Kies de gemeente of "
                                         "probeer het over enkele minuten opnieuw."))
            return
        if len(found) != 1:
            self.add_error("postcode", _("Wij kunnen dit adres niet (eenduidig) vinden in de Basisregistratie "
                                         "Adressen en Gebouwen. Controleer de postcode, het huisnummer en de "
                                         "huisletter of toevoeging."))
            return
        adres = found[0]
        self._check_gemeente(adres["gemeenteIdentificatie"], "postcode",
                             f"{adres['adresregel5']}, {adres['adresregel6']}", fallback=adres.get("woonplaatsNaam", ""))

    def _check_gemeente(self, code: str, field: str, plaats: str, fallback: str = ""):
        """Art. 1:19f BW: the death is filed in the municipality where it occurred."""
        if code == self.gemeente.gemeentecode:
            self.plaats, self.plaats_gemeentecode = plaats, code
            return
        andere = Gemeente.objects.filter(gemeentecode=code).first()
        naam = andere.naam if andere else fallback or code
        self.add_error(field, _("Deze plaats ligt in de gemeente %(naam)s. Doe de aangifte van overlijden bij de "
                                "gemeente %(naam)s, niet bij %(hier)s.") % {"naam": naam, "hier": self.gemeente.naam})


def _max_validator(limit: int):
    from django.core.validators import MaxValueValidator

    return MaxValueValidator(limit, message=gettext_lazy("Vraag hoogstens %(limit_value)s uittreksels aan."))
