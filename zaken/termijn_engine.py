"""The term engine of the case core: dated term events, and the end date derived from them.

Every write here records a TermijnGebeurtenis and then calls zaak_termijn_herberekenen, the only
place that sets Zaak.uiterlijke_einddatum_afdoening (and the ZGW opschorting/verlenging fields).
No process code: a process declares its terms (ProcessDefinition.default_terms, overridden per
municipality) and, for lex silencio positivo, a hook (ProcessDefinition.on_van_rechtswege).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .actors import Actor
from .notifications import notify_initiator
from .models import Besluit, GemeenteProduct, TermijnGebeurtenis, Verzoek, Zaak
from .registry import processes
from .termijnen import lokale_dag
from .termijnen_awb import (ENGINE_TERMS, Beslistermijn, Opschorting, Stand, Verlenging, bezwaartermijn_einde,
                            einddatum_berekenen, opschorting_voor_verzoek)

Soort = TermijnGebeurtenis.Soort
VERLENGING_TEMPLATE = "zaken/pdf/verlenging.html"
# The besluittype of a besluit van rechtswege (4:20b); the Catalogi API lists it where van_rechtswege_mogelijk.
VAN_RECHTSWEGE = gettext_noop("Van rechtswege verleend")


class TermijnFout(ValueError):
    """A term event the law does not allow; `message` is Dutch, for the civil servant."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def termijn_terms(zaak: Zaak) -> dict:
    """Engine defaults, then the process's default_terms, then the municipality's overrides."""
    slug = zaak.zaaktype.process_slug
    defaults = processes.get(slug).default_terms if slug in processes else {}
    gp = GemeenteProduct.objects.filter(gemeente_id=zaak.gemeente_id, product_id=zaak.zaaktype.product_id).first()
    return {**ENGINE_TERMS, **defaults, **(gp.termijnen if gp else {})}


def van_rechtswege_mogelijk(definition, termijnen: dict | None) -> bool:
    """Whether lex_silencio_bewaken can record a besluit van rechtswege for a product with these terms
    (the process's default_terms, then the municipality's GemeenteProduct.termijnen)."""
    return Beslistermijn.from_terms({**definition.default_terms, **(termijnen or {})}).lex_silencio


def termijn_config(zaak: Zaak) -> Beslistermijn:
    return Beslistermijn.from_terms(termijn_terms(zaak))


def _record(*, zaak: Zaak, soort: str, datum: date, actor: Actor, **fields) -> TermijnGebeurtenis:
    return TermijnGebeurtenis.objects.create(zaak=zaak, soort=soort, datum=datum, vastgelegd_op=timezone.now(),
                                             vastgelegd_door=actor.label, **fields)


def _opschortingen(events) -> tuple[list[Opschorting], list[TermijnGebeurtenis]]:
    """Pair each suspension with the resumption that ended it; open ones run to their planned end."""
    open_: list[TermijnGebeurtenis] = []
    closed: list[Opschorting] = []
    for event in events:
        if event.soort == Soort.OPGESCHORT:
            open_.append(event)
        elif event.soort == Soort.HERVAT and open_:
            match = next((o for o in open_ if event.verzoek_id and o.verzoek_id == event.verzoek_id), open_[-1])
            open_.remove(match)
            closed.append(Opschorting(van=match.datum, tot=max(event.datum, match.datum)))
    return closed + [Opschorting(van=o.datum, tot=max(o.tot, o.datum)) for o in open_], open_


def termijn_stand(*, zaak: Zaak, events=None, config: Beslistermijn | None = None) -> Stand | None:
    """The derived term of a case, or None for a case without a receipt event (older cases)."""
    events = sorted(events if events is not None else TermijnGebeurtenis.objects.filter(zaak=zaak),
                    key=lambda e: (e.datum, e.vastgelegd_op, e.pk or 0))
    ontvangen = next((e for e in events if e.soort == Soort.ONTVANGEN), None)
    if ontvangen is None:
        return None
    opschortingen, _open = _opschortingen(events)
    verlengingen = [Verlenging(gemeld_op=e.datum, tot=e.tot) for e in events if e.soort == Soort.VERLENGD]
    # A receipt's `tot`: the term counts from that day instead (Awb 7:10: the end of the bezwaar term).
    return einddatum_berekenen(ontvangen=max(ontvangen.datum, ontvangen.tot or ontvangen.datum), termijn=config or termijn_config(zaak),
                               opschortingen=opschortingen, verlengingen=verlengingen)


