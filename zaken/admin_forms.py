"""The checks of the functional-administration forms: what the model's own validators leave open."""

import json
import re
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Gemeente, GemeenteHost, GemeenteProduct
from .registry import processes
from .termijnen_awb import ENGINE_TERMS, engine_term_error
from .theme_tokens import validate_theme_tokens

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# First path segments the site itself uses: a municipality there would never be reached.
RESERVED_SLUGS = frozenset({"admin", "behandelen", "betalen", "media", "static", "thema", "accounts", "api"})
HOST_LABEL_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
MAX_TERM = 3650  # ten years in days; no term of a municipal product is longer


def theme_package_choices():
    return [("", "---------"), *((key, key) for key in sorted(settings.THEME_PACKAGES))]


class GemeenteAdminForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    theme_package = forms.ChoiceField(label=_("token-pakket"), required=False, choices=theme_package_choices,
                                      help_text=_("Alleen bij een token-pakket; bij tokens in de database leeg."))

    class Meta:
        model = Gemeente
        fields = "__all__"

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if not SLUG_RE.fullmatch(slug):
            raise ValidationError(_("Gebruik alleen kleine letters, cijfers en losse streepjes, bv. den-haag."))
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("Dit pad gebruikt de site zelf; kies een andere slug."))
        return slug

    def clean_gemeentecode(self):
        code = self.cleaned_data["gemeentecode"]
        if code == "0000":
            raise ValidationError(_("0000 is geen CBS-gemeentecode; vul de code van de gemeente in, bv. 0518."))
        return code

    def clean_theme_tokens(self):
        tokens = self.cleaned_data.get("theme_tokens")
        if tokens in (None, ""):
            return {}
        validate_theme_tokens(tokens)
        return tokens

    def clean(self):
        data = super().clean()
        if (data.get("theme_kind") == Gemeente.ThemeKind.PACKAGE and not data.get("theme_package")
                and "theme_package" not in self.errors):
            self.add_error("theme_package", _("Kies het token-pakket van deze gemeente."))
        return data


class GemeenteHostForm(forms.ModelForm):
    class Meta:
        model = GemeenteHost
        fields = ["hostname"]

    def clean_hostname(self):
        hostname = self.cleaned_data["hostname"].strip().lower().rstrip(".")
        labels = hostname.split(".")
        if len(hostname) > 253 or len(labels) < 2 or not all(HOST_LABEL_RE.fullmatch(label) for label in labels):
            raise ValidationError(_("Vul alleen een hostnaam in, zonder https:// of pad, bv. loket.gemeente.nl."))
        return hostname


def _gestructureerd(default) -> bool:
    return isinstance(default, (dict, str)) or (isinstance(default, list) and bool(default)
                                                and isinstance(default[0], dict))


def _zelfde_vorm(value, default) -> bool:
    """A structured setting keeps its default's shape: the same keys, numbers as numbers, text as text."""
    if isinstance(default, dict):
        return (isinstance(value, dict) and set(value) == set(default)
                and all(_zelfde_vorm(value[k], default[k]) for k in default))
    if isinstance(default, list):
        rij = default[0] if default and isinstance(default[0], dict) else None
        if rij is not None:
            return isinstance(value, list) and bool(value) and all(_zelfde_vorm(v, rij) for v in value)
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if isinstance(default, bool):
        return isinstance(value, bool)
    if default is None or isinstance(default, (int, float)):
        return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
    return isinstance(value, str) and len(value) <= 300


def term_errors(*, product_slug: str, terms) -> list[str]:
    """Why a product's terms are refused: unknown keys, or values that are no sane whole numbers."""
    if not isinstance(terms, dict):
        return [str(_("Geef de termijnen als een object: {\"naam\": getal}."))]
    known = {**ENGINE_TERMS, **(processes.get(product_slug).default_terms if product_slug in processes else {})}
    errors = []
    for key, value in terms.items():
        if key in ENGINE_TERMS:
            if error := engine_term_error(key, value):
                errors.append(str(error))
        elif key not in known:
            errors.append(str(_("%(key)s: onbekende instelling. Mogelijk zijn: %(known)s.")
                              % {"key": key, "known": ", ".join(sorted(known)) or _("geen")}))
        elif _gestructureerd(known[key]):  # a rule table or text of the process (e.g. the event's risk table)
            if not _zelfde_vorm(value, known[key]):
                errors.append(str(_("%(key)s: houd de vorm van de standaardwaarde aan (dezelfde namen, getallen "
                                    "als getal, tekst als tekst): %(default)s")
                                  % {"key": key, "default": json.dumps(known[key], ensure_ascii=False)[:300]}))
        elif isinstance(known[key], bool):  # a switch of the process (e.g. oud_rijbewijs_inleveren)
            if not isinstance(value, bool):
                errors.append(str(_("%(key)s: vul true of false in.") % {"key": key}))
        elif isinstance(known[key], list):  # a choice among the default's items, which the law allows at most
            if not isinstance(value, list) or not all(isinstance(v, str) and v in known[key] for v in value):
                errors.append(str(_("%(key)s: geef een lijst met alleen waarden uit: %(known)s.")
                                  % {"key": key, "known": ", ".join(known[key])}))
        elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_TERM:
            errors.append(str(_("%(key)s: vul een heel getal van 0 tot en met %(max)d in.")
                              % {"key": key, "max": MAX_TERM}))
        elif key.endswith("_termijn_dagen") and value < 1:
            errors.append(str(_("%(key)s: een termijn om te antwoorden is minstens 1 dag.") % {"key": key}))
    return errors


class GemeenteProductForm(forms.ModelForm):
    class Meta:
        model = GemeenteProduct
        fields = "__all__"
        help_texts = {
            "min_level_digid": _("Leeg: het niveau dat het proces voorschrijft."),
            "min_level_eherkenning": _("Leeg: het niveau dat het proces voorschrijft."),
        }

    def clean_leges(self):
        leges = self.cleaned_data.get("leges")
        if leges is not None and leges < Decimal("0"):
            raise ValidationError(_("Leges kunnen niet negatief zijn; vul 0 in voor een gratis product."))
        return leges

    def clean(self):
        data = super().clean()
        product = data.get("product")
        terms = data.get("termijnen")
        if product is not None and terms not in (None, ""):
            for error in term_errors(product_slug=product.slug, terms=terms):
                self.add_error("termijnen", error)
        if product is not None and product.slug in processes:
            definition = processes.get(product.slug)
            # A level opens the product to that means; a process built for the other means would break.
            for field, offered, means in (("min_level_digid", definition.min_level_digid, "DigiD"),
                                          ("min_level_eherkenning", definition.min_level_eherkenning, "eHerkenning")):
                if data.get(field) and not offered:
                    self.add_error(field, _("Dit product is niet met %(means)s aan te vragen; laat dit veld leeg.")
                                   % {"means": means})
        return data
