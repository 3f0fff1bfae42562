"""Writes of the move process: file, decide, ask and receive more information, apply to the BRP."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.identity import AuthContext
from zaken.integrations.brp.base import SYSTEEM, Doel
from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.registry import get_adapter
from zaken.models import AuditLog, Document, Gemeente, Rol, Verzoek, Zaak
from zaken.notifications import notify_initiator
from zaken.processes.shared import ProcessRefused, resume_after_verzoek
from zaken.services import audit_record, document_store, product_terms, subjects_lock, zaak_create
from zaken.termijnen import werkdagen_na
from zaken.queueing import send_after_commit
from zaken.verzoeken import verzoek_stellen

from zaken.forms.verhuizing import huishouden, rules
from zaken.forms.verhuizing.prefill import DOEL as DOEL_AANGIFTE
from zaken.forms.verhuizing.prefill import verhuizing_prefill
from .definition import DEFAULT_TERMS, SLUG
from .models import Verhuizing, VerhuizingPersoon


# The occupancy check only counts the residents at the new address.
BEWONERS_TELLEN = ("burgerservicenummer",)
# Applying the move to the BRP (x-doelbinding, x-verwerking; verwerking as in the audit log).
DOEL_BIJHOUDING = Doel(doelbinding="verhuizing", verwerking="verhuizing: adreswijziging in de BRP")


class VerhuizingRefused(ProcessRefused):
    """A rule refuses the move; `message` is for the citizen, in Dutch."""


def terms_for(gemeente: Gemeente) -> dict:
    return product_terms(gemeente=gemeente, defaults=DEFAULT_TERMS, product_slug=SLUG)


@dataclass(frozen=True)
class Aangifte:
    """What the form collected, after validation, plus the prefill it was checked against."""

    aangever: dict  # HC persoon, or {} when the BRP was down
    oud_adres: dict
    nieuw_adres: dict  # BAG adres
    opgegeven_verhuisdatum: object
    meeverhuizers: list  # huishouden.Huisgenoot chosen by the declarant; checked again on filing
    inwoning: bool
    toestemming: tuple[str, bytes, str] | None  # (name, content, content type) of the consent upload
    email: str
    telefoon: str
    brp_beschikbaar: bool


def bewoners_tellen(*, adres: dict, gemeente: Gemeente, actor: Actor) -> tuple[int, bool]:
    """How many persons the BRP has at the new address (the occupancy check), logged as a read."""
    try:
        count = len(get_adapter("brp", gemeente).bewoners(adres["adresseerbaarObjectIdentificatie"], BEWONERS_TELLEN,
                                                          doel=DOEL_AANGIFTE))
    except (Unavailable, NotFound):
        return 0, False
    audit_record(actor=actor, name="brp_bewoning", operation=AuditLog.Operation.READ, gemeente=gemeente,
                 categories=["bewoners (aantal)"], reason="bewoning nieuw adres controleren",
                 processing_activity="verhuizing: aangifte adreswijziging")
    return count, True


def meeverhuizers_bevestigen(*, aangifte: Aangifte, auth: AuthContext, terms: dict, gemeente: Gemeente,
                             vandaag) -> list[huishouden.Huisgenoot]:
    """The chosen co-movers as the BRP has them now: whoever is not (or no longer) one is refused.

    Names and relations come from this read, never from what the caller passed.
    """
    if aangifte.aangever and not huishouden.mag_zelf_aangeven(aangever=aangifte.aangever, vandaag=vandaag,
                                                              terms=terms):
        raise VerhuizingRefused(_("U bent jonger dan %(n)s jaar. Uw ouder of voogd geeft uw verhuizing door.")
                                % {"n": terms["aangever_min_leeftijd"]})
    gekozen = {m.bsn for m in aangifte.meeverhuizers}
    if not gekozen:
        return []
    nu = verhuizing_prefill(bsn=auth.bsn, vandaag=vandaag, terms=terms, gemeente=gemeente,
                            reason="meeverhuizers controleren bij indienen")
    if not nu.brp_beschikbaar:
        raise VerhuizingRefused(_("De Basisregistratie Personen is nu niet bereikbaar, zodat wij uw meeverhuizers "
                                  "niet kunnen controleren. Probeer het over enkele minuten opnieuw."), "meeverhuizers")
    if gekozen - nu.huishouden.toegestane_bsns:
        raise VerhuizingRefused(_("Niet iedereen die u koos, kunt u meeverhuizen. Ga terug naar het formulier en "
                                  "kies opnieuw uit de personen die daar staan."), "meeverhuizers")
    return [h for h in nu.huishouden.meeverhuizers if h.bsn in gekozen]


def open_cases_for(bsns: set[str]) -> set[str]:
    """BSNs among `bsns` that already are in an open move case."""
    return set(VerhuizingPersoon.objects.filter(bsn__in=bsns, verhuizing__state__in=Verhuizing.OPEN_STATES)
               .values_list("bsn", flat=True))


@transaction.atomic
def verhuizing_indienen(*, aangifte: Aangifte, auth: AuthContext, behandelende_gemeente: Gemeente) -> Verhuizing:
    """Register the move as a case of the municipality of the new address and start its process."""
    terms = terms_for(behandelende_gemeente)
    today = timezone.localdate()
    try:
        datum = rules.verhuisdatum_bepalen(opgegeven=aangifte.opgegeven_verhuisdatum, vandaag=today, terms=terms)
    except ValueError:
        raise VerhuizingRefused(_("Deze verhuisdatum ligt te ver in de toekomst."), "verhuisdatum") from None
    meeverhuizers = meeverhuizers_bevestigen(aangifte=aangifte, auth=auth, terms=terms,
                                             gemeente=behandelende_gemeente, vandaag=today)
    bsns = {auth.bsn} | {m.bsn for m in meeverhuizers}
    # Two submissions for the same persons (two browsers, a co-mover) cannot both pass this check.
    subjects_lock(scope="verhuizing", keys=bsns)
    if open_cases_for(bsns):
        raise VerhuizingRefused(_("Voor u of een meeverhuizer loopt al een verhuizing. Wacht tot die is "
                                  "afgehandeld, of neem contact op met de gemeente."))
    naam = huishouden.naam(aangifte.aangever) if aangifte.aangever else auth.display_name
    adres = aangifte.nieuw_adres
    gegevens = {
        "Nieuw adres": f"{adres['adresregel5']}, {adres['adresregel6']}",
        "Verhuisdatum (opgegeven)": datum.opgegeven.isoformat(),
        "Verhuisdatum (in de BRP)": datum.geregistreerd.isoformat(),
        "Meeverhuizers": [f"{m.naam} ({m.relatie})" for m in meeverhuizers] or _("geen"),
        "Inwoning bij hoofdbewoner": aangifte.inwoning,
        "E-mailadres": aangifte.email,
        "Telefoonnummer": aangifte.telefoon,
    }
    actor = Actor.from_auth(auth)
    bewoners, bewoning_bekend = bewoners_tellen(adres=adres, gemeente=behandelende_gemeente,
                                                actor=Actor.system("bewoningscontrole"))
    zaak = zaak_create(
        gemeente=behandelende_gemeente, process_slug=SLUG, actor=actor, initial_status=Verhuizing.State.ONTVANGEN,
        initiator={"betrokkene_type": Rol.BetrokkeneType.NATUURLIJK_PERSOON, "inp_bsn": auth.bsn, "naam": naam,
                   "email": aangifte.email, "telefoon": aangifte.telefoon},
        extra_rollen=[{"roltype": Rol.RolType.BELANGHEBBENDE, "betrokkene_type": Rol.BetrokkeneType.NATUURLIJK_PERSOON,
                       "inp_bsn": m.bsn, "naam": m.naam, "roltoelichting": m.relatie} for m in meeverhuizers],
        gegevens=gegevens, einddatum_gepland=max(datum.geregistreerd, werkdagen_na(today, terms["afhandeltermijn_werkdagen"])),
        omschrijving=_("Verhuizing naar %(adres)s") % {"adres": adres["adresregel5"]},
    )
    verhuizing = Verhuizing.objects.create(
        zaak=zaak, opgegeven_verhuisdatum=datum.opgegeven, verhuisdatum=datum.geregistreerd,
        oud_adres=aangifte.oud_adres, nieuw_adres=adres,
        nieuw_adresseerbaar_object=adres.get("adresseerbaarObjectIdentificatie", ""), inwoning=aangifte.inwoning,
        email=aangifte.email, telefoon=aangifte.telefoon, bewoners_bij_aangifte=bewoners,
        handmatig_redenen=rules.handmatige_redenen(adres=adres, inwoning=aangifte.inwoning,
                                                   brp_beschikbaar=aangifte.brp_beschikbaar and bewoning_bekend),
        adresonderzoek_nodig=rules.adresonderzoek_nodig(bewoners_nieuw_adres=bewoners, terms=terms),
    )
    VerhuizingPersoon.objects.create(verhuizing=verhuizing, bsn=auth.bsn, naam=naam, rol=VerhuizingPersoon.Rol.AANGEVER)
    for m in meeverhuizers:
        VerhuizingPersoon.objects.create(verhuizing=verhuizing, bsn=m.bsn, naam=m.naam, relatie=m.relatie,
                                         rol=VerhuizingPersoon.Rol.MEEVERHUIZER)
    if aangifte.toestemming:
        name, content, content_type = aangifte.toestemming
        document_store(zaak=zaak, soort=Document.Soort.BIJLAGE, titel=_("Toestemming hoofdbewoner"),
                       content=content, bestandsnaam=name, formaat=content_type)
    notify_initiator(zaak=zaak, subject=_("Wij hebben uw verhuizing ontvangen"),
                     body=_("Wij hebben uw verhuizing ontvangen. U volgt uw zaak op Mijn zaken van gemeente "
                            "%(gemeente)s.") % {"gemeente": behandelende_gemeente.naam})
    from .flows import VerhuizingFlow  # local: flows import views, which import this module

    VerhuizingFlow.start.run(case=verhuizing)
    return verhuizing


def verhuizing_automatisch_inplannen(*, verhuizing: Verhuizing) -> None:
    verhuizing.automatisch_inplannen(by=Actor.system("automatische controle"),
                                     toelichting=_("Alle controles zijn goed. Verwerking op %(d)s.")
                                     % {"d": verhuizing.verhuisdatum.strftime("%d-%m-%Y")})
    verhuizing.save()


def verhuizing_naar_behandeling(*, verhuizing: Verhuizing) -> None:
    verhuizing.handmatig_beoordelen(by=Actor.system("automatische controle"))
    verhuizing.save()


@transaction.atomic
def verhuizing_adresonderzoek_vastleggen(*, verhuizing: Verhuizing, uitkomst: str, toelichting: str, by: Actor) -> None:
    verhuizing.adresonderzoek_uitkomst = uitkomst
    verhuizing.adresonderzoek_toelichting = toelichting
    verhuizing.save(update_fields=["adresonderzoek_uitkomst", "adresonderzoek_toelichting"])
    audit_record(actor=by, name="adresonderzoek_vastleggen", operation=AuditLog.Operation.WRITE, zaak=verhuizing.zaak,
                 categories=["adres", "bewoning"], reason=uitkomst, subject_bsn=verhuizing.zaak.initiator_bsn)


@transaction.atomic
def verhuizing_beoordelen(*, verhuizing: Verhuizing, besluit: str, by: Actor, toelichting: str = "",
                          vraag: str = "", termijn=None) -> None:
    """The outcome of the Beoordelen task: approve, ask for more information, or reject."""
    if besluit == "goedkeuren":
        verhuizing.goedkeuren(by=by, toelichting=toelichting)
    elif besluit == "aanvulling":
        terms = terms_for(verhuizing.zaak.gemeente)
        termijn = termijn or timezone.localdate() + timedelta(days=terms["aanvulling_termijn_dagen"])
        verzoek_stellen(zaak=verhuizing.zaak, vraag=vraag, termijn=termijn, actor=by)
        verhuizing.aanvulling_vragen(by=by, toelichting=vraag)
        notify_initiator(zaak=verhuizing.zaak, subject=_("Wij hebben meer informatie nodig"),
                         body=_("Voor uw verhuizing hebben wij meer informatie nodig. Beantwoord de vraag uiterlijk "
                                "op %(d)s op Mijn zaken. Krijgen wij dan geen antwoord, dan kunnen wij besluiten uw "
                                "aangifte buiten behandeling te laten: wij behandelen haar dan niet verder (artikel "
                                "4:5 Algemene wet bestuursrecht).") % {"d": termijn.strftime("%d-%m-%Y")})
    elif besluit == "afwijzen":
        verhuizing.afwijzingsreden = toelichting
        verhuizing.afwijzen(by=by, toelichting=toelichting)
    else:
        raise ValueError(besluit)
    verhuizing.save()


def _complete_wait(verhuizing: Verhuizing, node_name: str) -> None:
    from .flows import VerhuizingFlow

    VerhuizingFlow.complete_waiting(case=verhuizing, node_name=node_name)


def verhuizing_aanvulling_ontvangen(*, zaak: Zaak, verzoek: Verzoek, actor: Actor) -> None:
    from .flows import VerhuizingFlow

    resume_after_verzoek(flow_class=VerhuizingFlow, model=Verhuizing, zaak=zaak, by=actor,
                         toelichting=_("Aanvullende gegevens ontvangen."))


def verhuizing_aanvulling_verlopen(*, zaak: Zaak, verzoek: Verzoek) -> None:
    """No answer by the deadline: back to a civil servant, who decides on what is there."""
    from .flows import VerhuizingFlow

    resume_after_verzoek(flow_class=VerhuizingFlow, model=Verhuizing, zaak=zaak, by=Actor.system("termijnbewaking"),
                         toelichting=_("De termijn is verstreken zonder antwoord."))


def backoff_seconds(attempt: int) -> int:
    """1, 2, 4 … minutes, at most an hour between tries while the BRP is down."""
    return min(60 * 2 ** max(attempt - 1, 0), 3600)


def verhuizing_brp_verwerken(*, verhuizing_id: int) -> bool:
    """Apply the move to the BRP for everyone in it; True when done. Safe to run twice or concurrently."""
    system = Actor.system("BRP-verwerking")
    with transaction.atomic():
        verhuizing = Verhuizing.objects.select_for_update().select_related("zaak__gemeente").get(pk=verhuizing_id)
        if verhuizing.state == Verhuizing.State.VERWERKT:
            return True
        if verhuizing.state not in (Verhuizing.State.INGEPLAND, Verhuizing.State.VERWERKING_VERTRAAGD):
            return False
        brp = get_adapter("brp", verhuizing.zaak.gemeente)
        try:
            for persoon in verhuizing.personen.filter(verwerkt_op__isnull=True).order_by("pk"):
                # The case's identificatie makes a repeat after a lost answer register the move once.
                brp.adres_wijzigen(bsn=persoon.bsn, adres=verhuizing.nieuw_adres, datum_aanvang=verhuizing.verhuisdatum,
                                   referentie=verhuizing.zaak.identificatie, doel=DOEL_BIJHOUDING, gebruiker=SYSTEEM)
                persoon.verwerkt_op = timezone.now()  # per person, so a retry never moves anyone twice
                persoon.save(update_fields=["verwerkt_op"])
                audit_record(actor=system, name="brp_adreswijziging", operation=AuditLog.Operation.WRITE,
                             zaak=verhuizing.zaak, categories=["verblijfplaats"], subject_bsn=persoon.bsn,
                             processing_activity="verhuizing: adreswijziging in de BRP")
        except Unavailable:
            verhuizing.brp_pogingen += 1
            verhuizing.brp_volgende_poging = timezone.now() + timedelta(seconds=backoff_seconds(verhuizing.brp_pogingen))
            if verhuizing.state == Verhuizing.State.INGEPLAND:
                verhuizing.brp_uitgesteld(by=system, toelichting=_("De BRP is niet bereikbaar; wij proberen het "
                                                                   "automatisch opnieuw."))
            verhuizing.save()
            return False
        verhuizing.verwerkt_op = timezone.now()
        verhuizing.verwerken(by=system)
        verhuizing.save()
        _complete_wait(verhuizing, "brp_verwerking")
        notify_initiator(zaak=verhuizing.zaak, subject=_("Uw verhuizing is verwerkt"),
                         body=_("Uw nieuwe adres staat in de Basisregistratie Personen. De bevestigingsbrief "
                                "staat bij uw documenten op Mijn zaken."))
        transaction.on_commit(lambda: _queue_letter(verhuizing.pk, "bevestiging"))
    return True


def _queue_letter(verhuizing_id: int, soort: str) -> None:
    from .tasks import brief_maken

    brief_maken.delay(verhuizing_id=verhuizing_id, soort=soort)


def verhuizing_afwijzing_versturen(*, verhuizing: Verhuizing) -> None:
    notify_initiator(zaak=verhuizing.zaak, subject=_("Besluit over uw verhuizing"),
                     body=_("Wij hebben een besluit genomen over uw verhuizing. De brief staat bij uw documenten "
                            "op Mijn zaken."))
    transaction.on_commit(lambda: _queue_letter(verhuizing.pk, "afwijzing"))


def verhuizing_brp_inplannen(*, verhuizing: Verhuizing) -> None:
    """Queue the BRP work on commit. The case is due to the sweep after the safety net's time as
    well, so a broker that is down or a lost message only delays the move, never loses it."""
    from .tasks import brp_verwerken

    verhuizing.brp_volgende_poging = timezone.now() + timedelta(seconds=settings.REGISTER_WORK_SAFETY_NET_SECONDS)
    verhuizing.save(update_fields=["brp_volgende_poging"])
    send_after_commit(brp_verwerken, verhuizing_id=verhuizing.pk)


def verhuizingen_hervatten() -> int:
    """The periodic sweep: retry moves waiting for the BRP whose next try is due, and moves whose
    queued BRP work has not run by its safety-net moment."""
    from .tasks import brp_verwerken

    due = Verhuizing.objects.filter(state__in=(Verhuizing.State.VERWERKING_VERTRAAGD, Verhuizing.State.INGEPLAND),
                                    brp_volgende_poging__lte=timezone.now()).values_list("pk", flat=True)
    for pk in due:
        brp_verwerken.delay(verhuizing_id=pk)
    return len(due)
