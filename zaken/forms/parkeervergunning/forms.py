"""The resident's permit form: a kenteken, a start date, and for a car held by someone else its proof."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaken.forms.contact import email_veld, telefoon_veld
from zaken.forms.dates import DatumField
from zaken.forms.validators import UPLOAD_ERROR_MESSAGES, StripBidiMixin, validate_upload
from zaken.integrations.errors import NotFound
from zaken.integrations.rdw.kenteken import kenteken_normaliseren

from .rules import voertuig_beoordelen


class ParkeervergunningForm(StripBidiMixin, forms.Form):
    kenteken = forms.CharField(
        label=gettext_lazy("Kenteken"), max_length=12,
        help_text=gettext_lazy("Met of zonder streepjes, bijvoorbeeld GZ-123-B."),
        error_messages={"required": gettext_lazy("Vul het kenteken in van de auto waarvoor u de vergunning wilt.")})
    ingangsdatum = DatumField(
        label=gettext_lazy("Vanaf wanneer wilt u de vergunning?"),
        error_messages={"required": gettext_lazy("Vul de datum in vanaf wanneer u de vergunning wilt."),
                        "invalid": gettext_lazy("Vul een geldige datum in, bijvoorbeeld 14-03-2026.")})
    bewijs = forms.FileField(
        label=gettext_lazy("Leasecontract of verklaring van de houder"), required=False,
        error_messages=UPLOAD_ERROR_MESSAGES,
        help_text=gettext_lazy("Alleen nodig als de auto niet op uw naam staat. PDF, JPG of PNG."))
    email = email_veld(verplicht_tekst=gettext_lazy("Vul uw e-mailadres in, dan kunnen wij u laten weten wanneer er "
                                                    "een besluit is."))
    telefoon = telefoon_veld()
    verklaring = forms.BooleanField(
        label=gettext_lazy("Ik verklaar dat ik de auto zelf gebruik en dat ik deze gegevens naar waarheid heb "
                           "ingevuld."),
        error_messages={"required": gettext_lazy("Bevestig dat u de auto zelf gebruikt en dat de gegevens kloppen.")})

    def __init__(self, *args, bsn: str, terms: dict, vandaag: date, voertuig_lezen: Callable[[str], dict],
                 bewijs_bestaand: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.bsn, self.terms, self.vandaag, self.voertuig_lezen = bsn, terms, vandaag, voertuig_lezen
        self.bewijs_bestaand = bewijs_bestaand  # an upload kept from an earlier round of this draft
        self.voertuig: dict | None = None
        self.eigen = False

    def clean_kenteken(self):
        compact = kenteken_normaliseren(self.cleaned_data["kenteken"])
        if compact is None:
            raise ValidationError(_("Vul een geldig Nederlands kenteken in, bijvoorbeeld GZ-123-B of GZ123B."))
        try:
            voertuig = self.voertuig_lezen(compact)  # Unavailable propagates: the view answers 503
        except NotFound:
            raise ValidationError(_("De RDW kent dit kenteken niet. Controleer het kenteken op uw kentekenbewijs."))
        oordeel = voertuig_beoordelen(voertuig, bsn=self.bsn, terms=self.terms)
        if oordeel.weigering:
            raise ValidationError(oordeel.weigering)  # no proof asked for a vehicle that cannot have a permit
        self.voertuig, self.eigen = voertuig, oordeel.eigen
        return compact

    def clean_ingangsdatum(self):
        day = self.cleaned_data["ingangsdatum"]
        uiterlijk = self.vandaag + timedelta(days=self.terms["ingangsdatum_max_dagen"])
        if day < self.vandaag:
            raise ValidationError(_("De vergunning kan niet eerder ingaan dan vandaag. Kies vandaag of een latere "
                                    "datum."))
        if day > uiterlijk:
            raise ValidationError(_("Kies een datum uiterlijk op %(d)s.") % {"d": date_format(uiterlijk, "j F Y")})
        return day

    def clean_bewijs(self):
        upload = self.cleaned_data.get("bewijs")
        if upload:
            return (upload.name, upload.read(), validate_upload(upload))
        return None

    def clean(self):
        data = super().clean()
        if self.voertuig is not None and not self.eigen and not data.get("bewijs") and not self.bewijs_bestaand \
                and "bewijs" not in self.errors:
            self.add_error("bewijs", _(
                "Deze auto staat volgens de RDW niet op uw naam. Upload het leasecontract of een verklaring van de "
                "houder dat u de auto gebruikt."))
        return data
