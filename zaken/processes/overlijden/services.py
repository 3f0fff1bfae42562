"""Writes of the death registration: file, check documents, releases, akte, verlof, BRP."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaken.actors import Actor
from zaken.identity import AuthContext
from zaken.integrations.brp.base import SYSTEEM, Doel
from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.registry import get_adapter
from zaken.models import AuditLog, Document, Gemeente, Rol, Verzoek, Zaak
from zaken.notifications import notify_initiator
from zaken.processes.shared import resume_after_verzoek
from zaken.services import audit_record, document_store, product_terms, subjects_lock, zaak_create, zaaknummer_next
from zaken.queueing import send_after_commit
from zaken.verzoeken import verzoek_stellen

from zaken.forms.overlijden import rules
from .definition import DEFAULT_TERMS, SLUG
from .models import Overlijden

UPLOAD_TITELS = {
    "a_formulier": gettext_lazy("Verklaring van overlijden (A-formulier)"),
    "ovj_verklaring": gettext_lazy("Verklaring van geen bezwaar officier van justitie"),
    "uitstel_besluit": gettext_lazy("Besluit of verklaring uitstel of verkorting"),
}


class OverlijdenRefused(Exception):
    """A rule refuses the registration at submission; `message` is for the undertaker, in Dutch."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def terms_for(gemeente: Gemeente) -> dict:
    return product_terms(gemeente=gemeente, defaults=DEFAULT_TERMS, product_slug=SLUG)


# What the death registration asks of the BRP (data minimisation). At filing: whether the person is
# already registered as deceased, the birth date (checks the date of death), and what the case keeps
# for the akte (name, address, marital status).
OVERLEDENE_VELDEN = ("burgerservicenummer", "naam.volledigeNaam", "geboorte.datum", "overlijden.datum",
                     "verblijfplaats.verblijfadres", "partners.soortVerbintenis",
                     "partners.ontbindingHuwelijkPartnerschap")
# Before registering it: only whether the death is registered already.
OVERLIJDEN_VELDEN = ("overlijden.datum",)
# x-doelbinding, x-verwerking of each use; verwerking as in the audit log.
DOEL_AANGIFTE = Doel(doelbinding="overlijden", verwerking="aangifte overlijden: registreren")
DOEL_BIJHOUDING = Doel(doelbinding="overlijden", verwerking="aangifte overlijden: verwerken in de BRP")


@dataclass(frozen=True)
class Aangifte:
    """What the e-form collected, after validation."""

    bedrijf: dict  # bedrijf_prefill()
    aangever_naam: str
    email: str
    telefoon: str
    overledene_bsn: str
    overleden_op: datetime
    plaats: str
    plaats_gemeentecode: str
    doodsoorzaak: str
    wijze: str
    uitvaart_op: datetime
    uitvaart_plaats: str
    uittreksels: int
    uploads: dict = field(default_factory=dict)  # form field -> (name, content, content type)


