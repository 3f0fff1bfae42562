"""Writes of the event application: file it (permit or melding), the leges hook, the advice requests,
the advice tasks' writes, the civil servant's decisions and the periodic sweep (meldingen accepted).

Decisions go through the core's `besluit_nemen` (the burgemeester's besluit, with bezwaar).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.adviezen import advies_vastleggen, advies_vragen, is_te_laat
from zaken.documents.besluit import besluit_nemen
from zaken.forms.evenementenvergunning import rules
from zaken.identity import AuthContext
from zaken.integrations.payments.services import betaling_starten, terugbetaling_aanvragen
from zaken.models import Adviesverzoek, Betaling, Document, Gemeente, GemeenteProduct, Rol, Uitkomst
from zaken.notifications import notify_initiator
from zaken.processes.shared import ProcessRefused
from zaken.services import document_store, product_terms, zaak_create
from zaken.termijnen import werkdagen_na

from .definition import BESLUIT_GEWEIGERD, BESLUIT_VERBOD, BESLUIT_VERLEEND, DEFAULT_TERMS, SLUG
from .models import Evenement

logger = logging.getLogger(__name__)

BIJ_BETAALD = "zaken.processes.evenementenvergunning.services.evenement_betaald"
BESLUIT_TEMPLATE = "evenementenvergunning/pdf/besluit.html"
ADVIESVRAAG = _("Advies over evenement ‘%(naam)s’ (%(van)s – %(tot)s, %(plaats)s), risicoklasse %(klasse)s, "
                "ten hoogste %(n)s bezoekers tegelijk.")
UPLOAD_TITELS = {"veiligheidsplan": _("Veiligheidsplan"), "situatietekening": _("Situatietekening")}


class EvenementRefused(ProcessRefused):
    """A rule refuses the application; `message` is Dutch, for the person in front of the screen."""


def terms_for(gemeente: Gemeente, gemeente_product: GemeenteProduct | None = None) -> dict:
    return product_terms(gemeente=gemeente, defaults=DEFAULT_TERMS, product_slug=SLUG,
                         gemeente_product=gemeente_product)


@dataclass(frozen=True)
class Beoordeling:
    """What the rules make of the answers: melding or permit, class, lead time, fee."""

    melding: bool
    klasse: str
    indiening: rules.Indiening
    grootteklasse: str
    leges_cent: int
    adviseurs: list[str]


def beoordeling(antwoorden: dict, *, terms: dict, vandaag: date) -> Beoordeling:
    kenmerk = rules.kenmerken(antwoorden)
    melding = rules.is_melding(kenmerk, antwoorden, terms["melding"])
    klasse = rules.risicoklasse(kenmerk, terms["risicotabel"])
    indiening = rules.indientermijn(begin=antwoorden["begin"], vandaag=vandaag, klasse=klasse, melding=melding,
                                    terms=terms)
    grootte = rules.grootteklasse(kenmerk["bezoekers"], terms["leges_klassen"])
    return Beoordeling(melding=melding, klasse=klasse, indiening=indiening, grootteklasse=grootte["klasse"],
                       leges_cent=0 if melding else rules.leges_cent(kenmerk["bezoekers"], terms["leges_klassen"]),
                       adviseurs=[] if melding else rules.adviseurs(kenmerk, klasse, terms))


@dataclass(frozen=True)
class Aanvraag:
    aanvrager: dict  # the prefill: naam, and adres (DigiD) or kvk_nummer, vestigingsnummer, vestiging, adres
    antwoorden: dict  # typed answers of every step (dates, times), see forms.antwoorden_lezen
    email: str
    telefoon: str
    uploads: dict = field(default_factory=dict)  # name -> (file name, content, content type)


def _initiator(aanvraag: Aanvraag, auth: AuthContext) -> dict:
    naam = (aanvraag.aanvrager.get("naam") or auth.display_name)[:Rol._meta.get_field("naam").max_length]
    contact = {"naam": naam, "email": aanvraag.email, "telefoon": aanvraag.telefoon}
    if auth.is_eherkenning:
        return {"betrokkene_type": Rol.BetrokkeneType.NIET_NATUURLIJK_PERSOON, "nnp_kvk_nummer": auth.kvk_nummer,
                "vestigingsnummer": auth.vestigingsnummer, "nnp_rsin": (auth.rsin or "")[:9],
                "acting_subject": (auth.acting_subject or "")[:200], **contact}
    return {"betrokkene_type": Rol.BetrokkeneType.NATUURLIJK_PERSOON, "inp_bsn": auth.bsn, **contact}


def _json(antwoorden: dict) -> dict:
    return {k: v.isoformat(timespec="minutes") if isinstance(v, datetime) else
            v.isoformat() if hasattr(v, "isoformat") else v for k, v in antwoorden.items()}


@transaction.atomic
def evenement_indienen(*, aanvraag: Aanvraag, auth: AuthContext, gemeente: Gemeente) -> Evenement:
    """Register the application: a melding (acknowledged, open for a prohibition) or a permit (waits for leges)."""
    from .flows import EvenementenvergunningFlow
    from .letters import brief_inplannen

    a = aanvraag.antwoorden
    vandaag = timezone.localdate()
    if a["begin"] < vandaag or a["einde"] < a["begin"]:
        raise EvenementRefused(_("Kies een eerste dag vanaf vandaag en een laatste dag niet vóór de eerste."),
                               "begin")
    terms = terms_for(gemeente)
    oordeel = beoordeling(a, terms=terms, vandaag=vandaag)
    gegevens = {"Evenement": a["naam"], "Datum": f"{a['begin']:%d-%m-%Y} – {a['einde']:%d-%m-%Y}",
                "Locatie": a["locatie"], "Bezoekers tegelijk": str(a["bezoekers"]),
                "Soort": _("melding") if oordeel.melding else _("vergunningaanvraag, risicoklasse %(k)s") % {
                    "k": oordeel.klasse},
                "E-mailadres": aanvraag.email, "Telefoonnummer": aanvraag.telefoon}
    if not oordeel.melding:
        gegevens["Leges"] = rules.euro(oordeel.leges_cent)
    if oordeel.indiening.te_laat:
        gegevens["Let op"] = te_laat_tekst(oordeel.indiening)
    zaak = zaak_create(
        gemeente=gemeente, process_slug=SLUG, actor=Actor.from_auth(auth), gegevens=gegevens,
        initial_status=Evenement.State.MELDING_ONTVANGEN if oordeel.melding else Evenement.State.ONTVANGEN,
        initiator=_initiator(aanvraag, auth))
    evenement = Evenement.objects.create(
        zaak=zaak, state=Evenement.State.MELDING_ONTVANGEN if oordeel.melding else Evenement.State.ONTVANGEN,
        melding=oordeel.melding, risicoklasse=oordeel.klasse, grootteklasse=oordeel.grootteklasse,
        naam=a["naam"][:200], begin=a["begin"], einde=a["einde"], locatie=a["locatie"][:300],
        bezoekers=a["bezoekers"], antwoorden=_json(a), te_laat_ingediend=oordeel.indiening.te_laat,
        leges_cent=oordeel.leges_cent,
        verbod_uiterlijk=werkdagen_na(vandaag, int(terms["melding_verbod_werkdagen"])) if oordeel.melding else None)
    for naam, (bestandsnaam, content, content_type) in aanvraag.uploads.items():
        document_store(zaak=zaak, soort=Document.Soort.BIJLAGE, titel=str(UPLOAD_TITELS.get(naam, naam)),
                       content=content, bestandsnaam=bestandsnaam, formaat=content_type, kenmerk=f"evenement-{naam}")
    EvenementenvergunningFlow.start.run(case=evenement)
    if oordeel.melding:
        brief_inplannen(evenement, "melding")
    elif oordeel.leges_cent == 0:  # a municipality without leges: nothing to pay
        leges_voldaan(evenement, moment=timezone.now())
    return evenement


def te_laat_tekst(indiening: rules.Indiening) -> str:
    return _("U dient later in dan %(w)s weken vóór het evenement (uiterlijk %(d)s). Wij nemen uw aanvraag in "
             "behandeling, maar het kan zijn dat er niet op tijd een besluit is.") % {
        "w": indiening.weken, "d": indiening.uiterlijk.strftime("%d-%m-%Y")}


def evenement_betaling(*, evenement: Evenement, site_url: str, terug_url: str) -> Betaling:
    """The payment of the leges: the open or paid one, else a new one (a reload never pays twice)."""
    if evenement.state != Evenement.State.ONTVANGEN:
        raise EvenementRefused(_("Deze aanvraag hoeft niet (meer) betaald te worden."))
    return betaling_starten(
        sleutel=f"evenement:{evenement.zaak_id}", bedrag_cent=evenement.leges_cent, zaak=evenement.zaak,
        omschrijving=_("Leges evenementenvergunning %(id)s") % {"id": evenement.zaak.identificatie},
        terug_url=terug_url, site_url=site_url, bij_betaald=BIJ_BETAALD)


def evenement_betaald(betaling: Betaling) -> None:
    """The payment hook: runs once, in the transaction that marks the payment paid."""
    evenement = Evenement.objects.select_for_update().select_related("zaak__gemeente").get(zaak_id=betaling.zaak_id)
    if evenement.state != Evenement.State.ONTVANGEN:
        logger.warning("evenement %s: payment %s arrived in state %s", evenement.pk, betaling.pk, evenement.state)
        terugbetaling_aanvragen(betaling, reden=_("De leges waren al betaald."))
        return
    leges_voldaan(evenement, moment=betaling.paid_at)


def leges_voldaan(evenement: Evenement, *, moment: datetime) -> None:
    from .flows import EvenementenvergunningFlow

    system = Actor.system("betaling")
    evenement.betaald_op = moment
    evenement.betalen(by=system, toelichting=_("Leges betaald: %(b)s.") % {"b": rules.euro(evenement.leges_cent)})
    evenement.save()
    adviezen_vragen(evenement, actor=Actor.system("evenementenvergunning"))
    notify_initiator(zaak=evenement.zaak, subject=_("Wij hebben uw betaling ontvangen"), body=_(
        "Uw aanvraag voor een evenementenvergunning is in behandeling. U ziet de voortgang op Mijn zaken."))
    EvenementenvergunningFlow.complete_waiting(case=evenement, node_name="betaling")  # one task per adviser


def adviezen_vragen(evenement: Evenement, *, actor: Actor) -> list[Adviesverzoek]:
    """The advisers of the risk class (and traffic for a road closure), each with the configured term."""
    kenmerk = rules.kenmerken(antwoorden_lezen(evenement.antwoorden))
    terms = terms_for(evenement.zaak.gemeente)
    vraag = ADVIESVRAAG % {"naam": evenement.naam, "van": evenement.begin.strftime("%d-%m-%Y"),
                           "tot": evenement.einde.strftime("%d-%m-%Y"), "plaats": evenement.locatie,
                           "klasse": evenement.risicoklasse, "n": evenement.bezoekers}
    return [advies_vragen(zaak=evenement.zaak, adviseur=adviseur, vraag=vraag, actor=actor)
            for adviseur in rules.adviseurs(kenmerk, evenement.risicoklasse, terms)]


def advies_verzoek(evenement: Evenement, adviseur: str) -> Adviesverzoek:
    """The request of this adviser kind (the newest, should the dossier have asked twice)."""
    return evenement.zaak.adviesverzoeken.filter(adviseur=adviseur).order_by("-gevraagd_op", "-pk").first()


def advies_taak_vastleggen(*, evenement: Evenement, adviseur: str, advies: str, uitkomst: str,
                           actor: Actor) -> None:
    """The advice task's write; an advice recorded meanwhile in the dossier is kept (idempotent)."""
    verzoek = advies_verzoek(evenement, adviseur)
    if uitkomst == Uitkomst.GEEN and verzoek.is_open and not is_te_laat(verzoek):
        raise EvenementRefused(_("Kies ‘geen advies ontvangen’ pas na de adviestermijn (%(d)s).") % {
            "d": verzoek.termijn.strftime("%d-%m-%Y")}, "uitkomst")
    advies_vastleggen(adviesverzoek=verzoek, advies=advies, uitkomst=uitkomst, actor=actor)


