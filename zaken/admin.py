"""Functional administration: municipalities with their host names, products and theme.

Who may enter at all is BeheerAdminSite's decision (zaken/admin_site.py). viewflow's raw process
and task admin lists every municipality's work with its data: only superusers keep it.
"""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.admin import ProcessAdmin, TaskAdmin
from viewflow.workflow.models import Process, Task

from .admin_forms import GemeenteAdminForm, GemeenteHostForm, GemeenteProductForm
from .models import AtwBesluitdag, Gemeente, GemeenteHost, GemeenteProduct, Product


class SuperuserOnlyMixin:
    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


for model, model_admin in ((Process, ProcessAdmin), (Task, TaskAdmin)):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, type(f"Superuser{model_admin.__name__}", (SuperuserOnlyMixin, model_admin), {}))


class GemeenteHostInline(admin.TabularInline):
    model = GemeenteHost
    form = GemeenteHostForm
    extra = 1


class GemeenteProductInline(admin.StackedInline):
    model = GemeenteProduct
    form = GemeenteProductForm
    extra = 0


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    form = GemeenteAdminForm
    list_display = ["naam", "slug", "gemeentecode", "rsin", "theme_kind", "actief"]
    list_filter = ["actief", "theme_kind"]
    search_fields = ["naam", "slug", "gemeentecode"]
    inlines = [GemeenteHostInline, GemeenteProductInline]
    fieldsets = [
        (None, {"fields": ["naam", "slug", "gemeentecode", "rsin", "actief"]}),
        (_("Contact en teksten"), {"fields": ["contact_email", "contact_telefoon", "website", "bezoekadres",
                                           "postadres", "logo", "welkomsttekst"]}),
        (_("Thema"), {"fields": ["theme_kind", "theme_package", "theme_tokens"]}),
    ]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["upl_naam", "slug", "volgorde"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    search_fields = ["upl_naam", "slug"]


@admin.register(AtwBesluitdag)
class AtwBesluitdagAdmin(admin.ModelAdmin):
    """The days a Royal Decree adds to the Atw holidays: every term counts them (zaken.termijnen)."""

    list_display = ["datum", "toelichting", "besluit"]
    date_hierarchy = "datum"
