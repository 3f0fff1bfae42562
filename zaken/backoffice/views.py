"""The back office's own pages: the case list, the dossier and its documents, the login.

Login, membership and viewflow's site context come from access.guard (applied in site.py);
each view scopes its object through a selector, so another municipality's case is a 404.
"""

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
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


@require_GET
def zaak_list(request):
    q = request.GET.get("q", "").strip()
    page = Paginator(zaak_search_for_medewerker(user=request.user, q=q), PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "backoffice/zaak_list.html", {"page": page, "q": q})


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
