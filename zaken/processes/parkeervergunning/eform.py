"""The resident's side: the e-form, the check page and the sent page.

Steps live under /<gemeente>/aanvragen/parkeervergunning/<stap>/; the portal has checked the DigiD
level. Who cannot apply (not registered here, no dwelling, outside every zone, the address quota
full, an application still running) is told why on the first step, with the contact details.
"""

from __future__ import annotations

from datetime import date

from django.core.files.storage import default_storage
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from zaken.forms.parkeervergunning.forms import ParkeervergunningForm
from zaken.forms.parkeervergunning.prefill import parkeer_prefill, voertuig_lezen
from zaken.forms.parkeervergunning.rules import voertuig_omschrijving
from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.rdw.kenteken import kenteken_weergave
from zaken.processes import drafts
from zaken.processes.shared import step_url

from .selectors import adres_vol, open_aanvraag_van, zone_vol, zone_voor
from .services import Aanvraag, ParkeerRefused, parkeervergunning_indienen, terms_for

DRAFT_KEY = "parkeervergunning.concept"
SENT_KEY = "parkeervergunning.verzonden"
RDW_DOWN = _("De RDW is nu niet bereikbaar. Er is niets verloren gegaan. Probeer het over enkele minuten opnieuw.")


@never_cache
def start(request, *, gemeente_product, definition, step: str = ""):
    handlers = {"": form_step, "controleren": check_step, "verzonden": sent_step}
    if step not in handlers or not request.auth_context.is_digid:
        raise Http404
    request.parkeer_product = gemeente_product
    return handlers[step](request)


def _url(request, step: str = "") -> str:
    return step_url(request, "parkeervergunning", step)


def _tracker(request, identificatie: str) -> str:
    from portal.tenancy import tenant_reverse  # the portal owns the routes; imported lazily

    return tenant_reverse(request, "zaak_detail", {"identificatie": identificatie})


def _terms(request) -> dict:
    return terms_for(request.gemeente, request.parkeer_product)


def _niet_mogelijk(request, uitleg: str, *, later: bool = False, tracker: str = ""):
    return render(request, "parkeervergunning/niet_mogelijk.html",
                  {"uitleg": uitleg, "later": later, "tracker": tracker}, status=503 if later else 200)


def _situatie(request, reason: str):
    """(prefill, zone, refusal response or None): who may apply here, read from the registers again."""
    prefill = parkeer_prefill(bsn=request.auth_context.bsn, gemeente=request.gemeente, reason=reason)
    if not prefill.kan_aanvragen:
        return prefill, None, _niet_mogelijk(request, prefill.blokkade.uitleg, later=prefill.blokkade.later)
    zone = zone_voor(gemeente=request.gemeente, postcode=prefill.postcode, aoid=prefill.adresseerbaar_object)
    if zone is None:
        return prefill, None, _niet_mogelijk(request, _(
            "Uw adres (%(adres)s) ligt niet in een vergunningzone van de gemeente. Daar is parkeren zonder "
            "bewonersvergunning toegestaan, of de gemeente geeft er geen vergunningen uit.") % {"adres": prefill.adres})
    lopend = open_aanvraag_van(request.auth_context.bsn)
    if lopend is not None:
        return prefill, zone, _niet_mogelijk(request, _(
            "U hebt al een aanvraag voor een parkeervergunning die nog loopt (zaak %(id)s). Wacht het besluit daarop "
            "af.") % {"id": lopend.zaak.identificatie}, tracker=_tracker(request, lopend.zaak.identificatie))
    if adres_vol(zone=zone, aoid=prefill.adresseerbaar_object, vandaag=timezone.localdate()):
        return prefill, zone, _niet_mogelijk(request, _(
            "Op uw adres zijn al %(n)s geldige parkeervergunningen. Meer vergunningen per adres geeft de gemeente in "
            "vergunningzone %(zone)s niet uit.") % {"n": zone.quotum_per_adres, "zone": zone.naam})
    return prefill, zone, None


def _voertuig(request, kenteken: str, reason: str) -> dict:
    return voertuig_lezen(kenteken=kenteken, bsn=request.auth_context.bsn, gemeente=request.gemeente, reason=reason)


