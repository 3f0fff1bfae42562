"""The undertaker's side: two form steps, the check page and the confirmation. Thin: forms check, services write.

Steps live under /<gemeente>/aanvragen/aangifte-overlijden/<stap>/; the portal has checked the
eHerkenning level. The draft (uploads stored privately) lives in the session until it is sent;
the deceased's BSN never appears in a URL. `zaken.processes.drafts` binds the draft to the company
(KvK + vestiging), fingerprints the check page and files it once.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from zaken.forms.overlijden import rules
from zaken.forms.overlijden.forms import UPLOADS, AangeverForm, OverlijdenForm
from zaken.forms.overlijden.prefill import bedrijf_prefill
from zaken.processes import drafts
from zaken.processes.shared import step_url

from .definition import SLUG
from .services import Aangifte, OverlijdenRefused, overlijden_indienen, terms_for

DRAFT_KEY = "overlijden.concept"
SENT_KEY = "overlijden.verzonden"


def start(request, *, gemeente_product, definition, step: str = ""):
    handlers = {"": aangever_step, "overlijden": overlijden_step, "controleren": check_step, "verzonden": sent_step}
    if step not in handlers or not request.auth_context.is_eherkenning:
        raise Http404
    return handlers[step](request)


def _url(request, step: str = "") -> str:
    return step_url(request, SLUG, step)


def _draft(request) -> dict:
    return drafts.draft_get(request, DRAFT_KEY)


def aangever_step(request):
    draft = _draft(request)
    bedrijf = bedrijf_prefill(request.auth_context, request.gemeente)
    form = AangeverForm(request.POST or None, initial={**draft.get("aangever", {}), "bsn": draft.get("bsn", "")},
                        auth=request.auth_context, gemeente=request.gemeente, terms=terms_for(request.gemeente))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        draft.update(bedrijf=bedrijf, aangever={k: data[k] for k in ("aangever_naam", "email", "telefoon")},
                     bsn=data["bsn"], overledene=rules.overledene_bevestiging(form.persoon))
        request.session[DRAFT_KEY] = draft
        return redirect(_url(request, "overlijden"))
    return render(request, "overlijden/aangever.html", {"form": form, "bedrijf": bedrijf},
                  status=400 if form.errors else 200)


def _venster_context(venster, afwijking=""):
    if venster is None:
        return {}
    return {"venster_vroegst": timezone.localtime(venster.vroegst), "venster_uiterlijk": venster.uiterlijk,
            "afwijking": afwijking}


def overlijden_step(request):
    draft = _draft(request)
    if not draft.get("bsn"):
        return redirect(_url(request))
    terms = terms_for(request.gemeente)
    geboren = (draft.get("overledene") or {}).get("geboren_vanaf")
    form = OverlijdenForm(request.POST or None, request.FILES or None, gemeente=request.gemeente, terms=terms,
                          bestaande=draft.get("uploads"), geboren=date.fromisoformat(geboren) if geboren else None,
                          initial=draft.get("velden") or {"plaats_soort": "adres", "uittreksels": 0})
    if request.method == "POST" and form.is_valid():
        draft.update(_store(request, form, previous=draft))
        request.session[DRAFT_KEY] = draft
        return redirect(_url(request, "controleren"))
    context = {"form": form, "overledene": draft["overledene"], "terms": terms, "uploads": draft.get("uploads", {}),
               "stap1_url": _url(request),
               **_venster_context(form.venster, form.afwijking)}
    return render(request, "overlijden/overlijden.html", context, status=400 if form.errors else 200)


def _store(request, form: OverlijdenForm, *, previous: dict) -> dict:
    data = form.cleaned_data
    uploads = dict(previous.get("uploads") or {})
    for name in UPLOADS:
        if data.get(name):
            filename, content, content_type = data[name]
            path = drafts.draft_upload(request, DRAFT_KEY, content)
            uploads[name] = {"naam": filename, "pad": path, "type": content_type}
    velden = {k: data[k] for k in ("plaats_soort", "postcode", "huisnummer", "huisletter", "huisnummertoevoeging",
                                   "plaats_gemeente", "doodsoorzaak", "wijze", "uitvaart_plaats", "uittreksels")}
    for k in ("overlijdensdatum", "overlijdenstijd", "uitvaart_datum", "uitvaart_tijd"):
        velden[k] = data[k].isoformat(timespec="minutes") if isinstance(data[k], time) else data[k].isoformat()
    return {"velden": velden, "uploads": uploads, "plaats": form.plaats, "plaats_gemeentecode": form.plaats_gemeentecode,
            "afwijking": form.afwijking}


def _moment(velden: dict, datum: str, tijd: str) -> datetime:
    return rules.combineer(date.fromisoformat(velden[datum]), time.fromisoformat(velden[tijd]),
                           timezone.get_current_timezone())


def check_step(request):
    draft = _draft(request)
    if not draft.get("velden"):
        if request.method == "POST" and drafts.already_filed(request, SENT_KEY):
            return redirect(_url(request, "verzonden"))
        return redirect(_url(request, "overlijden") if draft.get("bsn") else _url(request))
    terms = terms_for(request.gemeente)
    velden = draft["velden"]
    overleden_op = _moment(velden, "overlijdensdatum", "overlijdenstijd")
    uitvaart_op = _moment(velden, "uitvaart_datum", "uitvaart_tijd")
    venster = rules.uitvaartvenster(overleden_op=overleden_op, terms=terms)
    context = {"draft": draft, "velden": velden, "overledene": draft["overledene"], "bedrijf": draft["bedrijf"],
               "aangever": draft["aangever"], "overleden_op": overleden_op, "uitvaart_op": uitvaart_op,
               "uploads": draft.get("uploads", {}), "stap1_url": _url(request), "stap2_url": _url(request, "overlijden"),
               **_venster_context(venster, venster.beoordeel(uitvaart_op)), **drafts.check_context(draft)}
    if request.method != "POST":
        return render(request, "overlijden/controleren.html", context)
    if not drafts.draft_confirmed(request, draft):  # changed in another tab since this page was shown
        return render(request, "overlijden/controleren.html", {**context, "fout": drafts.CHANGED}, status=409)

    def indienen():
        uploads = {}
        for name, stored in (draft.get("uploads") or {}).items():
            # A document the current answers do not need is not sent (e.g. after changing to natural death).
            if name == "ovj_verklaring" and velden["doodsoorzaak"] != "niet_natuurlijk":
                continue
            if name == "uitstel_besluit" and not venster.beoordeel(uitvaart_op):
                continue
            with default_storage.open(stored["pad"], "rb") as fh:
                uploads[name] = (stored["naam"], fh.read(), stored["type"])
        aangifte = Aangifte(
            bedrijf=draft["bedrijf"], aangever_naam=draft["aangever"]["aangever_naam"],
            email=draft["aangever"]["email"], telefoon=draft["aangever"]["telefoon"], overledene_bsn=draft["bsn"],
            overleden_op=overleden_op, plaats=draft["plaats"], plaats_gemeentecode=draft["plaats_gemeentecode"],
            doodsoorzaak=velden["doodsoorzaak"], wijze=velden["wijze"], uitvaart_op=uitvaart_op,
            uitvaart_plaats=velden["uitvaart_plaats"], uittreksels=velden["uittreksels"], uploads=uploads)
        return overlijden_indienen(aangifte=aangifte, auth=request.auth_context, gemeente=request.gemeente).zaak

    try:
        zaak = drafts.draft_file(request, key=DRAFT_KEY, sent_key=SENT_KEY, draft=draft, indienen=indienen)
    except OverlijdenRefused as refused:
        return render(request, "overlijden/controleren.html", {**context, "fout": refused.message}, status=409)
    return redirect(_url(request, "verzonden" if zaak else ""))


def sent_step(request):
    sent = request.session.get(SENT_KEY)
    if not sent:
        return redirect(_url(request))
    tracker = f"/{request.gemeente.slug}/mijn-zaken/{sent['identificatie']}/"
    return render(request, "overlijden/verzonden.html", {"sent": sent, "tracker": tracker})
