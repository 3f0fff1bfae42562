"""Functional administration of kanalen and abonnementen; the outbox is read-only (for support)."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .callback import CallbackRefused, check_callback_url
from .models import Abonnement, AbonnementKanaal, Kanaal, Levering, Notificatie


@admin.register(Kanaal)
class KanaalAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["naam", "documentatie_link"]


class AbonnementForm(forms.ModelForm):
    callback_url = forms.URLField(label=_("Callback-URL"), max_length=1000, assume_scheme="https")
    # The secret is written, never shown back: an empty field keeps the stored value.
    auth = forms.CharField(label=_("Autorisatieheader"), required=False, widget=forms.PasswordInput(render_value=False),
                           help_text=_("Bijvoorbeeld 'Bearer …'. Laat leeg om de opgeslagen waarde te houden."))

    class Meta:
        model = Abonnement
        fields = ["gemeente", "callback_url", "auth", "actief"]

    def clean_callback_url(self):
        url = self.cleaned_data["callback_url"]
        try:
            check_callback_url(url)  # as the API does: delivery would refuse it anyway
        except CallbackRefused as exc:
            raise forms.ValidationError(str(exc)) from None
        return url

    def clean_auth(self):
        return self.cleaned_data["auth"] or (self.instance.auth if self.instance.pk else "")


class AbonnementKanaalInline(admin.TabularInline):
    model = AbonnementKanaal
    extra = 1


@admin.register(Abonnement)
class AbonnementAdmin(admin.ModelAdmin):
    form = AbonnementForm
    list_display = ["callback_url", "gemeente", "actief"]
    list_filter = ["gemeente", "actief"]
    inlines = [AbonnementKanaalInline]


@admin.register(Notificatie)
class NotificatieAdmin(admin.ModelAdmin):
    list_display = ["uuid", "kanaal", "resource", "actie", "aanmaakdatum", "verdeeld_op"]
    list_filter = ["kanaal", "actie"]
    readonly_fields = [f.name for f in Notificatie._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Levering)
class LeveringAdmin(admin.ModelAdmin):
    list_display = ["notificatie", "abonnement", "pogingen", "laatste_status", "volgende_poging", "afgeleverd_op"]
    list_filter = ["afgeleverd_op"]
    list_select_related = ["notificatie", "abonnement"]
    raw_id_fields = ["notificatie", "abonnement"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