@transaction.atomic
def overlijden_indienen(*, aangifte: Aangifte, auth: AuthContext, gemeente: Gemeente) -> Overlijden:
    """Register the death as a case of the municipality of death and start its process."""
    if aangifte.plaats_gemeentecode != gemeente.gemeentecode:
        raise OverlijdenRefused(_("Het overlijden vond niet plaats in deze gemeente."))
    # Checked again at submission: the BRP or another undertaker may have been quicker.
    subjects_lock(scope="overlijden", keys=[aangifte.overledene_bsn])  # two undertakers at the same moment
    if Overlijden.objects.filter(overledene_bsn=aangifte.overledene_bsn).exists():
        raise OverlijdenRefused(_("Voor deze persoon is al aangifte van overlijden gedaan."))
    try:
        persoon = get_adapter("brp", gemeente).persoon(aangifte.overledene_bsn, OVERLEDENE_VELDEN, doel=DOEL_AANGIFTE)
    except NotFound:
        raise OverlijdenRefused(_("Dit BSN komt niet voor in de Basisregistratie Personen.")) from None
    if persoon.get("overlijden"):
        raise OverlijdenRefused(_("Volgens de Basisregistratie Personen is deze persoon al als overleden "
                                  "geregistreerd."))
    terms = terms_for(gemeente)
    # The form checks the same; a caller that skips the form must not get an impossible date through.
    fout = (rules.overlijden_fout(overleden_op=aangifte.overleden_op, geboren=rules.geboren_vanaf(persoon),
                                  nu=timezone.localtime(), terms=terms)
            or rules.uitvaart_fout(uitvaart_op=aangifte.uitvaart_op, overleden_op=aangifte.overleden_op, terms=terms))
    if fout:
        raise OverlijdenRefused(fout)
    if "a_formulier" not in aangifte.uploads:
        raise OverlijdenRefused(_("De verklaring van overlijden (A-formulier) ontbreekt."))
    venster = rules.uitvaartvenster(overleden_op=aangifte.overleden_op, terms=terms)
    afwijking = venster.beoordeel(aangifte.uitvaart_op)
    if afwijking and "uitstel_besluit" not in aangifte.uploads:
        raise OverlijdenRefused(_("De uitvaart valt buiten de wettelijke termijn en het besluit voor uitstel of "
                                  "verkorting ontbreekt."))
    if aangifte.doodsoorzaak == Overlijden.Doodsoorzaak.NIET_NATUURLIJK and "ovj_verklaring" not in aangifte.uploads:
        raise OverlijdenRefused(_("De verklaring van geen bezwaar van de officier van justitie ontbreekt."))
    overledene = rules.overledene_samenvatting(persoon)
    bedrijf = aangifte.bedrijf
    actor = Actor.from_auth(auth)
    local_death = timezone.localtime(aangifte.overleden_op)
    zaak = zaak_create(
        gemeente=gemeente, process_slug=SLUG, actor=actor, initial_status=Overlijden.State.ONTVANGEN,
        initiator={"betrokkene_type": Rol.BetrokkeneType.NIET_NATUURLIJK_PERSOON, "naam": bedrijf["naam"],
                   "nnp_kvk_nummer": bedrijf["kvk_nummer"], "vestigingsnummer": auth.vestigingsnummer,
                   "nnp_rsin": bedrijf.get("rsin", "")[:9], "acting_subject": auth.acting_subject[:200],
                   "email": aangifte.email, "telefoon": aangifte.telefoon},
        extra_rollen=[{"roltype": Rol.RolType.MELDER, "betrokkene_type": Rol.BetrokkeneType.NATUURLIJK_PERSOON,
                       "naam": aangifte.aangever_naam, "email": aangifte.email, "telefoon": aangifte.telefoon,
                       "acting_subject": auth.acting_subject[:200],
                       "roltoelichting": _("aangever namens %(bedrijf)s") % {"bedrijf": bedrijf["naam"]}}],
        gegevens={
            "Overledene": f"{overledene['naam']} ({overledene['geboortedatum_lang']})",
            "Overleden op": local_death.strftime("%d-%m-%Y %H:%M"),
            "Plaats van overlijden": aangifte.plaats,
            "Soort overlijden": str(Overlijden.Doodsoorzaak(aangifte.doodsoorzaak).label),
            "Uitvaart": f"{Overlijden.Wijze(aangifte.wijze).label}, "
                        f"{timezone.localtime(aangifte.uitvaart_op).strftime('%d-%m-%Y %H:%M')}, "
                        f"{aangifte.uitvaart_plaats}",
            "Aangever": aangifte.aangever_naam,
            "Uitvaartonderneming": bedrijf["naam"],
        },
        einddatum_gepland=timezone.localtime(aangifte.uitvaart_op).date(),
        omschrijving=_("Aangifte overlijden %(naam)s") % {"naam": overledene["naam"]},
    )
    overlijden = Overlijden.objects.create(
        zaak=zaak, overledene_bsn=aangifte.overledene_bsn, overledene=overledene, overleden_op=aangifte.overleden_op,
        plaats_overlijden=aangifte.plaats, plaats_gemeentecode=aangifte.plaats_gemeentecode,
        doodsoorzaak=aangifte.doodsoorzaak, wijze=aangifte.wijze, uitvaart_op=aangifte.uitvaart_op,
        uitvaart_plaats=aangifte.uitvaart_plaats, venster_vroegst=venster.vroegst, venster_uiterlijk=venster.uiterlijk,
        afwijking=afwijking, uittreksels=aangifte.uittreksels)
    for key, (name, content, content_type) in aangifte.uploads.items():
        document_store(zaak=zaak, soort=Document.Soort.BIJLAGE, titel=str(UPLOAD_TITELS[key]), content=content,
                       bestandsnaam=name, formaat=content_type, kenmerk=f"overlijden-{key}")
    audit_record(actor=actor, name="overlijden_indienen", operation=AuditLog.Operation.WRITE, zaak=zaak,
                 categories=["overlijden", "persoonsgegevens overledene"], subject_bsn=aangifte.overledene_bsn,
                 processing_activity="aangifte overlijden: registreren")
    notify_initiator(zaak=zaak, subject=_("Aangifte van overlijden ontvangen"),
                     body=_("Wij hebben de aangifte van overlijden ontvangen. U volgt de zaak op Mijn zaken van "
                            "gemeente %(gemeente)s.") % {"gemeente": gemeente.naam})
    from .flows import OverlijdenFlow  # local: flows import views, which import this module

    OverlijdenFlow.start.run(case=overlijden)
    return overlijden