def form_step(request):
    prefill, zone, refusal = _situatie(request, "parkeervergunning vooraf invullen")
    if refusal is not None:
        return refusal
    draft = drafts.draft_get(request, DRAFT_KEY)
    terms = _terms(request)
    form = ParkeervergunningForm(request.POST or None, request.FILES or None, bsn=request.auth_context.bsn,
                                 terms=terms, vandaag=timezone.localdate(),
                                 voertuig_lezen=lambda kenteken: _voertuig(request, kenteken, "kenteken controleren"),
                                 bewijs_bestaand=draft.get("bewijs"),
                                 initial=draft.get("velden") or {"ingangsdatum": timezone.localdate()})
    context = {"form": form, "prefill": prefill, "zone": zone, "bewijs": draft.get("bewijs"),
               "zone_vol": zone_vol(zone=zone, vandaag=timezone.localdate())}
    if request.method == "POST":
        try:
            valid = form.is_valid()
        except Unavailable:
            return render(request, "parkeervergunning/formulier.html", {**context, "rdw_fout": True}, status=503)
        if valid:
            data = form.cleaned_data
            velden = {"kenteken": data["kenteken"], "ingangsdatum": data["ingangsdatum"].isoformat(),
                      "email": data["email"], "telefoon": data["telefoon"]}
            bewijs = draft.get("bewijs")
            if form.eigen:
                bewijs = None  # an own car needs no proof: a file from an earlier round is not sent
            elif data.get("bewijs"):
                naam, content, content_type = data["bewijs"]
                bewijs = {"naam": naam, "pad": drafts.draft_upload(request, DRAFT_KEY, content), "type": content_type}
            request.session[DRAFT_KEY] = {**draft, "velden": velden, "eigen": form.eigen, "bewijs": bewijs}
            return redirect(_url(request, "controleren"))
    return render(request, "parkeervergunning/formulier.html", context, status=400 if form.errors else 200)


def check_step(request):
    draft = drafts.draft_get(request, DRAFT_KEY)
    if not drafts.draft_started(draft):
        filed = request.method == "POST" and drafts.already_filed(request, SENT_KEY)
        return redirect(_url(request, "verzonden" if filed else ""))
    prefill, zone, refusal = _situatie(request, "parkeervergunning controleren")
    if refusal is not None:
        return refusal
    velden = draft["velden"]
    try:
        voertuig = _voertuig(request, velden["kenteken"], "parkeervergunning controleren")
    except Unavailable:
        return _niet_mogelijk(request, RDW_DOWN, later=True)
    except NotFound:
        return redirect(_url(request))  # no longer in the register: the form says so
    ingangsdatum = date.fromisoformat(velden["ingangsdatum"])
    context = {"draft": draft, "velden": velden, "prefill": prefill, "zone": zone, "ingangsdatum": ingangsdatum,
               "kenteken": kenteken_weergave(voertuig["kenteken"]), "voertuig": voertuig_omschrijving(voertuig),
               "wijzig_url": _url(request), **drafts.check_context(draft)}
    if request.method != "POST":
        return render(request, "parkeervergunning/controleren.html", context)
    if not drafts.draft_confirmed(request, draft):
        return render(request, "parkeervergunning/controleren.html", {**context, "fout": drafts.CHANGED}, status=409)

    def indienen():
        bewijs = None
        if draft.get("bewijs"):
            with default_storage.open(draft["bewijs"]["pad"], "rb") as fh:
                bewijs = (draft["bewijs"]["naam"], fh.read(), draft["bewijs"]["type"])
        aanvraag = Aanvraag(prefill=prefill, voertuig=voertuig, ingangsdatum=max(ingangsdatum, timezone.localdate()),
                            email=velden["email"], telefoon=velden["telefoon"], bewijs=bewijs)
        return parkeervergunning_indienen(aanvraag=aanvraag, auth=request.auth_context, gemeente=request.gemeente).zaak

    try:
        zaak = drafts.draft_file(request, key=DRAFT_KEY, sent_key=SENT_KEY, draft=draft, indienen=indienen)
    except ParkeerRefused as refused:
        return render(request, "parkeervergunning/controleren.html", {**context, "fout": refused.message}, status=409)
    return redirect(_url(request, "verzonden" if zaak else ""))


def sent_step(request):
    sent = request.session.get(SENT_KEY)
    if not sent:
        return redirect(_url(request))
    return render(request, "parkeervergunning/verzonden.html",
                  {"sent": sent, "tracker": _tracker(request, sent["identificatie"])})
