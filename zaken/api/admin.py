"""Functional administration of the API clients: an Applicatie with its Autorisaties inline."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from zaken.admin_site import BEHEER_PERMISSIONS

from .models import ALL_SCOPES, Applicatie, Autorisatie

BEHEER_PERMISSIONS["api.applicatie"] = ("view", "add", "change", "delete")
BEHEER_PERMISSIONS["api.autorisatie"] = ("view", "add", "change", "delete")


class ApplicatieForm(forms.ModelForm):
    # The secret is never shown back; leaving the field empty keeps the stored one.
    secret = forms.CharField(label=_("geheim"), required=False, max_length=200,
                             widget=forms.PasswordInput(render_value=False),
                             help_text=_("Het gedeelde geheim waarmee de applicatie haar JWT ondertekent (HS256). "
                                         "Laat leeg om het bewaarde geheim te houden."))

    class Meta:
        model = Applicatie
        fields = "__all__"

    def clean_secret(self):
        value = self.cleaned_data["secret"] or (self.instance.secret if self.instance.pk else "")
        if len(value) < 32:
            raise forms.ValidationError(_("Vul een geheim van minstens 32 tekens in."))
        return value


class AutorisatieForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(label=_("scopes"), choices=[(s, s) for s in ALL_SCOPES],
                                       widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Autorisatie
        fields = "__all__"

    def clean(self):
        data = super().clean()
        from .models import SCOPES

        wrong = [s for s in data.get("scopes", []) if s not in SCOPES.get(data.get("component"), ())]
        if wrong:
            self.add_error("scopes", _("Deze scopes horen niet bij de gekozen component: %(scopes)s.")
                           % {"scopes": ", ".join(wrong)})
        return data


class AutorisatieInline(admin.TabularInline):
    model = Autorisatie
    form = AutorisatieForm
    extra = 1


@admin.register(Applicatie)
class ApplicatieAdmin(admin.ModelAdmin):
    form = ApplicatieForm
    inlines = [AutorisatieInline]
    list_display = ("label", "client_id", "gemeente", "actief")
    list_filter = ("actief",)
    list_select_related = ("gemeente",)
    search_fields = ("label", "client_id", "gemeente__naam")
