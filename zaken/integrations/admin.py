"""Functional administration of the integrations: each municipality's register connections and its
DigiD and eHerkenning connection."""

from django import forms
from django.contrib import admin

from zaken.admin_site import BEHEER_PERMISSIONS

from .auth.saml.admin_forms import SamlKoppelingForm
from .auth.saml.models import SamlKoppeling
from .models import RegisterKoppeling

BEHEER_PERMISSIONS["integrations.samlkoppeling"] = ("view", "add", "change", "delete")
BEHEER_PERMISSIONS["integrations.registerkoppeling"] = ("view", "add", "change", "delete")


@admin.register(SamlKoppeling)
class SamlKoppelingAdmin(admin.ModelAdmin):
    form = SamlKoppelingForm
    list_display = ["gemeente", "middel", "sp_entity_id", "minimum_niveau", "actief", "gewijzigd"]
    list_filter = ["middel", "actief"]
    list_select_related = ["gemeente"]
    search_fields = ["gemeente__naam", "sp_entity_id"]
    fieldsets = [
        (None, {"fields": ["gemeente", "middel", "actief", "minimum_niveau"]}),
        ("SAML", {"fields": ["sp_entity_id", "sp_certificaat", "sp_sleutel", "idp_metadata", "artifact_binding"]}),
        ("eHerkenning", {"fields": ["dienst_id", "attribute_consuming_service_index", "dienstbeperkingen"]}),
    ]


class RegisterKoppelingForm(forms.ModelForm):
    url = forms.URLField(label=RegisterKoppeling._meta.get_field("url").verbose_name, assume_scheme="https",
                         help_text=RegisterKoppeling._meta.get_field("url").help_text)
    # The key is never shown back; leaving the field empty keeps the stored one.
    api_key = forms.CharField(label=RegisterKoppeling._meta.get_field("api_key").verbose_name, required=False,
                              widget=forms.PasswordInput(render_value=False), max_length=500)

    class Meta:
        model = RegisterKoppeling
        fields = "__all__"

    def clean_api_key(self):
        value = self.cleaned_data["api_key"]
        return value or (self.instance.api_key if self.instance.pk else "")


@admin.register(RegisterKoppeling)
class RegisterKoppelingAdmin(admin.ModelAdmin):
    form = RegisterKoppelingForm
    list_display = ("gemeente", "soort", "url", "actief")
    list_filter = ("soort", "actief")
    list_select_related = ("gemeente",)
    search_fields = ("gemeente__naam",)
    autocomplete_fields = ("gemeente",)
