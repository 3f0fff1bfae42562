"""The dossier's advice section: ask an adviser, record the advice that came in (advisers have no login)."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from zaken.actors import Actor
from zaken.adviezen import advies_vastleggen, advies_vragen, adviestermijn_werkdagen, is_te_laat
from zaken.forms.validators import StripBidiMixin
from zaken.models import Adviesverzoek, Adviseur, Uitkomst, Zaak
from zaken.registry import processes
from zaken.selectors import zaak_list_for_medewerker

from .dashboard import stand_tekst

MAX_WERKDAGEN = 260  # a year of working days: a sanity bound, the term itself comes from configuration


class AdviesVragenForm(StripBidiMixin, forms.Form):
    adviseur = forms.ChoiceField(label=_("Adviseur"), choices=Adviseur.choices,
                                 error_messages={"required": _("Kies de adviseur."),
                                                 "invalid_choice": _("Kies een adviseur uit de lijst.")})
    adviseur_naam = forms.CharField(label=_("Naam van de adviseur (alleen bij overig)"), max_length=200,
                                    required=False)
    vraag = forms.CharField(label=_("Vraag aan de adviseur"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
                            error_messages={"required": _("Schrijf de vraag aan de adviseur.")})
    termijn_werkdagen = forms.IntegerField(
        label=_("Termijn in werkdagen"), min_value=1, max_value=MAX_WERKDAGEN,
        error_messages={"required": _("Vul het aantal werkdagen in, bijvoorbeeld 10."),
                        "invalid": _("Vul een heel aantal werkdagen in, bijvoorbeeld 10."),
                        "min_value": _("Geef de adviseur minstens 1 werkdag."),
                        "max_value": _("Kies een termijn van hoogstens %(limit_value)s werkdagen.")})

    def clean(self):
        data = super().clean()
        if data.get("adviseur") == Adviseur.OVERIG and not data.get("adviseur_naam", "").strip():
            self.add_error("adviseur_naam", _("Vul in wie om advies wordt gevraagd."))
        return data


class AdviesVastleggenForm(StripBidiMixin, forms.Form):
    # "geen advies ontvangen" belongs to a process's advice task, after the term.
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), widget=forms.RadioSelect,
                                 choices=[c for c in Uitkomst.choices if c[0] != Uitkomst.GEEN],
                                 error_messages={"required": _("Kies de uitkomst van het advies."),
                                                 "invalid_choice": _("Kies een van de uitkomsten.")})
    advies = forms.CharField(label=_("Advies (tekst of samenvatting)"), max_length=10000,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             error_messages={"required": _("Neem het advies over of vat het samen.")})


@dataclass(frozen=True)
class AdviesRij:
    verzoek: Adviesverzoek
    te_laat: bool
    stand: str  # working days left or overdue, for open requests
    form: AdviesVastleggenForm | None  # open requests only


def advies_rijen(verzoeken, *, bound: AdviesVastleggenForm | None = None, bound_pk: int | None = None) -> list[AdviesRij]:
    vandaag = timezone.localdate()
    return [AdviesRij(verzoek=v, te_laat=is_te_laat(v, vandaag=vandaag),
                      stand=stand_tekst(v.termijn, vandaag) if v.is_open else "",
                      form=(bound if v.pk == bound_pk else AdviesVastleggenForm(prefix=f"advies-{v.pk}"))
                      if v.is_open else None)
            for v in verzoeken]


def vragen_form(zaak: Zaak) -> AdviesVragenForm:
    return AdviesVragenForm(initial={"termijn_werkdagen": adviestermijn_werkdagen(zaak)})


def _zaak(request, pk: int) -> Zaak:
    try:
        return zaak_list_for_medewerker(user=request.user).get(pk=pk)
    except Zaak.DoesNotExist:
        raise Http404 from None


def _terug(pk: int) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("behandelen:zaken:dossier", args=[pk]) + "#adviezen")


@require_POST
@never_cache
def advies_vragen_view(request, pk: int):
    from .views import render_dossier  # local: views imports this module

    zaak = _zaak(request, pk)
    form = AdviesVragenForm(request.POST)
    if not form.is_valid():
        return render_dossier(request, pk, advies_form=form, status=400)
    data = form.cleaned_data
    advies_vragen(zaak=zaak, adviseur=data["adviseur"], adviseur_naam=data["adviseur_naam"], vraag=data["vraag"],
                  termijn_werkdagen=data["termijn_werkdagen"], actor=Actor.medewerker(request.user))
    messages.success(request, _("Het advies is gevraagd. Leg het advies vast zodra het binnen is."))
    return _terug(pk)


def _process_hook(zaak: Zaak, verzoek: Adviesverzoek, user) -> None:
    slug = zaak.zaaktype.process_slug
    definition = processes.get(slug) if slug in processes else None  # a retired process keeps its data
    if definition and definition.on_advies_vastgelegd:
        import_string(definition.on_advies_vastgelegd)(zaak=zaak, verzoek=verzoek, user=user)


@require_POST
@never_cache
def advies_vastleggen_view(request, pk: int, advies_pk: int):
    from .views import render_dossier

    zaak = _zaak(request, pk)
    try:
        verzoek = zaak.adviesverzoeken.get(pk=advies_pk)
    except Adviesverzoek.DoesNotExist:
        raise Http404 from None
    form = AdviesVastleggenForm(request.POST, prefix=f"advies-{verzoek.pk}")
    if not form.is_valid():
        return render_dossier(request, pk, vastleggen_form=form, vastleggen_pk=verzoek.pk, status=400)
    _verzoek, nieuw = advies_vastleggen(adviesverzoek=verzoek, advies=form.cleaned_data["advies"],
                                        uitkomst=form.cleaned_data["uitkomst"], actor=Actor.medewerker(request.user))
    if nieuw:
        _process_hook(zaak, _verzoek, request.user)
        messages.success(request, _("Het advies is vastgelegd."))
    else:
        messages.info(request, _("Dit advies was al vastgelegd; er is niets gewijzigd."))
    return _terug(pk)
