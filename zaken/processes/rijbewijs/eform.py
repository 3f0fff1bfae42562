"""The citizen's side: the e-form, the check page, payment (first and again) and the sent page.

Steps live under /<gemeente>/aanvragen/rijbewijs/<stap>/; the portal has checked the DigiD level.
The draft lives in the session until it is filed once (zaken.processes.drafts); then the citizen
goes straight to the payment provider, and comes back to the case in Mijn zaken.
"""

from __future__ import annotations

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from zaken.forms.rijbewijs.forms import RijbewijsForm
from zaken.forms.rijbewijs.prefill import LATER, rijbewijs_prefill
from zaken.models import Zaak
from zaken.processes import drafts
from zaken.processes.betalen import naar_de_betaling, zaak_om_te_betalen
from zaken.processes.shared import step_url

from .models import Afhaallocatie, Rijbewijs
from .services import Aanvraag, RijbewijsRefused, leges_cent, euro, rijbewijs_betaling, rijbewijs_indienen, terms_for

DRAFT_KEY = "rijbewijs.concept"
SENT_KEY = "rijbewijs.verzonden"
BETAALFOUT_KEY = "rijbewijs.betaalfout"  # the case whose payment could not be started (provider down)


@never_cache
def start(request, *, gemeente_product, definition, step: str = ""):
    handlers = {"": form_step, "controleren": check_step, "betalen": pay_step, "verzonden": sent_step}
    if step not in handlers or not request.auth_context.is_digid:
        raise Http404
    # The portal read this product's configuration already: terms and leges come from it.
    request.rijbewijs_product = gemeente_product
    return handlers[step](request)


def _url(request, step: str = "") -> str:
    return step_url(request, "rijbewijs", step)


def _tracker(request, identificatie: str) -> str:
    from portal.tenancy import tenant_reverse  # the portal owns the routes; imported lazily

    return tenant_reverse(request, "zaak_detail", {"identificatie": identificatie})


def _prefill(request, reason: str = "rijbewijsaanvraag vooraf invullen"):
    return rijbewijs_prefill(bsn=request.auth_context.bsn, vandaag=timezone.localdate(),
                             terms=terms_for(request.gemeente, request.rijbewijs_product), gemeente=request.gemeente,
                             reason=reason)


def _leges(request) -> str:
    return euro(leges_cent(request.gemeente, request.rijbewijs_product))


def _locaties(request):
    return list(Afhaallocatie.objects.filter(gemeente=request.gemeente, actief=True).order_by("volgorde", "naam"))


def _blocked(request, prefill):
    """Not online: why, and what to do instead, with the municipality's contact details."""
    status = 503 if prefill.blokkade.vervolg == LATER else 200
    return render(request, "rijbewijs/niet_online.html", {"blokkade": prefill.blokkade}, status=status)


def form_step(request):
    prefill = _prefill(request)
    if not prefill.kan_online:
        return _blocked(request, prefill)
    locaties = _locaties(request)
    draft = drafts.draft_get(request, DRAFT_KEY)
    initial = draft.get("velden") or {"categorieen": [c.categorie for c in prefill.te_verlengen]}
    form = RijbewijsForm(request.POST or None, prefill=prefill, locaties=locaties, initial=initial)
    if request.method == "POST" and form.is_valid():
        velden = {k: form.cleaned_data[k] for k in ("categorieen", "afhaallocatie", "email", "telefoon")}
        request.session[DRAFT_KEY] = {**draft, "velden": velden}
        return redirect(_url(request, "controleren"))
    return render(request, "rijbewijs/formulier.html",
                  {"form": form, "prefill": prefill, "leges": _leges(request),
                   "pasfoto_datum": parse_date((prefill.pasfoto or {}).get("datum") or "")},
                  status=400 if form.errors else 200)


def check_step(request):
    draft = drafts.draft_get(request, DRAFT_KEY)
    if not drafts.draft_started(draft):
        filed = request.method == "POST" and drafts.already_filed(request, SENT_KEY)
        return redirect(_url(request, "verzonden" if filed else ""))
    prefill = _prefill(request, reason="rijbewijsaanvraag controleren")
    if not prefill.kan_online:
        return _blocked(request, prefill)
    velden = draft["velden"]
    locatie = Afhaallocatie.objects.filter(pk=velden["afhaallocatie"], gemeente=request.gemeente, actief=True).first()
    gekozen = [c for c in prefill.te_verlengen if c.categorie in set(velden["categorieen"])]
    if locatie is None or len(gekozen) != len(velden["categorieen"]):
        return redirect(_url(request))  # the choice is no longer possible: choose again on the form
    context = {"velden": velden, "prefill": prefill, "gekozen": gekozen, "locatie": locatie,
               "leges": _leges(request), "wijzig_url": _url(request), **drafts.check_context(draft)}
    if request.method != "POST":
        return render(request, "rijbewijs/controleren.html", context)
    if not drafts.draft_confirmed(request, draft):
        return render(request, "rijbewijs/controleren.html", {**context, "fout": drafts.CHANGED}, status=409)

    def indienen():
        aanvraag = Aanvraag(prefill=prefill, categorieen=velden["categorieen"], afhaallocatie=locatie,
                            email=velden["email"], telefoon=velden["telefoon"])
        return rijbewijs_indienen(aanvraag=aanvraag, auth=request.auth_context, gemeente=request.gemeente).zaak

    try:
        zaak = drafts.draft_file(request, key=DRAFT_KEY, sent_key=SENT_KEY, draft=draft, indienen=indienen)
    except RijbewijsRefused as refused:
        return render(request, "rijbewijs/controleren.html", {**context, "fout": refused.message}, status=409)
    if zaak is None:
        return redirect(_url(request))
    return _to_payment(request, zaak)


def _to_payment(request, zaak: Zaak):
    """Off to the provider's page; when it cannot be reached, the case waits and says how to pay later."""
    rijbewijs = Rijbewijs.objects.select_related("zaak").get(zaak=zaak)
    tracker = _tracker(request, zaak.identificatie)
    if rijbewijs.state != Rijbewijs.State.ONTVANGEN:
        return HttpResponseRedirect(tracker)
    return naar_de_betaling(
        request, zaak=zaak, fout_key=BETAALFOUT_KEY, verzonden_url=_url(request, "verzonden"), tracker_url=tracker,
        starten=lambda: rijbewijs_betaling(rijbewijs=rijbewijs, site_url=request.build_absolute_uri("/"),
                                           terug_url=tracker))


def pay_step(request):
    """POST from the tracker or the sent page: pay an application that waits for its payment (again)."""
    if request.method != "POST":
        return redirect(_url(request))
    return _to_payment(request, zaak_om_te_betalen(request, model=Rijbewijs))


def sent_step(request):
    # A payment that could not start, also one from Mijn zaken in a later session (no case filed in this one).
    fout = request.session.get(BETAALFOUT_KEY)
    sent = {"identificatie": fout} if fout else request.session.get(SENT_KEY)
    if not sent:
        return redirect(_url(request))
    return render(request, "rijbewijs/verzonden.html",
                  {"sent": sent, "betaalfout": bool(fout), "pay_url": _url(request, "betalen"),
                   "tracker": _tracker(request, sent["identificatie"])},
                  status=503 if fout else 200)