def zaak_termijn_herberekenen(*, zaak: Zaak) -> Zaak:
    """Derive the end date and the ZGW suspension/extension fields from the history; the only writer."""
    config = termijn_config(zaak)
    events = sorted(TermijnGebeurtenis.objects.filter(zaak=zaak), key=lambda e: (e.datum, e.vastgelegd_op, e.pk))
    stand = termijn_stand(zaak=zaak, events=events, config=config)
    if stand is None:
        return zaak
    einde = stand.einddatum
    if not config.wettelijk and zaak.einddatum_gepland:
        # A target never lies before the end the case itself announces (a funeral, a move date).
        einde = max(einde, zaak.einddatum_gepland)
    _closed, open_ = _opschortingen(events)
    verlengd = [e for e in events if e.soort == Soort.VERLENGD]
    zonder_verlenging = termijn_stand(zaak=zaak, events=[e for e in events if e.soort != Soort.VERLENGD],
                                      config=config)
    zaak.uiterlijke_einddatum_afdoening = einde
    zaak.opschorting_indicatie = bool(open_)
    zaak.opschorting_reden = open_[-1].reden[:200] if open_ else ""
    zaak.verlenging_duur_dagen = ((stand.einddatum_zonder_atw - zonder_verlenging.einddatum_zonder_atw).days
                                  if verlengd else None)
    zaak.verlenging_reden = verlengd[-1].reden[:200] if verlengd else ""
    zaak.termijn_afgedaan_op = next((e.datum for e in events if e.soort == Soort.BESLOTEN), None)
    zaak.save(update_fields=["uiterlijke_einddatum_afdoening", "opschorting_indicatie", "opschorting_reden",
                             "verlenging_duur_dagen", "verlenging_reden", "termijn_afgedaan_op"])
    return zaak


@transaction.atomic
def termijn_ontvangen(*, zaak: Zaak, actor: Actor, vanaf: date | None = None, reden: str = "") -> TermijnGebeurtenis:
    """The term starts: the day of receipt in Dutch local time (idempotent).

    `vanaf`: a later day the term counts from, where the law says so (Awb 7:10: the end of the bezwaar term).
    """
    existing = zaak.termijn_gebeurtenissen.filter(soort=Soort.ONTVANGEN).first()
    if existing:
        return existing
    event = _record(zaak=zaak, soort=Soort.ONTVANGEN, datum=lokale_dag(zaak.registratiedatum), actor=actor,
                    tot=vanaf, reden=reden[:200])
    zaak_termijn_herberekenen(zaak=zaak)
    return event


@transaction.atomic
def termijn_opschorten(*, zaak: Zaak, van: date, tot: date, reden: str, actor: Actor,
                       verzoek: Verzoek | None = None) -> TermijnGebeurtenis:
    """4:15: suspend from `van` (first suspended day) until `tot` at the latest (first running day again)."""
    event = _record(zaak=zaak, soort=Soort.OPGESCHORT, datum=van, tot=tot, reden=reden[:200], verzoek=verzoek,
                    actor=actor)
    zaak_termijn_herberekenen(zaak=zaak)
    return event


def termijn_opschorten_voor_verzoek(*, verzoek: Verzoek, actor: Actor) -> TermijnGebeurtenis | None:
    """A 4:5 request with a deadline suspends the term; one without a deadline does not."""
    zaak = verzoek.zaak
    periode = opschorting_voor_verzoek(gesteld_op=lokale_dag(verzoek.gesteld_op), termijn=verzoek.termijn)
    if periode is None or not zaak.termijn_gebeurtenissen.filter(soort=Soort.ONTVANGEN).exists():
        return None
    return termijn_opschorten(zaak=zaak, van=periode.van, tot=periode.tot, actor=actor, verzoek=verzoek,
                              reden=_("Verzoek om aanvulling (artikel 4:5 Awb)"))


@transaction.atomic
def termijn_hervatten(*, zaak: Zaak, datum: date, actor: Actor, verzoek: Verzoek | None = None,
                      reden: str = "") -> TermijnGebeurtenis | None:
    """The term runs again from `datum`; nothing happens when no suspension is open."""
    events = list(zaak.termijn_gebeurtenissen.filter(soort__in=[Soort.OPGESCHORT, Soort.HERVAT]))
    open_ = _opschortingen(sorted(events, key=lambda e: (e.datum, e.vastgelegd_op, e.pk)))[1]
    if not open_ or (verzoek is not None and not any(o.verzoek_id == verzoek.pk for o in open_)):
        return None
    event = _record(zaak=zaak, soort=Soort.HERVAT, datum=datum, reden=reden[:200], verzoek=verzoek, actor=actor)
    zaak_termijn_herberekenen(zaak=zaak)
    return event


