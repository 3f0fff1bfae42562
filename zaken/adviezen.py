"""Advice requests (adviesverzoeken): asked and recorded by a civil servant, with a term in working days.

A process creates them from its own rules (the evenementenvergunning from its risk class); the
back-office dossier asks for one on any case. Advisers have no login: the civil servant records
the advice that came in. Every write is in the processing log.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .actors import Actor
from .models import Adviesverzoek, Adviseur, AuditLog, Uitkomst, Zaak
from .services import audit_record
from .termijn_engine import termijn_terms
from .termijnen import atw_verlengd, lokale_dag, werkdagen_na


def adviestermijn_werkdagen(zaak: Zaak) -> int:
    """The default term of an advice request: engine default, process default, municipality's setting."""
    return int(termijn_terms(zaak)["adviestermijn_werkdagen"])


@transaction.atomic
def advies_vragen(*, zaak: Zaak, adviseur: str, vraag: str, termijn_werkdagen: int | None = None,
                  actor: Actor, adviseur_naam: str = "", termijn_weken: int | None = None) -> Adviesverzoek:
    """Ask an adviser. The term ends `termijn_werkdagen` working days after today, or `termijn_weken`
    weeks after today (moved past a non-working day, Atw art. 1); by default the configured working days."""
    if adviseur not in Adviseur.values:
        raise ValueError(f"unknown adviseur {adviseur!r}")
    if adviseur == Adviseur.OVERIG and not adviseur_naam.strip():
        raise ValueError("adviseur 'overig' needs a name")
    nu = timezone.now()
    if termijn_weken is not None:
        if termijn_weken < 1 or termijn_werkdagen is not None:
            raise ValueError("give either a term in working days or one of at least one week")
        termijn = atw_verlengd(lokale_dag(nu) + timedelta(weeks=termijn_weken))
    else:
        werkdagen = adviestermijn_werkdagen(zaak) if termijn_werkdagen is None else termijn_werkdagen
        if werkdagen < 1:
            raise ValueError("an advice term is at least one working day")
        termijn = werkdagen_na(lokale_dag(nu), werkdagen)
    verzoek = Adviesverzoek.objects.create(
        zaak=zaak, gemeente_id=zaak.gemeente_id, adviseur=adviseur, adviseur_naam=adviseur_naam.strip()[:200] if adviseur == Adviseur.OVERIG else "",
        vraag=vraag, gevraagd_op=nu, gevraagd_door=actor.label[:200],
        termijn=termijn)
    audit_record(actor=actor, name="advies_vragen", operation=AuditLog.Operation.WRITE, zaak=zaak,
                 categories=["adviesverzoek: vraag"], subject_bsn=zaak.initiator_bsn,
                 processing_activity=f"{zaak.zaaktype.process_slug}: advies vragen")
    return verzoek


@transaction.atomic
def advies_vastleggen(*, adviesverzoek: Adviesverzoek, advies: str, uitkomst: str,
                      actor: Actor) -> tuple[Adviesverzoek, bool]:
    """Record the advice that came in. Idempotent: an advice recorded meanwhile is kept, and False says so."""
    if uitkomst not in Uitkomst.values:
        raise ValueError(f"unknown uitkomst {uitkomst!r}")
    verzoek = Adviesverzoek.objects.select_for_update().select_related("zaak__zaaktype").get(pk=adviesverzoek.pk)
    if not verzoek.is_open:
        return verzoek, False
    verzoek.ontvangen(advies=advies, uitkomst=uitkomst, moment=timezone.now(), door=actor.label, medewerker=actor.user)
    verzoek.save()
    zaak = verzoek.zaak
    audit_record(actor=actor, name="advies_vastleggen", operation=AuditLog.Operation.WRITE, zaak=zaak,
                 categories=["adviesverzoek: advies, uitkomst"], subject_bsn=zaak.initiator_bsn,
                 processing_activity=f"{zaak.zaaktype.process_slug}: advies vastleggen")
    return verzoek, True


def is_te_laat(verzoek: Adviesverzoek, *, vandaag: date | None = None) -> bool:
    """Overdue from the day after its term, while no advice is recorded."""
    return verzoek.is_open and verzoek.termijn < (vandaag or timezone.localdate())


def adviezen_open() -> QuerySet[Adviesverzoek]:
    """Requests still waiting for advice, overdue ones (the earliest term) first; the rows of the
    partial index adviesverzoek_open_termijn. Callers narrow it to their cases (zaak__...)."""
    return Adviesverzoek.objects.filter(status=Adviesverzoek.Status.GEVRAAGD).order_by("termijn", "pk")


def adviezen_te_laat(*, vandaag: date | None = None) -> QuerySet[Adviesverzoek]:
    return adviezen_open().filter(termijn__lt=vandaag or timezone.localdate())
