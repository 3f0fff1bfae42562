"""The applicant's side: the form in steps, the check page, paying the leges and the sent page.

Steps live under /<gemeente>/aanvragen/evenementenvergunning/<stap>/; the portal has checked the
login (DigiD or eHerkenning) and its level. The draft (uploads stored privately) lives in the
session until it is filed once (zaken.processes.drafts). A permit goes to the payment provider; a
melding (no leges) to the sent page.
"""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from zaken.forms.evenementenvergunning import rules
from zaken.forms.evenementenvergunning.forms import STAPPEN, UPLOADS, antwoorden_lezen
from zaken.forms.evenementenvergunning.prefill import aanvrager_prefill
from zaken.models import Zaak
from zaken.processes import drafts
from zaken.processes.betalen import naar_de_betaling, zaak_om_te_betalen
from zaken.processes.shared import step_url

from .definition import SLUG
from .models import Evenement
from .services import (Aanvraag, EvenementRefused, beoordeling, evenement_betaling, evenement_indienen, te_laat_tekst,
                       terms_for)

DRAFT_KEY = "evenement.concept"
SENT_KEY = "evenement.verzonden"
BETAALFOUT_KEY = "evenement.betaalfout"
VOLGORDE = list(STAPPEN)


@never_cache
def start(request, *, gemeente_product, definition, step: str = ""):
    handlers = {"controleren": check_step, "betalen": pay_step, "verzonden": sent_step}
    if step not in handlers and (step or VOLGORDE[0]) not in STAPPEN:
        raise Http404
    request.evenement_product = gemeente_product
    if step in handlers:
        return handlers[step](request)
    return form_step(request, step or VOLGORDE[0])


def _url(request, step: str = "") -> str:
    return step_url(request, SLUG, "" if step == VOLGORDE[0] else step)


def _tracker(request, identificatie: str) -> str:
    from portal.tenancy import tenant_reverse  # the portal owns the routes; imported lazily

    return tenant_reverse(request, "zaak_detail", {"identificatie": identificatie})


def _terms(request) -> dict:
    return terms_for(request.gemeente, request.evenement_product)


def _open_stap(draft: dict) -> str | None:
    """The first step not yet answered, or None when every step is."""
    stappen = draft.get("stappen") or {}
    return next((s for s in VOLGORDE if s not in stappen), None)


def _antwoorden(draft: dict) -> dict:
    samen = {}
    for stap in VOLGORDE:
        samen.update((draft.get("stappen") or {}).get(stap, {}))
    return antwoorden_lezen(samen)


def _plan_nodig(request, draft: dict) -> bool:
    """A safety plan is asked unless the answers so far make it a melding."""
    stappen = draft.get("stappen") or {}
    if any(s not in stappen for s in VOLGORDE[:-1]):
        return True
    antwoorden = _antwoorden(draft)
    return not rules.is_melding(rules.kenmerken(antwoorden), antwoorden, _terms(request)["melding"])


def form_step(request, stap: str):
    draft = drafts.draft_get(request, DRAFT_KEY)
    index = VOLGORDE.index(stap)
    eerste_open = _open_stap(draft)
    if eerste_open is not None and VOLGORDE.index(eerste_open) < index:
        return redirect(_url(request, eerste_open))  # answer the steps in order
    form_class = STAPPEN[stap]
    kwargs = {"initial": (draft.get("stappen") or {}).get(stap)}
    if stap == "veiligheid":
        kwargs.update(bestaande=draft.get("uploads"), plan_nodig=_plan_nodig(request, draft))
    bound = request.method == "POST"
    form = form_class(request.POST if bound else None, request.FILES if bound else None, **kwargs)
    if request.method == "POST" and form.is_valid():
        draft["stappen"] = {**(draft.get("stappen") or {}), stap: form.velden()}
        if stap == "veiligheid":
            uploads = dict(draft.get("uploads") or {})
            for name in UPLOADS:
                if form.cleaned_data.get(name):
                    filename, content, content_type = form.cleaned_data[name]
                    uploads[name] = {"naam": filename, "pad": drafts.draft_upload(request, DRAFT_KEY, content),
                                     "type": content_type}
            draft["uploads"] = uploads
        request.session[DRAFT_KEY] = draft
        volgende = _open_stap(draft) or "controleren"
        return redirect(_url(request, volgende))
    context = {"form": form, "stap": stap, "titel": form_class.titel, "nummer": index + 1, "aantal": len(VOLGORDE),
               "vorige_url": _url(request, VOLGORDE[index - 1]) if index else "",
               "aanvrager": aanvrager_prefill(auth=request.auth_context, gemeente=request.gemeente) if index == 0
               else None,
               "velden": [(field, (draft.get("uploads") or {}).get(field.name)) for field in form]}
    return render(request, "evenementenvergunning/stap.html", context, status=400 if form.errors else 200)