def termijn_hervatten_na_verzoek(*, verzoek: Verzoek, actor: Actor) -> TermijnGebeurtenis | None:
    """Answered: runs again from the day of the answer. Unanswered: from the day after the deadline."""
    if verzoek.beantwoord_op:
        return termijn_hervatten(zaak=verzoek.zaak, datum=lokale_dag(verzoek.beantwoord_op), actor=actor,
                                 verzoek=verzoek, reden=_("Aanvulling ontvangen"))
    periode = opschorting_voor_verzoek(gesteld_op=lokale_dag(verzoek.gesteld_op), termijn=verzoek.termijn)
    if periode is None:
        return None
    return termijn_hervatten(zaak=verzoek.zaak, datum=periode.tot, actor=actor, verzoek=verzoek,
                             reden=_("Termijn voor aanvulling verstreken"))


@transaction.atomic
def termijn_verlengen(*, zaak: Zaak, tot: date, reden: str, actor: Actor, vandaag: date | None = None):
    """4:14: extend to `tot`, only while the term runs, and send the notice letter (stored once)."""
    from .documents.letters import letter_create  # local: documents import services

    vandaag = vandaag or timezone.localdate()
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    stand = termijn_stand(zaak=zaak)
    if stand is None:
        raise TermijnFout(_("Deze zaak heeft geen beslistermijn om te verlengen."))
    if zaak.termijn_gebeurtenissen.filter(soort=Soort.BESLOTEN).exists():
        raise TermijnFout(_("Er is al besloten; de termijn kan niet meer worden verlengd."))
    if vandaag > stand.einddatum:
        raise TermijnFout(_("De beslistermijn is op %(d)s geëindigd. Verlengen kan alleen vóór het einde van de "
                            "termijn (artikel 4:14 Awb).") % {"d": stand.einddatum.strftime("%d-%m-%Y")})
    if tot <= stand.einddatum:
        raise TermijnFout(_("Kies een datum na het huidige einde van de termijn, %(d)s.")
                          % {"d": stand.einddatum.strftime("%d-%m-%Y")})
    # A product may cap the verdaging (its term `verdaging_max_weken`, e.g. APV 1:2: at most 8 weeks).
    max_weken = int(termijn_terms(zaak).get("verdaging_max_weken") or 0)
    if max_weken:
        zonder = termijn_stand(zaak=zaak, events=zaak.termijn_gebeurtenissen.exclude(soort=Soort.VERLENGD))
        grens = zonder.einddatum + timedelta(weeks=max_weken)
        if tot > grens:
            raise TermijnFout(_("De termijn kan met ten hoogste %(w)s weken worden verlengd: kies %(d)s of eerder.")
                              % {"w": max_weken, "d": grens.strftime("%d-%m-%Y")})
    nummer = zaak.termijn_gebeurtenissen.filter(soort=Soort.VERLENGD).count() + 1
    document = letter_create(
        zaak=zaak, kenmerk=f"verlenging-{nummer}", template=VERLENGING_TEMPLATE,
        titel=_("Verlenging beslistermijn %(id)s") % {"id": zaak.identificatie},
        context={"tot": tot, "oud": stand.einddatum, "reden": reden, "product": zaak.zaaktype.omschrijving})
    event = _record(zaak=zaak, soort=Soort.VERLENGD, datum=vandaag, tot=tot, reden=reden[:200], document=document,
                    actor=actor)
    zaak_termijn_herberekenen(zaak=zaak)
    notify_initiator(zaak=zaak, subject=_("Wij hebben meer tijd nodig voor uw aanvraag"),
                     body=_("Wij beslissen uiterlijk op %(d)s op uw aanvraag. De brief hierover staat bij uw "
                            "documenten op Mijn zaken.") % {"d": tot.strftime("%d-%m-%Y")})
    return event


@transaction.atomic
def besluit_vastleggen(*, zaak: Zaak, besluittype: str, datum: date, actor: Actor, toelichting: str = "",
                       ingangsdatum: date | None = None, verzenddatum: date | None = None,
                       document=None, grondslag: str = "", vervaldatum: date | None = None,
                       bestuursorgaan: str = "", identificatie: str = "") -> Besluit:
    """Record a decision: the Besluit row and the 'besloten' event; with a sending date also 'bekendgemaakt'.

    `identificatie`: one the caller chose (an API client's own number, checked unique by the caller);
    blank: the next of the municipality's BESLUIT series."""
    from .services import zaaknummer_next  # local: services import this module

    besluit = Besluit.objects.create(
        zaak=zaak, identificatie=identificatie or zaaknummer_next(gemeente=zaak.gemeente, year=datum.year,
                                                                  reeks="BESLUIT"),
        besluittype=besluittype[:100], datum=datum, toelichting=toelichting, grondslag=grondslag,
        ingangsdatum=ingangsdatum or datum, vervaldatum=vervaldatum, bestuursorgaan=bestuursorgaan[:200],
        document=document)
    _record(zaak=zaak, soort=Soort.BESLOTEN, datum=datum, reden=besluittype[:200], besluit=besluit, actor=actor)
    if verzenddatum:
        besluit_bekendmaken(besluit=besluit, datum=verzenddatum, actor=actor)
    else:
        zaak_termijn_herberekenen(zaak=zaak)
    return besluit


