"""The citizen's side: the e-form, the check page and the confirmation. Thin: forms check, services write.

Steps live under /<gemeente>/aanvragen/verhuizing/<stap>/; the portal has checked the login level.
The draft (and an uploaded consent, stored privately) lives in the session until it is sent;
`zaken.processes.drafts` binds it to the login, fingerprints the check page and files it once.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.forms.validators import normalise_postcode
from zaken.forms.verhuizing.forms import VerhuizingForm
from zaken.forms.verhuizing.huishouden import mag_zelf_aangeven
from zaken.forms.verhuizing.prefill import verhuizing_prefill
from zaken.integrations.errors import IntegrationError
from zaken.integrations.registry import get_adapter
from zaken.models import Gemeente
from zaken.processes import drafts
from zaken.processes.shared import step_url

from .services import Aangifte, VerhuizingRefused, terms_for, verhuizing_indienen

DRAFT_KEY = "verhuizing.concept"
SENT_KEY = "verhuizing.verzonden"


def start(request, *, gemeente_product, definition, step: str = ""):
    handlers = {"": form_step, "controleren": check_step, "verzonden": sent_step, "adres": address_lookup}
    if step not in handlers or not request.auth_context.is_digid:
        raise Http404
    return handlers[step](request)


def _url(request, step: str = "") -> str:
    return step_url(request, "verhuizing", step)


def _context(request):
    terms = terms_for(request.gemeente)
    prefill = verhuizing_prefill(bsn=request.auth_context.bsn, vandaag=timezone.localdate(), terms=terms,
                                 gemeente=request.gemeente)
    return terms, prefill


def form_step(request):
    terms, prefill = _context(request)
    if prefill.overleden:
        return render(request, "verhuizing/geweigerd.html", {"reden": _("Volgens de Basisregistratie Personen is "
                                                                        "deze persoon overleden.")}, status=403)
    if not mag_zelf_aangeven(aangever=prefill.aangever, vandaag=timezone.localdate(), terms=terms):
        return render(request, "verhuizing/geweigerd.html", {"reden": _(
            "U bent jonger dan %(n)s jaar. Uw ouder of voogd geeft uw verhuizing door.")
            % {"n": terms["aangever_min_leeftijd"]}}, status=403)
    draft = drafts.draft_get(request, DRAFT_KEY)
    form = VerhuizingForm(request.POST or None, request.FILES or None, prefill=prefill, gemeente=request.gemeente,
                          terms=terms, bestaande_toestemming=draft.get("toestemming"),
                          initial=draft.get("velden") or {"email": ""})
    if request.method == "POST" and form.is_valid():
        request.session[DRAFT_KEY] = {**draft, **_draft(request, form, previous=draft)}
        return redirect(_url(request, "controleren"))
    return render(request, "verhuizing/formulier.html", {"form": form, "prefill": prefill, "terms": terms,
                                                          "draft": draft}, status=400 if form.errors else 200)


def _draft(request, form: VerhuizingForm, *, previous: dict) -> dict:
    data = form.cleaned_data
    toestemming = previous.get("toestemming")
    if data.get("toestemming"):
        name, content, content_type = data["toestemming"]
        path = drafts.draft_upload(request, DRAFT_KEY, content)
        toestemming = {"naam": name, "pad": path, "type": content_type}
    if data["inwoning"] != "ja":
        toestemming = None
    velden = {k: data[k] for k in ("postcode", "huisnummer", "huisletter", "huisnummertoevoeging", "inwoning",
                                   "email", "telefoon", "meeverhuizers")}
    velden["verhuisdatum"] = data["verhuisdatum"].isoformat()
    return {"velden": velden, "adres": form.adres, "gemeente": form.behandelende_gemeente.pk,
            "te_laat": form.verhuisdatum.te_laat, "geregistreerd": form.verhuisdatum.geregistreerd.isoformat(),
            "toestemming": toestemming}


def check_step(request):
    draft = drafts.draft_get(request, DRAFT_KEY)
    if not drafts.draft_started(draft):
        filed = request.method == "POST" and drafts.already_filed(request, SENT_KEY)
        return redirect(_url(request, "verzonden" if filed else ""))
    terms, prefill = _context(request)
    velden = draft["velden"]
    gekozen = [h for h in prefill.huishouden.meeverhuizers if h.bsn in set(velden["meeverhuizers"])]
    gemeente = Gemeente.objects.get(pk=draft["gemeente"])
    context = {"draft": draft, "velden": velden, "adres": draft["adres"], "meeverhuizers": gekozen,
               "behandelende_gemeente": gemeente, "prefill": prefill,
               "verhuisdatum": date.fromisoformat(velden["verhuisdatum"]),
               "geregistreerd": date.fromisoformat(draft["geregistreerd"]), "wijzig_url": _url(request),
               **drafts.check_context(draft)}
    if request.method != "POST":
        return render(request, "verhuizing/controleren.html", context)
    if not drafts.draft_confirmed(request, draft):  # changed in another tab since this page was shown
        return render(request, "verhuizing/controleren.html", {**context, "fout": drafts.CHANGED}, status=409)
    # The form was checked before; the household is checked again against the BRP of this moment.
    if len(gekozen) != len(velden["meeverhuizers"]):
        return redirect(_url(request))

    def indienen():
        toestemming = None
        if draft.get("toestemming"):
            t = draft["toestemming"]
            with default_storage.open(t["pad"], "rb") as fh:
                toestemming = (t["naam"], fh.read(), t["type"])
        aangifte = Aangifte(
            aangever=prefill.aangever, oud_adres=prefill.verblijfplaats, nieuw_adres=draft["adres"],
            opgegeven_verhuisdatum=context["verhuisdatum"], meeverhuizers=gekozen,
            inwoning=velden["inwoning"] == "ja", toestemming=toestemming, email=velden["email"],
            telefoon=velden["telefoon"], brp_beschikbaar=prefill.brp_beschikbaar)
        return verhuizing_indienen(aangifte=aangifte, auth=request.auth_context, behandelende_gemeente=gemeente).zaak

    try:
        zaak = drafts.draft_file(request, key=DRAFT_KEY, sent_key=SENT_KEY, draft=draft, indienen=indienen)
    except VerhuizingRefused as refused:
        return render(request, "verhuizing/controleren.html", {**context, "fout": refused.message}, status=409)
    return redirect(_url(request, "verzonden" if zaak else ""))


def sent_step(request):
    sent = request.session.get(SENT_KEY)
    if not sent:
        return redirect(_url(request))
    gemeente = Gemeente.objects.get(slug=sent["gemeente"])
    tracker = f"/{gemeente.slug}/mijn-zaken/{sent['identificatie']}/"
    return render(request, "verhuizing/verzonden.html", {"sent": sent, "behandelende_gemeente": gemeente,
                                                         "tracker": tracker})


def address_lookup(request):
    """JSON for the form's live address check; the same check runs again on submit.

    A POST, so that the new address never stands in a URL or an access log.
    """
    if request.method != "POST":
        return JsonResponse({"adressen": [], "fout": "POST"}, status=405)
    try:
        postcode = normalise_postcode(request.POST.get("postcode", ""))
        huisnummer = int(request.POST.get("huisnummer", ""))
    except (ValidationError, ValueError):
        return JsonResponse({"adressen": [], "fout": _("Vul een geldige postcode en een huisnummer in.")}, status=400)
    try:
        found = get_adapter("bag", request.gemeente).adres_zoeken(postcode=postcode, huisnummer=huisnummer,
                                                huisletter=request.POST.get("huisletter", ""),
                                                huisnummertoevoeging=request.POST.get("huisnummertoevoeging", ""),
                                                exacte_match=True)
    except IntegrationError:
        return JsonResponse({"adressen": [], "fout": _("De BAG is nu niet bereikbaar.")}, status=503)
    return JsonResponse({"adressen": [{"regel": f"{a['adresregel5']}, {a['adresregel6']}"} for a in found]})
