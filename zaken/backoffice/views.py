"""The back office's own pages: the case list, the dossier and its documents, the login.

The dossier's advice forms post to zaken.backoffice.adviezen, the deadline dashboard is dashboard_views.

Login, membership and viewflow's site context come from access.guard (applied in site.py);
each view scopes its object through a selector, so another municipality's case is a 404.
"""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.utils.translation import gettext_lazy as _
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from zaken.actors import Actor
from zaken.forms.dates import DatumField
from zaken.forms.validators import StripBidiMixin
from zaken.models import Document, Zaak
from zaken.selectors import gemeente_ids_for_medewerker, zaak_get_for_medewerker
from zaken.termijn_engine import TermijnFout, termijn_verlengen

from .access import use_dutch
from zaken.paging import CAP, SEARCH_CAP, capped_count, keyset_page
from .adviezen import advies_rijen, vragen_form
from .selectors import (auditlog_for_zaak, document_get_for_medewerker, dossier_for_medewerker,
                        zaak_search_for_medewerker)
from .services import document_inzien_record, dossier_inzien_record

PAGE_SIZE = 25


class LoginView(DjangoLoginView):
    template_name = "backoffice/login.html"
    # Django's form, not viewflow's: that one adds non-standard attributes for its material widgets.
    authentication_form = AuthenticationForm
    redirect_authenticated_user = True

    def dispatch(self, request, *args, **kwargs):
        use_dutch(request)
        return super().dispatch(request, *args, **kwargs)


class ZaakZoekForm(forms.Form):
    """The case list's search: (part of) a case number. A NUL byte would break PostgreSQL's query."""

    ERROR = _("Een zaaknummer bestaat uit letters, cijfers en streepjes, bijvoorbeeld ZAAK-2026-0000042. "
              "Typ (een deel van) het zaaknummer.")
    q = forms.CharField(required=False, max_length=40,
                        error_messages={"max_length": ERROR, "null_characters_not_allowed": ERROR})


@require_GET
def zaak_list(request):
    """Newest first, in keyset pages (`na`: after this row), with a count that stops at CAP."""
    form = ZaakZoekForm(request.GET)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    zaken = zaak_search_for_medewerker(user=request.user, q=q)
    # Unsearched, each municipality's newest cases come off the index in order; a search matches few rows
    # and scans them anyway, so one query sorts its matches.
    split = () if q else gemeente_ids_for_medewerker(request.user)
    page = keyset_page(zaken, request.GET.get("na"), PAGE_SIZE, gemeente_ids=split)
    # A search is a filter on the municipality's rows (no index serves a substring): count less of it.
    count, more = capped_count(zaken, SEARCH_CAP if q else CAP)
    return TemplateResponse(request, "backoffice/zaak_list.html",
                            {"page": page, "count": count, "more": more, "q": q, "form": form},
                            status=200 if form.is_valid() else 400)


class TermijnVerlengenForm(StripBidiMixin, forms.Form):
    """Awb 4:14: a new end date and the reason, which the notice letter to the applicant gives."""

    tot = DatumField(label=_("Nieuwe uiterlijke beslisdatum"),
                     error_messages={"required": _("Kies de nieuwe datum waarop uiterlijk wordt besloten."),
                                     "invalid": _("Vul een geldige datum in, bijvoorbeeld 14-03-2027.")})
    reden = forms.CharField(label=_("Reden (deze staat in de brief aan de aanvrager)"), max_length=200,
                            widget=forms.Textarea(attrs={"rows": 3}),
                            error_messages={"required": _("Schrijf waarom meer tijd nodig is.")})


def render_dossier(request, pk: int, *, verlengen_form=None, advies_form=None, vastleggen_form=None,
                   vastleggen_pk=None, status=200):
    """The dossier page, with a form that did not validate bound to its errors (and the read logged)."""
    try:
        dossier = dossier_for_medewerker(user=request.user, pk=pk)
    except Zaak.DoesNotExist:
        raise Http404 from None
    dossier_inzien_record(user=request.user, zaak=dossier.zaak, categories=dossier.categories)
    return TemplateResponse(request, "backoffice/zaak_dossier.html",
                            {"dossier": dossier, "zaak": dossier.zaak, "auditlog": auditlog_for_zaak(dossier.zaak),
                             "verlengen_form": verlengen_form or TermijnVerlengenForm(),
                             "advies_form": advies_form or vragen_form(dossier.zaak),
                             "adviezen": advies_rijen(dossier.adviezen, bound=vastleggen_form,
                                                      bound_pk=vastleggen_pk)}, status=status)


@require_GET
@never_cache
def zaak_dossier(request, pk: int):
    return render_dossier(request, pk)


@require_POST
@never_cache
def zaak_termijn_verlengen(request, pk: int):
    try:
        zaak = zaak_get_for_medewerker(user=request.user, pk=pk)
    except Zaak.DoesNotExist:
        raise Http404 from None
    form = TermijnVerlengenForm(request.POST)
    if form.is_valid():
        try:
            termijn_verlengen(zaak=zaak, tot=form.cleaned_data["tot"], reden=form.cleaned_data["reden"],
                              actor=Actor.medewerker(request.user))
        except TermijnFout as fout:
            form.add_error("tot", str(fout))
        else:
            messages.success(request, _("De beslistermijn is verlengd; de aanvrager heeft de brief in Mijn zaken."))
            return HttpResponseRedirect(reverse("behandelen:zaken:dossier", args=[pk]) + "#termijn")
    return render_dossier(request, pk, verlengen_form=form, status=400)


@require_GET
@never_cache
def document_download(request, pk: int, document_uuid):
    try:
        document = document_get_for_medewerker(user=request.user, zaak_pk=pk, document_uuid=document_uuid)
    except (Zaak.DoesNotExist, Document.DoesNotExist):
        raise Http404 from None
    document_inzien_record(user=request.user, document=document)
    return FileResponse(document.bestand.open("rb"), as_attachment=True, filename=document.bestandsnaam,
                        content_type=document.formaat)
