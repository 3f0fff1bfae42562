"""The status tracker: my cases, one case's timeline and documents."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from zaken.actors import Actor
from zaken.models import Document, Zaak
from zaken.registry import processes
from zaken.selectors import document_get_for_subject, termijn_overzicht, zaak_get_for_subject, zaak_list_for_subject
from zaken.verzoeken import verzoek_beantwoorden

from ..decorators import subject_required
from ..forms import VerzoekAntwoordForm
from ..tenancy import tenant_reverse


def _zaak_or_404(request, identificatie):
    try:
        return zaak_get_for_subject(gemeente=request.gemeente, auth=request.auth_context,
                                    identificatie=identificatie)
    except Zaak.DoesNotExist:
        raise Http404 from None


@require_safe
@subject_required
def zaak_list(request):
    zaken = zaak_list_for_subject(gemeente=request.gemeente, auth=request.auth_context)
    return render(request, "portal/zaak_list.html", {"zaken": zaken})


def _open_verzoek(zaak):
    return next((v for v in zaak.verzoeken.all() if v.is_open), None)


def _panel(request, zaak) -> dict | None:
    """The process's own tracker block, if it declares one."""
    slug = zaak.zaaktype.process_slug
    path = processes.get(slug).tracker_panel if slug in processes else ""
    return import_string(path)(request, zaak) if path else None


def _detail(request, zaak, form=None):
    return render(request, "portal/zaak_detail.html",
                  {"zaak": zaak, "open_verzoek": _open_verzoek(zaak), "form": form or VerzoekAntwoordForm(),
                   "termijn": termijn_overzicht(zaak), "panel": _panel(request, zaak)},
                  status=400 if form is not None else 200)


@require_safe
@subject_required
def zaak_detail(request, identificatie: str):
    return _detail(request, _zaak_or_404(request, identificatie))


def _closed(request, verzoek, identificatie: str):
    """A request answered already (double submit, second tab) or run out: say so, never an error."""
    if verzoek.beantwoord_op:
        messages.info(request, _("Deze vraag is al beantwoord. Wij hebben het antwoord ontvangen; u hoeft niets "
                                 "meer te doen."))
    else:
        messages.warning(request, _("De termijn voor deze vraag is verstreken. Wilt u nog iets sturen? Neem dan "
                                    "contact op met de gemeente."))
    return redirect(tenant_reverse(request, "zaak_detail", {"identificatie": identificatie}))


@require_POST
@subject_required
def verzoek_answer(request, identificatie: str, verzoek):
    zaak = _zaak_or_404(request, identificatie)
    target = next((v for v in zaak.verzoeken.all() if v.uuid == verzoek), None)
    if target is None:
        raise Http404
    if not target.is_open:
        return _closed(request, target, identificatie)
    form = VerzoekAntwoordForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, zaak, form)
    target, stored = verzoek_beantwoorden(verzoek=target, antwoord=form.cleaned_data["antwoord"],
                                          bijlagen=form.cleaned_data["bijlagen"],
                                          actor=Actor.from_auth(request.auth_context))
    if not stored:  # a concurrent submit of the same answer came first
        return _closed(request, target, identificatie)
    messages.success(request, _("Bedankt. Uw antwoord is verstuurd naar de gemeente."))
    return redirect(tenant_reverse(request, "zaak_detail", {"identificatie": identificatie}))


@require_safe
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
