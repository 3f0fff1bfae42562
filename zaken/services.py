"""Writes of the case core. Keyword-only, atomic, and the only place that writes Status rows."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import Truncator

from .actors import Actor
from .models import (AuditLog, Document, Gemeente, GemeenteProduct, Rol, Status, StatusType, Zaak,
                     ZaakNummerReeks, ZaakType)
from .queueing import send_after_commit
from .termijn_engine import termijn_ontvangen, termijn_status_gezet
from .validators import cut_filename


def subject_hash(bsn: str) -> str:
    """Pseudonymise a BSN for the processing log (keyed, so it cannot be brute-forced offline)."""
    if not bsn:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), bsn.encode(), hashlib.sha256).hexdigest()


def audit_record(*, actor: Actor, name: str, operation: str, gemeente: Gemeente | None = None,
                 zaak: Zaak | None = None, categories: list[str] | tuple[str, ...] = (),
                 reason: str = "", processing_activity: str = "", subject_bsn: str = "") -> AuditLog:
    return AuditLog.objects.create(
        name=name, operation=operation, actor_type=actor.kind, actor_label=actor.label,
        actor_user=actor.user, gemeente=gemeente or (zaak.gemeente if zaak else None), zaak=zaak,
        processing_activity=processing_activity or name, categories=list(categories), reason=reason,
        data_subject_hash=subject_hash(subject_bsn), data_subject_type="BSN" if subject_bsn else "",
    )


def zaaknummer_next(*, gemeente: Gemeente, year: int, reeks: str = "ZAAK") -> str:
    """Human-readable, gap-free per municipality and year: ZAAK-2026-0000042.

    One statement: the increment takes the row lock and returns the number. Gap-free means the row stays
    locked until the caller commits, so every filing in the municipality waits here for the one before it:
    callers draw the number in a short transaction, after their checks and register reads.
    """
    table = ZaakNummerReeks._meta.db_table
    sql = f"UPDATE {table} SET laatste = laatste + 1 WHERE gemeente_id = %s AND jaar = %s AND reeks = %s RETURNING laatste"
    with connection.cursor() as cursor:
        cursor.execute(sql, [gemeente.pk, year, reeks])
        row = cursor.fetchone()
        if row is None:  # the series' first number: create it (a concurrent creator wins), then count
            ZaakNummerReeks.objects.bulk_create([ZaakNummerReeks(gemeente=gemeente, jaar=year, reeks=reeks)],
                                                ignore_conflicts=True)
            cursor.execute(sql, [gemeente.pk, year, reeks])
            row = cursor.fetchone()
    return f"{reeks}-{year}-{row[0]:07d}"


def subjects_lock(*, scope: str, keys) -> None:
    """Serialise filings about the same persons (or companies) until the caller's transaction ends.

    A check like "no open case for this BSN yet" cannot lock rows that do not exist yet, so two filings at
    the same moment would both pass it. On PostgreSQL a transaction-level advisory lock per key (taken in
    a fixed order, so two filings never wait on each other crosswise) closes that gap; SQLite runs one
    writer at a time anyway. The keys are hashed: no BSN in pg_locks.
    """
    if connection.vendor != "postgresql":
        return
    ids = sorted({int.from_bytes(hashlib.sha256(f"{scope}:{key}".encode()).digest()[:8], "big", signed=True)
                  for key in keys})
    with connection.cursor() as cursor:
        for lock_id in ids:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id])


def product_terms(*, gemeente: Gemeente, defaults: dict, product_slug: str,
                  gemeente_product: GemeenteProduct | None = None) -> dict:
    """The process's default terms, overridden by what the municipality configured.

    A caller that already holds the GemeenteProduct (the portal hands it to the e-form) passes it: no query.
    """
    gp = gemeente_product or GemeenteProduct.objects.filter(gemeente=gemeente, product__slug=product_slug).first()
    return {**defaults, **(gp.termijnen if gp else {})}


@transaction.atomic
def zaak_create(*, gemeente: Gemeente, process_slug: str, initiator: dict, actor: Actor,
                initial_status: str, omschrijving: str = "", gegevens: dict | None = None,
                einddatum_gepland: date | None = None, extra_rollen: list[dict] | tuple = (),
                receipt: bool = True, termijn_vanaf: date | None = None, termijn_reden: str = "") -> Zaak:
    """Register a submitted request as a case, with its first status; the receipt follows on commit.

    `receipt=False`: the process queues the receipt itself later (an application that counts once paid).
    `termijn_vanaf`: the decision term counts from this later day (Awb 7:10), with `termijn_reden` as why.
    """
    zaaktype = ZaakType.objects.get(process_slug=process_slug)
    # A description, not a record: a register name in it (a deceased's, 230 characters) is shortened here,
    # while the roles and the process's own data keep it whole.
    omschrijving = Truncator(omschrijving or zaaktype.omschrijving).chars(Zaak._meta.get_field("omschrijving").max_length)
    now = timezone.now()
    today = timezone.localdate(now)
    zaak = Zaak.objects.create(
        identificatie=zaaknummer_next(gemeente=gemeente, year=today.year),
        gemeente=gemeente, bronorganisatie=gemeente.rsin, zaaktype=zaaktype,
        omschrijving=omschrijving, registratiedatum=now, startdatum=today,
        einddatum_gepland=einddatum_gepland or today + timedelta(days=zaaktype.doorlooptijd_dagen),
        vertrouwelijkheidaanduiding=zaaktype.vertrouwelijkheidaanduiding,
        gegevens=gegevens or {},
        initiator_bsn=initiator.get("inp_bsn", ""),
        initiator_kvk=initiator.get("nnp_kvk_nummer", ""),
        initiator_vestiging=initiator.get("vestigingsnummer", ""),
        ontvangstbevestiging_gevraagd_op=now if receipt else None,
    )
    Rol.objects.create(zaak=zaak, roltype=Rol.RolType.INITIATOR, **initiator)
    for rol in extra_rollen:
        Rol.objects.create(zaak=zaak, **rol)
    status_record(zaak=zaak, code=initial_status, actor=actor, to_state=initial_status, transition="create")
    # The decision term starts; its end date is derived by the term engine, never typed.
    termijn_ontvangen(zaak=zaak, actor=actor, vanaf=termijn_vanaf, reden=termijn_reden)
    audit_record(actor=actor, name="zaak_create", operation=AuditLog.Operation.WRITE, zaak=zaak,
                 categories=sorted((gegevens or {}).keys()), subject_bsn=zaak.initiator_bsn,
                 processing_activity=f"{process_slug}: aanvraag registreren")
    if receipt:
        receipt_queue(zaak, requested=True)
    return zaak


def receipt_queue(zaak: Zaak, *, requested: bool = False) -> None:
    """Render the ontvangstbevestiging in the worker after the commit (idempotent: stored once per case).

    The case remembers that its receipt is due until the worker stored it, so a broker that was down
    loses nothing: `receipts_resend` (in the sweep) sends it again. `requested`: the caller set the mark.
    """
    from .tasks import receipt_render  # local: tasks import services

    if not requested:
        zaak.ontvangstbevestiging_gevraagd_op = timezone.now()
        Zaak.objects.filter(pk=zaak.pk).update(ontvangstbevestiging_gevraagd_op=zaak.ontvangstbevestiging_gevraagd_op)
    send_after_commit(receipt_render, zaak_id=zaak.pk)


RECEIPT_GRACE = timedelta(minutes=5)  # a worker that is merely busy is not overtaken
RECEIPTS_PER_SWEEP = 200


def receipts_resend() -> int:
    """The sweep: send the receipts again that were asked for but not stored within RECEIPT_GRACE."""
    from .tasks import receipt_render

    now = timezone.now()
    due = list(Zaak.objects.filter(ontvangstbevestiging_gevraagd_op__lt=now - RECEIPT_GRACE)
               .order_by("ontvangstbevestiging_gevraagd_op").values_list("pk", flat=True)[:RECEIPTS_PER_SWEEP])
    Zaak.objects.filter(pk__in=due).update(ontvangstbevestiging_gevraagd_op=now)  # the next try after the grace
    for pk in due:
        send_after_commit(receipt_render, zaak_id=pk)
    return len(due)


def receipt_stored(*, zaak_id: int) -> None:
    Zaak.objects.filter(pk=zaak_id, ontvangstbevestiging_gevraagd_op__isnull=False).update(
        ontvangstbevestiging_gevraagd_op=None)


def status_record(*, zaak: Zaak, code: str, actor: Actor, toelichting: str = "", from_state: str = "",
                  to_state: str = "", transition: str = "") -> Status:
    """Write a Status row for a state-machine transition; called by the transition hook only."""
    statustype = StatusType.objects.get(zaaktype_id=zaak.zaaktype_id, code=code)
    status = Status.objects.create(
        zaak=zaak, statustype=statustype, datum_status_gezet=timezone.now(), statustoelichting=toelichting,
        from_state=from_state, to_state=to_state, transition=transition, gezet_door=actor.label,
        gezet_door_medewerker=actor.user,
    )
    zaak.huidige_status = status
    fields = ["huidige_status"]
    if statustype.is_eindstatus:
        zaak.einddatum = timezone.localdate()
        fields.append("einddatum")
    zaak.save(update_fields=fields)
    termijn_status_gezet(zaak=zaak, code=code, actor=actor)  # a status the process declares a decision
    return status


def document_store(*, zaak: Zaak, soort: str, titel: str, content: bytes, bestandsnaam: str, formaat: str,
                   kenmerk: str = "", zichtbaar_voor_aanvrager: bool = True) -> Document:
    """Store a file as a case document; with a kenmerk, storing twice returns the first document."""
    if kenmerk:
        existing = Document.objects.filter(zaak=zaak, kenmerk=kenmerk).first()
        if existing:
            return existing
    bestandsnaam = cut_filename(bestandsnaam, Document._meta.get_field("bestandsnaam").max_length)
    doc = Document(zaak=zaak, soort=soort, titel=titel, kenmerk=kenmerk, bestandsnaam=bestandsnaam,
                   formaat=formaat, bestandsomvang=len(content), sha256=hashlib.sha256(content).hexdigest(),
                   creatiedatum=timezone.now(), zichtbaar_voor_aanvrager=zichtbaar_voor_aanvrager)
    doc.bestand.save(bestandsnaam, ContentFile(content), save=False)
    doc.save()
    return doc