def check_step(request):
    draft = drafts.draft_get(request, DRAFT_KEY)
    if not drafts.draft_started(draft) or _open_stap(draft) is not None:
        filed = request.method == "POST" and drafts.already_filed(request, SENT_KEY)
        return redirect(_url(request, "verzonden" if filed else (_open_stap(draft) or VOLGORDE[0])))
    antwoorden = _antwoorden(draft)
    oordeel = beoordeling(antwoorden, terms=_terms(request), vandaag=timezone.localdate())
    aanvrager = aanvrager_prefill(auth=request.auth_context, gemeente=request.gemeente,
                                  reason="evenementenvergunning controleren")
    context = {"a": antwoorden, "oordeel": oordeel, "leges": rules.euro(oordeel.leges_cent), "aanvrager": aanvrager,
               "te_laat": te_laat_tekst(oordeel.indiening) if oordeel.indiening.te_laat else "",
               "uploads": draft.get("uploads") or {},
               "stap_urls": [(STAPPEN[s].titel, _url(request, s)) for s in VOLGORDE], **drafts.check_context(draft)}
    if request.method != "POST":
        return render(request, "evenementenvergunning/controleren.html", context)
    if not drafts.draft_confirmed(request, draft):
        return render(request, "evenementenvergunning/controleren.html", {**context, "fout": drafts.CHANGED},
                      status=409)

    def indienen():
        uploads = {}
        for name, stored in (draft.get("uploads") or {}).items():
            with default_storage.open(stored["pad"], "rb") as fh:
                uploads[name] = (stored["naam"], fh.read(), stored["type"])
        aanvraag = Aanvraag(aanvrager=aanvrager, antwoorden=antwoorden, email=antwoorden["email"],
                            telefoon=antwoorden.get("telefoon") or "", uploads=uploads)
        return evenement_indienen(aanvraag=aanvraag, auth=request.auth_context, gemeente=request.gemeente).zaak

    try:
        zaak = drafts.draft_file(request, key=DRAFT_KEY, sent_key=SENT_KEY, draft=draft, indienen=indienen)
    except EvenementRefused as refused:
        return render(request, "evenementenvergunning/controleren.html", {**context, "fout": refused.message},
                      status=409)
    if zaak is None:
        return redirect(_url(request))
    return _na_indienen(request, zaak)


def _na_indienen(request, zaak: Zaak):
    """A permit waiting for its leges goes to the provider; anything else to the sent page."""
    evenement = Evenement.objects.select_related("zaak").get(zaak=zaak)
    if evenement.state != Evenement.State.ONTVANGEN:
        return redirect(_url(request, "verzonden"))
    tracker = _tracker(request, zaak.identificatie)
    return naar_de_betaling(
        request, zaak=zaak, fout_key=BETAALFOUT_KEY, verzonden_url=_url(request, "verzonden"), tracker_url=tracker,
        starten=lambda: evenement_betaling(evenement=evenement, site_url=request.build_absolute_uri("/"),
                                           terug_url=tracker))


def pay_step(request):
    """POST from the tracker or the sent page: pay the leges of an application that waits for them (again)."""
    if request.method != "POST":
        return redirect(_url(request))
    return _na_indienen(request, zaak_om_te_betalen(request, model=Evenement))


def sent_step(request):
    fout = request.session.get(BETAALFOUT_KEY)
    sent = {"identificatie": fout} if fout else request.session.get(SENT_KEY)
    if not sent:
        return redirect(_url(request))
    evenement = Evenement.objects.filter(zaak__identificatie=sent["identificatie"],
                                         zaak__gemeente=request.gemeente).first()
    return render(request, "evenementenvergunning/verzonden.html",
                  {"sent": sent, "betaalfout": bool(fout), "evenement": evenement, "pay_url": _url(request, "betalen"),
                   "tracker": _tracker(request, sent["identificatie"])}, status=503 if fout else 200)