@transaction.atomic
def besluit_bekendmaken(*, besluit: Besluit, datum: date, actor: Actor) -> Besluit:
    """3:41: the decision is sent; the bezwaar term starts the next day (6:8)."""
    besluit.verzenddatum = datum
    besluit.save(update_fields=["verzenddatum"])
    _record(zaak=besluit.zaak, soort=Soort.BEKENDGEMAAKT, datum=datum, reden=besluit.besluittype[:200],
            besluit=besluit, actor=actor)
    zaak_termijn_herberekenen(zaak=besluit.zaak)
    return besluit


def termijn_status_gezet(*, zaak: Zaak, code: str, actor: Actor) -> None:
    """A public status the process declares as a decision (ProcessDefinition.besluit_statussen)."""
    slug = zaak.zaaktype.process_slug
    definition = processes.get(slug) if slug in processes else None
    if definition is None or code not in definition.besluit_statussen:
        return
    if not TermijnGebeurtenis.objects.filter(zaak=zaak, soort=Soort.ONTVANGEN).exists():
        return  # a case from before the engine: no term to close
    vandaag = timezone.localdate()
    besluittype = definition.besluit_statussen[code]
    if besluittype:
        besluit_vastleggen(zaak=zaak, besluittype=besluittype, datum=vandaag, verzenddatum=vandaag, actor=actor,
                           bestuursorgaan=bestuursorgaan_voor(zaak))
    elif not TermijnGebeurtenis.objects.filter(zaak=zaak, soort=Soort.BESLOTEN).exists():
        _record(zaak=zaak, soort=Soort.BESLOTEN, datum=vandaag, actor=actor)
        zaak_termijn_herberekenen(zaak=zaak)


def bestuursorgaan_voor(zaak: Zaak) -> str:
    """Who decides the besluiten of this case's product (ProcessDefinition.bestuursorgaan); "" is the college."""
    slug = zaak.zaaktype.process_slug
    template = processes.get(slug).bestuursorgaan if slug in processes else ""
    return _(template) % {"gemeente": zaak.gemeente.naam} if template else ""


def bezwaartermijn_voor(besluit: Besluit, *, weken: int) -> date | None:
    """The last day to object to this decision, or None while it has not been sent."""
    return bezwaartermijn_einde(verzonden=besluit.verzenddatum, weken=weken) if besluit.verzenddatum else None


def lex_silencio_bewaken(*, today: date | None = None) -> int:
    """4:20a/4:20b: for products that declare it, a statutory term passed without a decision
    yields the besluit van rechtswege; the process's hook (on_van_rechtswege) does the rest."""
    today = today or timezone.localdate()
    count = 0
    candidates = (Zaak.objects.filter(einddatum__isnull=True, opschorting_indicatie=False,
                                      uiterlijke_einddatum_afdoening__lt=today,
                                      termijn_gebeurtenissen__soort=Soort.ONTVANGEN)
                  .exclude(termijn_gebeurtenissen__soort=Soort.BESLOTEN)
                  .select_related("zaaktype", "gemeente").distinct())
    for zaak in candidates:
        config = termijn_config(zaak)
        if not config.lex_silencio:
            continue
        if _van_rechtswege(zaak_id=zaak.pk, config=config, today=today):
            count += 1
    return count


@transaction.atomic
def _van_rechtswege(*, zaak_id: int, config: Beslistermijn, today: date) -> bool:
    zaak = Zaak.objects.select_for_update().select_related("zaaktype").get(pk=zaak_id)
    if zaak.termijn_gebeurtenissen.filter(soort=Soort.BESLOTEN).exists():
        return False  # a concurrent sweep or a late decision came first
    stand = termijn_stand(zaak=zaak, config=config)
    if stand is None or stand.einddatum >= today or zaak.opschorting_indicatie:
        return False
    # 4:20b lid 1: given once the term passed (the day after it); lid 3: in force on the 3rd day after it.
    besluit = besluit_vastleggen(
        zaak=zaak, besluittype=_(VAN_RECHTSWEGE), datum=stand.einddatum + timedelta(days=1),
        ingangsdatum=stand.einddatum + timedelta(days=config.van_rechtswege_ingang_dagen),
        toelichting=_("Niet binnen de beslistermijn besloten (artikel 4:20b Awb)."), actor=Actor.system("lex silencio"))
    slug = zaak.zaaktype.process_slug
    definition = processes.get(slug) if slug in processes else None
    if definition and definition.on_van_rechtswege:
        import_string(definition.on_van_rechtswege)(zaak=zaak, besluit=besluit)
    return True
