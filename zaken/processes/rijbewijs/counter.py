"""The counter (/behandelen/werklijst/rijbewijs/): find a ready licence by case number or by scanning
the pickup letter's QR code, record the ID check, hand it out.

Mounted by the back office from ProcessDefinition.worklist, behind its login and membership guard;
the handover needs the right `rijbewijs.uitreiken_rijbewijs` too.
"""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from zaken.actors import Actor
from zaken.forms.validators import strip_bidi_fields
from zaken.models import AuditLog
from zaken.services import audit_record

from .afhaalcode import lees_code
from .letters import categorieen_weergave
from .models import Rijbewijs, Uitreikpoging
from .selectors import klaar_bij, locaties_for_medewerker, rijbewijs_bij_balie
from .handover import IdControle, rijbewijs_uitreiken
from .services import RijbewijsRefused

PER_PAGE = 25
DOCUMENTNUMMER_RE = re.compile(r"^[A-Z0-9]{6,12}$")
JA_NEE = [("ja", gettext_lazy("Ja")), ("nee", gettext_lazy("Nee"))]


class ZoekForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Zaaknummer of afhaalcode (scan de QR-code)"), max_length=40)

    def clean_code(self):
        gelezen = lees_code(self.cleaned_data["code"])
        if gelezen is None:
            raise forms.ValidationError(_("Dit is geen geldig zaaknummer of afhaalcode. Controleer de code of typ het "
                                          "zaaknummer over, bijvoorbeeld ZAAK-2026-0000042."))
        return gelezen[0]


class UitreikForm(forms.Form):
    documentsoort = forms.ChoiceField(label=gettext_lazy("Soort identiteitsbewijs"),
                                      choices=Uitreikpoging.Document.choices,
                                      error_messages={"required": gettext_lazy("Kies het identiteitsbewijs dat de "
                                                                               "persoon aan de balie liet zien.")})
    documentnummer = forms.CharField(label=gettext_lazy("Documentnummer"), max_length=20,
                                     help_text=gettext_lazy("Wij bewaren alleen de laatste 4 tekens."),
                                     error_messages={"required": gettext_lazy("Neem het documentnummer over van het "
                                                                              "identiteitsbewijs.")})
    identiteit_vastgesteld = forms.ChoiceField(label=gettext_lazy("Komen persoon en identiteitsbewijs overeen met de "
                                                                  "aanvrager?"), choices=JA_NEE, widget=forms.RadioSelect,
                                                error_messages={"required": gettext_lazy(
                                                    "Geef aan of u de identiteit hebt vastgesteld.")})
    oud_rijbewijs_ingenomen = forms.ChoiceField(label=gettext_lazy("Oude rijbewijs ingenomen?"), choices=JA_NEE,
                                                widget=forms.RadioSelect,
                                                error_messages={"required": gettext_lazy(
                                                    "Geef aan of u het oude rijbewijs hebt ingenomen.")})
    uitkomst = forms.ChoiceField(label=gettext_lazy("Uitkomst"), choices=Uitreikpoging.Uitkomst.choices,
                                 widget=forms.RadioSelect,
                                 error_messages={"required": gettext_lazy("Kies wat er met het rijbewijs gebeurt.")})
    reden = forms.CharField(label=gettext_lazy("Reden (verplicht als u niet uitreikt)"), widget=forms.Textarea,
                            required=False, max_length=2000)

    def clean_documentnummer(self):
        nummer = re.sub(r"[\s-]", "", self.cleaned_data["documentnummer"]).upper()
        if not DOCUMENTNUMMER_RE.match(nummer):
            raise forms.ValidationError(_("Vul het documentnummer in zoals het op het document staat: 6 tot 12 letters "
                                          "en cijfers."))
        return nummer

    def clean(self):
        data = super().clean()
        if data.get("uitkomst") in (Uitreikpoging.Uitkomst.NIET_NU, Uitreikpoging.Uitkomst.GEWEIGERD) \
                and not (data.get("reden") or "").strip():
            self.add_error("reden", _("Schrijf op waarom het rijbewijs niet wordt uitgereikt."))
        return data


def _url(locatie, **params) -> str:
    query = {"locatie": locatie.pk, **params}
    return reverse("behandelen:werklijst:rijbewijs") + "?" + urlencode(query)


