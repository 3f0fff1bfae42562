"""The back office's own pages: the case list, the dossier and its documents, the login.

Login, membership and viewflow's site context come from access.guard (applied in site.py);
each view scopes its object through a selector, so another municipality's case is a 404.
"""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from zaken.models import Document, Zaak

from .access import use_dutch
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
    form = ZaakZoekForm(request.GET)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(zaak_search_for_medewerker(user=request.user, q=q), PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "backoffice/zaak_list.html", {"page": page, "q": q, "form": form},
                            status=200 if form.is_valid() else 400)


@require_GET
@never_cache
def zaak_dossier(request, pk: int):
    try:
        dossier = dossier_for_medewerker(user=request.user, pk=pk)
    except Zaak.DoesNotExist:
        raise Http404 from None
    dossier_inzien_record(user=request.user, zaak=dossier.zaak, categories=dossier.categories)
    return TemplateResponse(request, "backoffice/zaak_dossier.html",
                            {"dossier": dossier, "zaak": dossier.zaak, "auditlog": auditlog_for_zaak(dossier.zaak)})


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