def advies_in_dossier_vastgelegd(*, zaak, verzoek: Adviesverzoek, user) -> None:
    """The dossier's hook (ProcessDefinition.on_advies_vastgelegd): the same advice task is done."""
    from .flows import EvenementenvergunningFlow

    evenement = Evenement.objects.filter(zaak=zaak).first()
    if evenement is None or verzoek.adviseur not in rules.ADVISEURS or \
            advies_verzoek(evenement, verzoek.adviseur).pk != verzoek.pk:
        return
    EvenementenvergunningFlow.complete_advies(case=evenement, adviseur=verzoek.adviseur, user=user)


def antwoorden_lezen(opgeslagen: dict) -> dict:
    """The stored answers with their dates and times typed again."""
    from zaken.forms.evenementenvergunning.forms import antwoorden_lezen as lezen

    return lezen(opgeslagen)


@transaction.atomic
def evenement_beoordelen(*, evenement: Evenement, by: Actor, besluit: str, motivering: str,
                         voorschriften: str = "") -> None:
    """The burgemeester's decision: grant with conditions for the event's days, or refuse."""
    evenement = Evenement.objects.select_for_update().select_related("zaak__gemeente").get(pk=evenement.pk)
    terms = terms_for(evenement.zaak.gemeente)
    verlenen = besluit == "verlenen"
    evenement.motivering, evenement.voorschriften = motivering, voorschriften if verlenen else ""
    besluit_nemen(
        zaak=evenement.zaak, besluittype=_(BESLUIT_VERLEEND) if verlenen else _(BESLUIT_GEWEIGERD),
        motivering=motivering, grondslag=terms["grondslag"], actor=by,
        ingangsdatum=evenement.begin if verlenen else None, vervaldatum=evenement.einde if verlenen else None,
        template=BESLUIT_TEMPLATE, context={"evenement": evenement, "verleend": verlenen})
    if verlenen:
        evenement.verlenen(by=by, toelichting=_("Vergunning verleend voor %(van)s – %(tot)s.") % {
            "van": evenement.begin.strftime("%d-%m-%Y"), "tot": evenement.einde.strftime("%d-%m-%Y")})
    else:
        evenement.weigeren(by=by, toelichting=motivering[:200])
    evenement.save()


