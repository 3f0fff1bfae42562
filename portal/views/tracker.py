"""The status tracker: my cases, one case's timeline and documents."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from zaken.actors import Actor
from zaken.bezwaren import (BezwaarGeweigerd, bezwaar_maken, bezwaar_venster, bezwaar_vensters, weigering,
                            zaak_koppelingen)
from zaken.models import Besluit, Document, Zaak
from zaken.registry import processes
from zaken.selectors import document_get_for_subject, termijn_overzicht, zaak_get_for_subject, zaak_list_for_subject
from zaken.verzoeken import verzoek_beantwoorden

from ..decorators import subject_required
from ..forms import BezwaarForm, VerzoekAntwoordForm
from ..tenancy import tenant_reverse
from ..tracker_list import paginanummer, zaak_pagina


def _zaak_or_404(request, identificatie):
    try:
        return zaak_get_for_subject(gemeente=request.gemeente, auth=request.auth_context,
                                    identificatie=identificatie)
    except Zaak.DoesNotExist:
        raise Http404 from None


@require_safe
@subject_required
def zaak_list(request):
    nummer = paginanummer(request.GET.get("pagina"))
    pagina = zaak_pagina(request, gemeente=request.gemeente, auth=request.auth_context, nummer=nummer)
    if nummer > 1 and not pagina.rijen:  # past the last page (cases closed since, or a typed number)
        return redirect(tenant_reverse(request, "zaak_list"))
    return render(request, "portal/zaak_list.html", {"pagina": pagina})


def _open_verzoek(zaak):
    return next((v for v in zaak.verzoeken.all() if v.is_open), None)


def _definition_bezwaar(zaak) -> bool:
    """Whether a besluit in this case takes a bezwaar (a beslissing op bezwaar takes beroep only)."""
    slug = zaak.zaaktype.process_slug
    return processes.get(slug).bezwaar_mogelijk if slug in processes else True


def _panel(request, zaak) -> dict | None:
    """The process's own tracker block, if it declares one."""
    slug = zaak.zaaktype.process_slug
    path = processes.get(slug).tracker_panel if slug in processes else ""
    return import_string(path)(request, zaak) if path else None


def _besluiten(request, zaak, termijn) -> list[dict]:
    """Each besluit with its bezwaar window (open, closed, or filed already by this person)."""
    vensters = {v.besluit.pk: v for v in bezwaar_vensters(zaak, auth=request.auth_context)}
    return [{"regel": regel, "venster": vensters.get(regel.besluit.pk)} for regel in termijn.besluiten]


def _koppelingen(request, zaak) -> list:
    """Linked cases (a bezwaar and the case it is about), only those this subject may open."""
    links = zaak_koppelingen(zaak)
    if not links:
        return []
    visible = set(zaak_list_for_subject(gemeente=request.gemeente, auth=request.auth_context)
                  .filter(pk__in=[k.zaak.pk for k in links]).values_list("pk", flat=True))
    return [k for k in links if k.zaak.pk in visible]


def _detail(request, zaak, form=None):
    termijn = termijn_overzicht(zaak)
    return render(request, "portal/zaak_detail.html",
                  {"zaak": zaak, "open_verzoek": _open_verzoek(zaak), "form": form or VerzoekAntwoordForm(),
                   "termijn": termijn, "besluiten": _besluiten(request, zaak, termijn),
                   "koppelingen": _koppelingen(request, zaak), "beroep": not _definition_bezwaar(zaak),
                   "panel": _panel(request, zaak)},
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


@require_http_methods(["GET", "HEAD", "POST"])
@subject_required
def bezwaar_form(request, identificatie: str, besluit: int):
    """Bezwaar on one besluit of the case, while its term runs (Awb 6:7); filed as a case of its own."""
    zaak = _zaak_or_404(request, identificatie)
    try:
        venster = bezwaar_venster(zaak, besluit_id=besluit, auth=request.auth_context)
    except Besluit.DoesNotExist:
        raise Http404 from None
    if request.method == "POST" and venster.ingediend is not None:  # a double submit, or a second bezwaar
        messages.info(request, weigering(venster))
        return redirect(tenant_reverse(request, "zaak_detail", {"identificatie": venster.ingediend.identificatie}))
    reden = weigering(venster)
    form = BezwaarForm(request.POST, request.FILES) if request.method == "POST" and not reden else BezwaarForm()
    if request.method == "POST" and not reden and form.is_valid():
        try:
            bezwaar_zaak, created = bezwaar_maken(zaak=zaak, besluit_id=besluit, auth=request.auth_context,
                                                  gronden=form.cleaned_data["gronden"],
                                                  bijlagen=form.cleaned_data["bijlagen"])
        except BezwaarGeweigerd as refused:
            reden = refused.message
        else:
            if created:
                messages.success(request, _("Wij hebben uw bezwaar ontvangen. Het is zaak %(id)s. De "
                                            "ontvangstbevestiging verschijnt hier binnen enkele minuten.")
                                 % {"id": bezwaar_zaak.identificatie})
            else:  # a concurrent submit of the same bezwaar came first
                messages.info(request, _("U hebt al bezwaar gemaakt tegen dit besluit. Uw bezwaar is zaak "
                                         "%(id)s.") % {"id": bezwaar_zaak.identificatie})
            return redirect(tenant_reverse(request, "zaak_detail", {"identificatie": bezwaar_zaak.identificatie}))
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/bezwaar_form.html",
                  {"zaak": zaak, "venster": venster, "reden": reden, "form": form}, status=status)


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