def _volgende_wachtstand(overlijden: Overlijden, by: Actor) -> None:
    """After the documents (or a release): wait for the OvJ first, then for the uitstel decision."""
    if overlijden.is_niet_natuurlijk and overlijden.ovj_vrijgegeven_op is None:
        overlijden.ovj_afwachten(by=by)
    elif overlijden.afwijking and overlijden.uitstel_vastgelegd_op is None:
        overlijden.uitstel_afwachten(by=by, toelichting=_("De uitvaart valt buiten de termijn (%(soort)s).")
                                     % {"soort": overlijden.afwijking})


@transaction.atomic
def overlijden_documenten_controleren(*, overlijden: Overlijden, compleet: bool, by: Actor, vraag: str = "",
                                      termijn=None, toelichting: str = "") -> None:
    if compleet:
        overlijden.documenten_goedkeuren(by=by, toelichting=toelichting)
        _volgende_wachtstand(overlijden, by)
    else:
        terms = terms_for(overlijden.zaak.gemeente)
        termijn = termijn or timezone.localdate() + timedelta(days=terms["aanvulling_termijn_dagen"])
        verzoek_stellen(zaak=overlijden.zaak, vraag=vraag, termijn=termijn, actor=by)
        overlijden.documenten_onvolledig(by=by, toelichting=vraag)
        notify_initiator(zaak=overlijden.zaak, subject=_("Documenten voor de aangifte van overlijden ontbreken"),
                         body=_("Bij de aangifte van overlijden ontbreken documenten. Beantwoord de vraag uiterlijk "
                                "op %(d)s op Mijn zaken. Zonder complete documenten kunnen wij geen verlof tot "
                                "begraven of cremeren geven.") % {"d": termijn.strftime("%d-%m-%Y")})
    overlijden.save()


def _complete_wait(overlijden: Overlijden, node_name: str) -> None:
    from .flows import OverlijdenFlow

    OverlijdenFlow.complete_waiting(case=overlijden, node_name=node_name)


def overlijden_aanvulling_ontvangen(*, zaak: Zaak, verzoek: Verzoek, actor: Actor) -> None:
    from .flows import OverlijdenFlow

    resume_after_verzoek(flow_class=OverlijdenFlow, model=Overlijden, zaak=zaak, by=actor,
                         toelichting=_("Aanvullende documenten ontvangen."))


def overlijden_aanvulling_verlopen(*, zaak: Zaak, verzoek: Verzoek) -> None:
    from .flows import OverlijdenFlow

    resume_after_verzoek(flow_class=OverlijdenFlow, model=Overlijden, zaak=zaak, by=Actor.system("termijnbewaking"),
                         toelichting=_("De termijn is verstreken zonder antwoord."))


@transaction.atomic
def overlijden_ovj_vrijgave_vastleggen(*, overlijden: Overlijden, kenmerk: str, by: Actor, toelichting: str = "") -> None:
    overlijden.ovj_vrijgegeven_op = timezone.now()
    overlijden.ovj_kenmerk = kenmerk
    overlijden.ovj_vrijgeven(by=by, toelichting=_("De officier van justitie heeft het lichaam vrijgegeven."))
    _volgende_wachtstand(overlijden, by)
    overlijden.save()
    audit_record(actor=by, name="ovj_vrijgave_vastleggen", operation=AuditLog.Operation.WRITE, zaak=overlijden.zaak,
                 categories=["overlijden"], reason=toelichting[:200], subject_bsn=overlijden.overledene_bsn)


@transaction.atomic
def overlijden_uitstel_vastleggen(*, overlijden: Overlijden, toelichting: str, by: Actor) -> None:
    overlijden.uitstel_vastgelegd_op = timezone.now()
    overlijden.uitstel_toelichting = toelichting
    overlijden.uitstel_vastleggen(by=by, toelichting=_("Het besluit over uitstel of verkorting is vastgelegd."))
    overlijden.save()


