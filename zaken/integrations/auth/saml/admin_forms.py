"""The connection's admin form: checks the PEM and XML it is given, and never shows the private key back."""

from cryptography import x509
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from saml2.mdstore import InMemoryMetaData

from .models import SamlKoppeling


class SamlKoppelingForm(forms.ModelForm):
    sp_sleutel = forms.CharField(
        label=_("privésleutel (PEM)"), required=False, strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        help_text=_("Wordt nooit getoond. Laat leeg om de opgeslagen sleutel te houden."))

    class Meta:
        model = SamlKoppeling
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["sp_sleutel"] = ""  # the stored key never goes back to a browser

    def clean_sp_certificaat(self):
        pem = self.cleaned_data["sp_certificaat"].strip()
        try:
            x509.load_pem_x509_certificate(pem.encode())
        except ValueError:
            raise ValidationError(_("Dit is geen certificaat in PEM-formaat. Plak de tekst vanaf "
                                    "-----BEGIN CERTIFICATE----- tot en met -----END CERTIFICATE-----.")) from None
        return pem

    def clean_sp_sleutel(self):
        pem = self.cleaned_data.get("sp_sleutel", "")
        if not pem:
            if self.instance.pk and self.instance.sp_sleutel:
                return self.instance.sp_sleutel
            raise ValidationError(_("Plak de privésleutel die bij het certificaat hoort."))
        try:
            load_pem_private_key(pem.encode(), password=None)
        except (ValueError, TypeError):
            raise ValidationError(_("Dit is geen onversleutelde privésleutel in PEM-formaat. Plak de tekst vanaf "
                                    "-----BEGIN PRIVATE KEY-----.")) from None
        return pem

    def clean_idp_metadata(self):
        xml = self.cleaned_data["idp_metadata"].strip()
        try:
            metadata = InMemoryMetaData(None, xml)
            metadata.load()
            idps = [eid for eid, entity in metadata.items() if entity.get("idpsso_descriptor")]
        except Exception:
            raise ValidationError(_("Deze metadata is geen geldige SAML-metadata. Plak het hele XML-bestand "
                                    "dat u van Logius of de makelaar kreeg.")) from None
        if len(idps) != 1:
            raise ValidationError(_("De metadata moet precies één identity provider beschrijven."))
        return xml

    def clean(self):
        data = super().clean()
        cert, key = data.get("sp_certificaat"), data.get("sp_sleutel")
        if cert and key:
            public = x509.load_pem_x509_certificate(cert.encode()).public_key()
            if public != load_pem_private_key(key.encode(), password=None).public_key():
                self.add_error("sp_sleutel", _("Deze sleutel hoort niet bij het certificaat."))
        return data