@require_http_methods(["GET", "POST"])
@never_cache
def balie(request):
    if not request.user.has_perm("rijbewijs.uitreiken_rijbewijs"):
        raise PermissionDenied
    locaties = list(locaties_for_medewerker(request.user))
    gekozen = request.POST.get("locatie") or request.GET.get("locatie")
    locatie = next((loc for loc in locaties if str(loc.pk) == gekozen), locaties[0] if locaties else None)
    # Choosing a counter sends `locatie` with an empty code: that is the list, not a failed search.
    gezocht = request.method == "GET" and (request.GET.get("code") or "").strip()
    context = {"locaties": locaties, "locatie": locatie, "zoek": ZoekForm(request.GET if gezocht else None)}
    if locatie is None:
        return TemplateResponse(request, "rijbewijs/balie.html", context)
    if request.method == "POST":
        return _uitreiken(request, locatie, context)
    if context["zoek"].is_bound and context["zoek"].is_valid():
        return _gevonden(request, locatie, context, context["zoek"].cleaned_data["code"])
    paginator = Paginator(klaar_bij(locatie), PER_PAGE)
    context["page"] = paginator.get_page(request.GET.get("page"))
    status = 400 if context["zoek"].is_bound and context["zoek"].errors else 200
    return TemplateResponse(request, "rijbewijs/balie.html", context, status=status)


def _gevonden(request, locatie, context, identificatie, form=None, status=200):
    try:
        rijbewijs = rijbewijs_bij_balie(locatie=locatie, identificatie=identificatie)
    except Rijbewijs.DoesNotExist:
        context["niet_gevonden"] = identificatie
        return TemplateResponse(request, "rijbewijs/balie.html", context, status=404)
    audit_record(actor=Actor.medewerker(request.user), name="rijbewijs_balie_inzien",
                 operation=AuditLog.Operation.READ, zaak=rijbewijs.zaak, subject_bsn=rijbewijs.bsn,
                 categories=["naam", "rijbewijs"], reason="uitreiken aan de balie",
                 processing_activity="rijbewijs: uitreiken aan de balie")
    context |= {"rijbewijs": rijbewijs, "categorieen": categorieen_weergave(rijbewijs.categorieen),
                "form": form or UitreikForm(), "pogingen": rijbewijs.uitreikpogingen.select_related("locatie")[:10],
                "elders": rijbewijs.afhaallocatie_id != locatie.pk}
    return TemplateResponse(request, "rijbewijs/balie.html", context, status=status)


def _uitreiken(request, locatie, context):
    identificatie = (request.POST.get("zaak") or "")[:40]
    form = UitreikForm(request.POST)
    strip_bidi_fields(form)
    if not form.is_valid():
        return _gevonden(request, locatie, context, identificatie, form=form, status=400)
    try:
        rijbewijs = rijbewijs_bij_balie(locatie=locatie, identificatie=identificatie)
    except Rijbewijs.DoesNotExist:
        context["niet_gevonden"] = identificatie
        return TemplateResponse(request, "rijbewijs/balie.html", context, status=404)
    data = form.cleaned_data
    controle = IdControle(locatie=locatie, documentsoort=data["documentsoort"], documentnummer=data["documentnummer"],
                          identiteit_vastgesteld=data["identiteit_vastgesteld"] == "ja",
                          oud_rijbewijs_ingenomen=data["oud_rijbewijs_ingenomen"] == "ja",
                          uitkomst=data["uitkomst"], reden=data["reden"])
    try:
        poging = rijbewijs_uitreiken(rijbewijs=rijbewijs, controle=controle, user=request.user)
    except RijbewijsRefused as refused:
        # Refused for a card that is no longer ready or lies elsewhere: the form is not shown then, so
        # the reason goes above the case.
        context["fout"] = refused.message
        return _gevonden(request, locatie, context, identificatie, form=form, status=409)
    if poging.uitkomst == Uitreikpoging.Uitkomst.UITGEREIKT:
        messages.success(request, _("Rijbewijs %(id)s is uitgereikt.") % {"id": identificatie})
    elif poging.uitkomst == Uitreikpoging.Uitkomst.GEWEIGERD:
        messages.warning(request, _("De uitreiking van %(id)s is geweigerd. De aanvrager krijgt bericht.") % {
            "id": identificatie})
    else:
        messages.warning(request, _("Niet uitgereikt: %(reden)s Het rijbewijs blijft klaarliggen.") % {
            "reden": poging.reden})
        return HttpResponseRedirect(_url(locatie, code=identificatie))
    return HttpResponseRedirect(_url(locatie))