@transaction.atomic
def overlijden_akte_opmaken(*, overlijden: Overlijden, by: Actor) -> None:
    """Number the akte in the municipality's own yearly register (gap-free, like case numbers)."""
    if not overlijden.akte_nummer:
        overlijden.akte_nummer = zaaknummer_next(gemeente=overlijden.zaak.gemeente, year=timezone.localdate().year,
                                                 reeks="AKTE")
    overlijden.akte_opgemaakt_op = timezone.now()
    overlijden.akte_opmaken(by=by, toelichting=_("Aktenummer %(nr)s.") % {"nr": overlijden.akte_nummer})
    overlijden.save()
    audit_record(actor=by, name="akte_opmaken", operation=AuditLog.Operation.WRITE, zaak=overlijden.zaak,
                 categories=["akte van overlijden"], subject_bsn=overlijden.overledene_bsn)


@transaction.atomic
def overlijden_verlof_verstrekken(*, overlijden: Overlijden, by: Actor) -> None:
    overlijden.verlof_verstrekt_op = timezone.now()
    overlijden.verlof_verstrekken(by=by)
    overlijden.save()
    notify_initiator(zaak=overlijden.zaak, subject=_("Verlof tot begraven of cremeren verstrekt"),
                     body=_("Het verlof staat bij de documenten van de zaak op Mijn zaken."))
    pk = overlijden.pk
    transaction.on_commit(lambda: _queue_verlof(pk))


def _queue_verlof(overlijden_id: int) -> None:
    from .tasks import verlof_maken

    verlof_maken.delay(overlijden_id=overlijden_id)


def backoff_seconds(attempt: int) -> int:
    """1, 2, 4 … minutes, at most an hour between tries while the BRP is down."""
    return min(60 * 2 ** max(attempt - 1, 0), 3600)


def overlijden_brp_verwerken(*, overlijden_id: int) -> bool:
    """Register the death in the BRP; True when done. Safe to run twice or concurrently."""
    system = Actor.system("BRP-verwerking")
    with transaction.atomic():
        overlijden = Overlijden.objects.select_for_update().select_related("zaak__gemeente").get(pk=overlijden_id)
        if overlijden.state == Overlijden.State.VERWERKT_BRP:
            return True
        if overlijden.state != Overlijden.State.VERLOF_VERSTREKT:
            return False
        try:
            brp = get_adapter("brp", overlijden.zaak.gemeente)
            persoon = brp.persoon(overlijden.overledene_bsn, OVERLIJDEN_VELDEN, doel=DOEL_BIJHOUDING, gebruiker=SYSTEEM)
            if not persoon.get("overlijden"):  # registered meanwhile (another case, the register's own desk)
                brp.overlijden_registreren(
                    bsn=overlijden.overledene_bsn, datum=timezone.localtime(overlijden.overleden_op).date(),
                    plaats_gemeentecode=overlijden.plaats_gemeentecode, referentie=overlijden.zaak.identificatie,
                    doel=DOEL_BIJHOUDING, gebruiker=SYSTEEM)
        except Unavailable:
            overlijden.brp_pogingen += 1
            overlijden.brp_volgende_poging = timezone.now() + timedelta(seconds=backoff_seconds(overlijden.brp_pogingen))
            overlijden.save(update_fields=["brp_pogingen", "brp_volgende_poging"])
            return False
        audit_record(actor=system, name="brp_overlijden", operation=AuditLog.Operation.WRITE, zaak=overlijden.zaak,
                     categories=["overlijden"], subject_bsn=overlijden.overledene_bsn,
                     processing_activity="aangifte overlijden: verwerken in de BRP")
        overlijden.verwerkt_op = timezone.now()
        overlijden.brp_volgende_poging = None
        overlijden.brp_verwerkt(by=system)
        overlijden.save()
        _complete_wait(overlijden, "brp_verwerking")
    return True


def overlijden_brp_inplannen(*, overlijden: Overlijden) -> None:
    """Queue the BRP work on commit; due to the sweep after the safety net's time as well, so a
    broker that is down or a lost message only delays the registration, never loses it."""
    from .tasks import brp_verwerken

    overlijden.brp_volgende_poging = timezone.now() + timedelta(seconds=settings.REGISTER_WORK_SAFETY_NET_SECONDS)
    overlijden.save(update_fields=["brp_volgende_poging"])
    send_after_commit(brp_verwerken, overlijden_id=overlijden.pk)


def overlijdens_brp_hervatten() -> int:
    """The periodic sweep: retry BRP registrations whose next try is due."""
    from .tasks import brp_verwerken

    due = list(Overlijden.objects.filter(state=Overlijden.State.VERLOF_VERSTREKT,
                                         brp_volgende_poging__lte=timezone.now()).values_list("pk", flat=True))
    for pk in due:
        brp_verwerken.delay(overlijden_id=pk)
    return len(due)
