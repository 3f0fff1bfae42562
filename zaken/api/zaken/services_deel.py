"""Writes behind the rollen and resultaten endpoints, and the processing log of what an API client read.

Each write is atomic with its audit line (the API client as Actor.api); the notification follows from the
model's post_save (zaken/notificaties/signals.py); a deleted rol writes its `destroy` message here.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.models import AuditLog, Resultaat, Rol, StatusType, Zaak
from zaken.notificaties.resources import resource_url
from zaken.notificaties.services import notificatie_schrijven
from zaken.notificaties.signals import zaak_kenmerken
from zaken.services import audit_record, subject_hash
from zaken.validators import is_valid_bsn

REASON = "API: zaakgegevens lezen"


class RegelFout(ValueError):
    """A business rule refused the write; `field` and `code` name it for the ValidatieFout."""

    def __init__(self, field: str, code: str, reason: str):
        super().__init__(reason)
        self.field, self.code, self.reason = field, code, reason


def reads_record(*, actor: Actor, name: str, rows: list[tuple[Zaak, list[str], str]]) -> None:
    """One log line per (zaak, categories, subject BSN) an API client read: one INSERT for the whole page."""
    if not rows:
        return
    AuditLog.objects.bulk_create([
        AuditLog(name=name, operation=AuditLog.Operation.READ, actor_type=actor.kind, actor_label=actor.label,
                 gemeente_id=zaak.gemeente_id, zaak=zaak, categories=categories, reason=REASON,
                 processing_activity=f"{zaak.zaaktype.process_slug}: {name} (API)",
                 data_subject_hash=subject_hash(bsn), data_subject_type="BSN" if bsn else "")
        for zaak, categories, bsn in rows])


def rol_categories(rol: Rol) -> list[str]:
    kinds = [("bsn", rol.inp_bsn), ("kvk", rol.nnp_kvk_nummer), ("naam", rol.naam),
             ("contact", rol.email or rol.telefoon)]
    return [f"rol {rol.roltype}: {kind}" for kind, value in kinds if value]


def rollen_read_record(*, actor: Actor, rollen: list[Rol]) -> None:
    """A rol of a person or company is personal data: each one read is logged, a civil servant's is not."""
    reads_record(actor=actor, name="rol_inzien", rows=[
        (rol.zaak, rol_categories(rol), rol.inp_bsn) for rol in rollen
        if rol.betrokkene_type != Rol.BetrokkeneType.MEDEWERKER])


@transaction.atomic
def resultaat_vastleggen(*, zaak: Zaak, statuscode: str, toelichting: str, actor: Actor) -> Resultaat:
    """The case's result: one per case, of one of its zaaktype's end statuses (our resultaattypen)."""
    zaak = Zaak.objects.select_for_update().select_related("zaaktype", "gemeente").get(pk=zaak.pk)
    if not StatusType.objects.filter(zaaktype_id=zaak.zaaktype_id, code=statuscode, is_eindstatus=True).exists():
        raise RegelFout("resultaattype", "zaaktype-mismatch",
                        _("Het resultaattype hoort niet bij het zaaktype van de zaak: kies een resultaattype "
                          "uit de resultaattypen van dat zaaktype."))
    if Resultaat.objects.filter(zaak=zaak).exists():
        raise RegelFout("zaak", "unique", _("Deze zaak heeft al een resultaat: een zaak heeft er één."))
    resultaat = Resultaat.objects.create(zaak=zaak, omschrijving=statuscode, toelichting=toelichting)
    audit_record(actor=actor, name="resultaat_vastleggen", operation=AuditLog.Operation.WRITE, zaak=zaak,
                 categories=["resultaat"], processing_activity=f"{zaak.zaaktype.process_slug}: resultaat (API)")
    return resultaat


# What our Rol can hold from outside: a behandelaar is one of the municipality's civil servants, a
# belanghebbende a person by BSN. The initiator comes with the case (zaak_create) and scopes its tracker.
TOEVOEGBAAR = {(Rol.RolType.BEHANDELAAR, Rol.BetrokkeneType.MEDEWERKER),
               (Rol.RolType.BELANGHEBBENDE, Rol.BetrokkeneType.NATUURLIJK_PERSOON)}


@transaction.atomic
def rol_toevoegen(*, zaak: Zaak, roltype: str, betrokkene_type: str, actor: Actor, roltoelichting: str = "",
                  inp_bsn: str = "", naam: str = "", medewerker_id: str = "") -> Rol:
    if (roltype, betrokkene_type) not in TOEVOEGBAAR:
        raise RegelFout("betrokkeneType", "unsupported",
                        _("Een rol toevoegen kan voor een behandelaar (betrokkeneType medewerker) of een "
                          "belanghebbende (betrokkeneType natuurlijk_persoon)."))
    fields = {"zaak": zaak, "roltype": roltype, "betrokkene_type": betrokkene_type, "roltoelichting": roltoelichting}
    if betrokkene_type == Rol.BetrokkeneType.MEDEWERKER:
        user = get_user_model().objects.filter(username=medewerker_id, is_active=True,
                                               lidmaatschappen__gemeente_id=zaak.gemeente_id).first()
        if user is None:
            raise RegelFout("betrokkeneIdentificatie.identificatie", "does_not_exist",
                            _("Onbekende medewerker: geef de gebruikersnaam van een medewerker van de gemeente."))
        fields.update(medewerker=user, naam=user.get_full_name() or user.get_username())
    else:
        if not is_valid_bsn(inp_bsn):
            raise RegelFout("betrokkeneIdentificatie.inpBsn", "invalid",
                            _("Geef een geldig burgerservicenummer: 9 cijfers die de elfproef doorstaan."))
        fields.update(inp_bsn=inp_bsn.zfill(9), naam=naam)
    rol = Rol.objects.create(**fields)
    audit_record(actor=actor, name="rol_toevoegen", operation=AuditLog.Operation.WRITE, zaak=zaak,
                 categories=[f"rol {roltype}"], subject_bsn=rol.inp_bsn,
                 processing_activity=f"{zaak.zaaktype.process_slug}: rol toevoegen (API)")
    return rol


@transaction.atomic
def rol_verwijderen(*, rol: Rol, actor: Actor) -> None:
    """Remove a behandelaar or belanghebbende. The audit lines hang on the case, not on the rol, so the
    history stays (this removal is one of them); the initiator is never removed."""
    if rol.roltype == Rol.RolType.INITIATOR:
        raise RegelFout("roltype", "initiator",
                        _("De initiator hoort bij de zaak vanaf de aanvraag en kan niet worden verwijderd."))
    zaak = rol.zaak
    audit_record(actor=actor, name="rol_verwijderen", operation=AuditLog.Operation.WRITE, zaak=zaak,
                 categories=[f"rol {rol.roltype}"], subject_bsn=rol.inp_bsn,
                 processing_activity=f"{zaak.zaaktype.process_slug}: rol verwijderen (API)")
    notificatie_schrijven(kanaal="zaken", hoofd_object=resource_url("zaak", zaak.uuid), resource="rol",
                          resource_url=resource_url("rol", rol.uuid), actie="destroy",
                          kenmerken=zaak_kenmerken(zaak), gemeente_id=zaak.gemeente_id)
    rol.delete()