@transaction.atomic
def melding_beoordelen(*, evenement: Evenement, by: Actor, besluit: str, motivering: str = "") -> None:
    """Within the prohibition period: accept the melding now, or prohibit the event (a besluit with bezwaar)."""
    evenement = Evenement.objects.select_for_update().select_related("zaak__gemeente").get(pk=evenement.pk)
    if besluit == "verbieden":
        evenement.motivering = motivering
        besluit_nemen(zaak=evenement.zaak, besluittype=_(BESLUIT_VERBOD), motivering=motivering,
                      grondslag=terms_for(evenement.zaak.gemeente)["melding_grondslag"], actor=by,
                      template=BESLUIT_TEMPLATE, context={"evenement": evenement, "verboden": True})
        evenement.melding_verbieden(by=by, toelichting=motivering[:200])
        evenement.save()
        return
    _melding_accepteren(evenement, by=by)


def _melding_accepteren(evenement: Evenement, *, by: Actor) -> None:
    evenement.melding_accepteren(by=by, toelichting=_("Het evenement mag doorgaan."))
    evenement.save()
    notify_initiator(zaak=evenement.zaak, subject=_("Uw melding is geaccepteerd"), body=_(
        "Het evenement ‘%(naam)s’ mag doorgaan. U ziet het op Mijn zaken.") % {"naam": evenement.naam})


def evenementen_bijwerken(*, vandaag: date | None = None) -> int:
    """The periodic sweep: accept meldingen whose prohibition period passed (advice has its own tasks), and send
    the acknowledgements again that a broker outage lost. The count of both."""
    from .flows import EvenementenvergunningFlow
    from .letters import meldingbrieven_inhalen

    vandaag = vandaag or timezone.localdate()
    moved = 0
    for pk in Evenement.objects.filter(state=Evenement.State.MELDING_ONTVANGEN,
                                       verbod_uiterlijk__lt=vandaag).values_list("pk", flat=True):
        with transaction.atomic():
            evenement = Evenement.objects.select_for_update().select_related("zaak").get(pk=pk)
            if evenement.state != Evenement.State.MELDING_ONTVANGEN:
                continue
            _melding_accepteren(evenement, by=Actor.system("verbodstermijn verstreken"))
            process = EvenementenvergunningFlow.process_class.objects.filter(
                flow_class=EvenementenvergunningFlow, artifact_object_id=evenement.pk, status="NEW").first()
            if process is not None:
                EvenementenvergunningFlow.instance.cancel(process)  # nothing left to decide: the task goes
            moved += 1
    return moved + meldingbrieven_inhalen()

