"""The status tracker: my cases, one case's timeline and documents."""

from django.http import FileResponse, Http404
from django.shortcuts import render

from zaken.models import Document, Zaak
from zaken.selectors import document_get_for_subject, zaak_get_for_subject, zaak_list_for_subject

from ..decorators import subject_required


@subject_required
def zaak_list(request):
    zaken = zaak_list_for_subject(gemeente=request.gemeente, auth=request.auth_context)
    return render(request, "portal/zaak_list.html", {"zaken": zaken})


@subject_required
def zaak_detail(request, identificatie: str):
    try:
        zaak = zaak_get_for_subject(gemeente=request.gemeente, auth=request.auth_context,
                                    identificatie=identificatie)
    except Zaak.DoesNotExist:
        raise Http404 from None
    return render(request, "portal/zaak_detail.html", {"zaak": zaak})


@subject_required
def document_download(request, identificatie: str, document):
    try:
        doc = document_get_for_subject(gemeente=request.gemeente, auth=request.auth_context,
                                       identificatie=identificatie, document_uuid=document)
    except (Zaak.DoesNotExist, Document.DoesNotExist):
        raise Http404 from None
    response = FileResponse(doc.bestand.open("rb"), as_attachment=True, filename=doc.bestandsnaam,
                            content_type=doc.formaat)
    response["Cache-Control"] = "private, no-store"
    return response
