"""Requests for more information (Awb 4:5): asked by a civil servant, answered in the tracker."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from .actors import Actor
from .models import AuditLog, Document, Verzoek, Zaak
from .registry import processes
from .services import audit_record, document_store
from .termijn_engine import termijn_hervatten_na_verzoek, termijn_opschorten_voor_verzoek
from .termijnen import atw_verlengd


@transaction.atomic
def verzoek_stellen(*, zaak: Zaak, vraag: str, termijn: date, actor: Actor) -> Verzoek:
    if termijn <= timezone.localdate():
        raise ValueError("termijn must lie in the future")
    verzoek = Verzoek.objects.create(zaak=zaak, vraag=vraag, termijn=termijn, gesteld_op=timezone.now(),
                                     gesteld_door=actor.label[:200])
    audit_record(actor=actor, name="verzoek_stellen", operation=AuditLog.Operation.WRITE, zaak=zaak,
                 categories=["verzoek"], subject_bsn=zaak.initiator_bsn)
    termijn_opschorten_voor_verzoek(verzoek=verzoek, actor=actor)  # 4:15: a request with a deadline suspends
    return verzoek


def verzoek_open(zaak: Zaak) -> Verzoek | None:
    return zaak.verzoeken.filter(beantwoord_op__isnull=True, vervallen_op__isnull=True).last()


@transaction.atomic
def verzoek_beantwoorden(*, verzoek: Verzoek, antwoord: str, bijlagen: list[tuple[str, bytes, str]],
                         actor: Actor) -> tuple[Verzoek, bool]:
    """Store the answer and its attachments, then hand the case back to its process.

    Idempotent: a request closed meanwhile (a concurrent answer, or its term ran out) is left as it
    is and comes back with False, so a double submit stores one answer.
    """
    verzoek = Verzoek.objects.select_for_update().get(pk=verzoek.pk)
    if not verzoek.is_open:
        return verzoek, False
    for nr, (naam, content, content_type) in enumerate(bijlagen, start=1):
        doc = document_store(zaak=verzoek.zaak, soort=Document.Soort.BIJLAGE, titel=f"Bijlage {nr}: {naam}"[:200],
                             content=content, bestandsnaam=naam, formaat=content_type)
        doc.verzoek = verzoek
        doc.save(update_fields=["verzoek"])
    verzoek.antwoord = antwoord
    verzoek.beantwoord_op = timezone.now()
    verzoek.save(update_fields=["antwoord", "beantwoord_op"])
    termijn_hervatten_na_verzoek(verzoek=verzoek, actor=actor)
    slug = verzoek.zaak.zaaktype.process_slug
    definition = processes.get(slug) if slug in processes else None  # a retired process keeps its data
    if definition and definition.on_verzoek_beantwoord:
        import_string(definition.on_verzoek_beantwoord)(zaak=verzoek.zaak, verzoek=verzoek, actor=actor)
    return verzoek, True


def verzoeken_bewaken(*, today: date | None = None) -> dict:
    """Daily deadline watch: a reminder some days before the term, then hand the case back after it."""
    from datetime import timedelta

    from .notifications import notify_initiator
    from .services import product_terms

    today = today or timezone.localdate()
    counts = {"herinnerd": 0, "verlopen": 0}
    for verzoek in Verzoek.objects.filter(beantwoord_op__isnull=True, vervallen_op__isnull=True).select_related(
            "zaak__zaaktype", "zaak__gemeente"):
        slug = verzoek.zaak.zaaktype.process_slug
        if slug not in processes:
            continue  # a retired process: nothing to hand the case back to
        definition = processes.get(slug)
        terms = product_terms(gemeente=verzoek.zaak.gemeente, defaults=definition.default_terms,
                              product_slug=definition.slug)
        with transaction.atomic():
            if atw_verlengd(verzoek.termijn) < today:  # a deadline on a non-working day runs on (Atw art. 1)
                verzoek.vervallen_op = timezone.now()
                verzoek.save(update_fields=["vervallen_op"])
                termijn_hervatten_na_verzoek(verzoek=verzoek, actor=Actor.system("termijnbewaking"))
                if definition.on_verzoek_verlopen:
                    import_string(definition.on_verzoek_verlopen)(zaak=verzoek.zaak, verzoek=verzoek)
                counts["verlopen"] += 1
            elif (verzoek.herinnerd_op is None
                  and verzoek.termijn - timedelta(days=terms.get("herinnering_dagen_voor_termijn", 3)) <= today):
                verzoek.herinnerd_op = timezone.now()
                verzoek.save(update_fields=["herinnerd_op"])
                notify_initiator(zaak=verzoek.zaak, subject=gettext("Herinnering: wij wachten op uw antwoord"),
                                 body=gettext("Wij wachten nog op uw antwoord. Reageer uiterlijk op %(d)s via Mijn "
                                              "zaken. Krijgen wij dan geen antwoord, dan kan de gemeente besluiten uw "
                                              "aanvraag buiten behandeling te laten (artikel 4:5 Algemene wet "
                                              "bestuursrecht).") % {"d": verzoek.termijn.strftime("%d-%m-%Y")})
                counts["herinnerd"] += 1
    return counts
