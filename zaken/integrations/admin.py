"""Functional administration of the integrations: each municipality's DigiD and eHerkenning connection."""

from django.contrib import admin

from zaken.admin_site import BEHEER_PERMISSIONS

from .auth.saml.admin_forms import SamlKoppelingForm
from .auth.saml.models import SamlKoppeling

BEHEER_PERMISSIONS["integrations.samlkoppeling"] = ("view", "add", "change", "delete")


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
