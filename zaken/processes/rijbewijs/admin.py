"""The counters where licences are collected: configured per municipality by the functional administrator."""

from django.contrib import admin

from zaken.admin_site import BEHEER_PERMISSIONS

from .models import Afhaallocatie

BEHEER_PERMISSIONS["rijbewijs.afhaallocatie"] = ("view", "add", "change")


@admin.register(Afhaallocatie)
class AfhaallocatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "gemeente", "adres", "actief", "volgorde"]
    list_filter = ["actief", "gemeente"]
    search_fields = ["naam", "adres"]
    list_select_related = ["gemeente"]
