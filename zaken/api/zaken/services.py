"""The Zaken API's writes and audit lines, on top of the core services (zaken.services) and the
processes' own transitions and services. Views stay thin: they validate and call these.

A status over the API moves the case only along its process's state machine: the django-fsm transition
from the current state whose target is the asked public status, among the transitions the process opens
to the API (ProcessDefinition.api_transities); the transition hook (zaken.signals.record_transition)
writes the Status row, as for every other actor.
"""

from __future__ import annotations

from datetime import timedelta

from django.apps import apps
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_fsm import can_proceed
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as DRFValidationError

from zaken.actors import Actor
from zaken.machine import CaseMachine
from zaken.models import AuditLog, Resultaat, Status, Zaak
from zaken.registry import processes
from zaken.services import audit_record

from ..common.errors import validation_error
from ..common.vertrouwelijkheid import levels_up_to
from . import refs
from .scope import zaak_uit_url, zaken_voor
from .services_deel import reads_record

# The rol filters that name a person or a company (as the rollen list names them).
BSN_PARAM = "betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
KVK_PARAM = "betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId"
VESTIGING_PARAM = "betrokkeneIdentificatie__vestiging__vestigingsNummer"


def zaak_gelezen(*, client, zaak: Zaak) -> AuditLog:
    """An API client read a case: one audit line, like a civil servant opening the dossier.

    Lists are not logged per case: a Zaak in a list carries no personal data (no BSN, no name); the
    rollen are their own resource and their own reads. A list searched by a person's number is the
    exception (zaken_gezocht_op_rol).
    """
    return audit_record(actor=Actor.api(client), name="zaak_inzien", operation=AuditLog.Operation.READ,
                        zaak=zaak, categories=["zaak"], reason="Zaken API", subject_bsn=zaak.initiator_bsn,
                        processing_activity=f"{zaak.zaaktype.process_slug}: zaak inzien (Zaken API)")


def zaken_gezocht_op_rol(*, client, zaken: list[Zaak], rol: dict) -> None:
    """A list searched by a person's or company's number tells whose cases these are: one read line per case
    on the page (one INSERT), under that person's hash, as the rollen list logs its reads."""
    kinds = [kind for kind, param in (("bsn", BSN_PARAM), ("kvk", KVK_PARAM), ("vestiging", VESTIGING_PARAM))
             if rol.get(param)]
    if not kinds:
        return
    categories = [f"rol: {kind}" for kind in kinds]
    reads_record(actor=Actor.api(client), name="zaken_zoeken_op_rol",
                 rows=[(zaak, categories, rol.get(BSN_PARAM, "")) for zaak in zaken])


def may(client, zaak: Zaak, scope: str) -> bool:
    """Whether the client holds this scope for this case (its zaaktype and vertrouwelijkheid)."""
    return zaken_voor(client, scope).filter(pk=zaak.pk).exists()


def case_machine(zaak: Zaak) -> CaseMachine | None:
    """The process's state machine of this case, locked; the process's own app is tried first."""
    machines = [m for m in apps.get_models() if issubclass(m, CaseMachine)]
    machines.sort(key=lambda m: m._meta.app_label != zaak.zaaktype.process_slug)
    for model in machines:
        case = model.objects.select_for_update().filter(zaak_id=zaak.pk).first()
        if case is not None:
            return case
    return None


def _not_allowed(reason: str, code: str = "transition-not-allowed"):
    return validation_error("statustype", reason, code=code)


@transaction.atomic
def status_zetten(*, client, zaak: Zaak, statustype_url: str, toelichting: str = "") -> Status:
    """POST /statussen: fire the legal, API-open transition to this public status (or a 400 that says why)."""
    # of=self: PostgreSQL refuses FOR UPDATE on the nullable side of the outer join to huidige_status.
    zaak = (Zaak.objects.select_for_update(of=("self",))
            .select_related("zaaktype", "huidige_status__statustype").get(pk=zaak.pk))
    statustype = refs.statustype_uit_url(client.gemeente, zaak.zaaktype, statustype_url)
    if statustype is None:  # zrc-016
        raise validation_error("statustype", _("Dit statustype hoort niet bij het zaaktype van de zaak: kies een "
                                               "statustype uit de statustypen van dat zaaktype."),
                               code="zaaktype-mismatch")
    huidig = zaak.huidige_status.statustype if zaak.huidige_status_id else None
    if zaak.einddatum is not None:
        if not statustype.is_eindstatus and not may(client, zaak, "zaken.heropenen"):  # zrc-008
            raise PermissionDenied(_("De zaak is afgesloten: heropenen vraagt de scope zaken.heropenen."))
        if not may(client, zaak, "zaken.geforceerd-bijwerken"):  # zrc-007
            raise PermissionDenied(_("De zaak is afgesloten: een nieuwe status vraagt de scope "
                                     "zaken.geforceerd-bijwerken."))
    if statustype.is_eindstatus and not Resultaat.objects.filter(zaak_id=zaak.pk).exists():  # zrc-007
        raise _not_allowed(_("De zaak heeft nog geen resultaat: leg eerst een resultaat vast en zet dan de "
                             "eindstatus."), code="resultaat-does-not-exist")
    definition = processes.get(zaak.zaaktype.process_slug) if zaak.zaaktype.process_slug in processes else None
    case = case_machine(zaak)
    if definition is None or case is None:
        raise _not_allowed(_("Deze zaak heeft geen procesmodel waarin een status gezet kan worden."))
    legal = [t for t in case.get_available_state_transitions()
             if case.public_status_for(t.target) == statustype.code]
    open_to_api = [t for t in legal if t.name in definition.api_transities]
    if not open_to_api:
        van = huidig.omschrijving if huidig else "-"
        if legal:
            raise _not_allowed(_("De stap van '%(van)s' naar '%(naar)s' zet een medewerker in de behandeling van de "
                                 "zaak, niet via de Zaken API.") % {"van": van, "naar": statustype.omschrijving},
                               code="transition-not-open")
        raise _not_allowed(_("Het procesmodel van dit zaaktype staat geen stap toe van '%(van)s' naar '%(naar)s': "
                             "kies een status die op de huidige status kan volgen.")
                           % {"van": van, "naar": statustype.omschrijving})
    transition_ = open_to_api[0]
    method = getattr(case, transition_.name)
    if not can_proceed(method):
        raise _not_allowed(_("De voorwaarden voor deze stap zijn (nog) niet vervuld."))
    actor = Actor.api(client)
    handler = definition.api_transities[transition_.name]
    before = zaak.huidige_status_id
    if handler:
        import_string(handler)(case=case, by=actor, toelichting=toelichting)
    else:
        method(by=actor, toelichting=toelichting)
        case.save()
    status = Status.objects.filter(zaak_id=zaak.pk).exclude(pk=before).latest("pk")
    audit_record(actor=actor, name="status_zetten", operation=AuditLog.Operation.WRITE, zaak=zaak,
                 categories=["status"], reason="Zaken API",
                 processing_activity=f"{zaak.zaaktype.process_slug}: {transition_.name} (Zaken API)")
    return status


def _fout(field: str, reason: str, code: str):
    return validation_error(field, reason, code=code)


@transaction.atomic
def zaak_aanmaken(*, client, data: dict) -> Zaak:
    """POST /zaken: check the ZGW rules, then let the zaaktype's process file the case (api_aanmaken)."""
    gemeente = client.gemeente
    zaaktype = refs.zaaktypen_uit_urls(gemeente, [data["zaaktype"]], offered_only=True)[data["zaaktype"]]
    if zaaktype is None:  # zrc-001
        raise _fout("zaaktype", _("Onbekend zaaktype: geef de URL van een zaaktype uit de catalogus van uw gemeente "
                                  "(Catalogi API)."), "bad-url")
    vertrouwelijkheid = data.get("vertrouwelijkheidaanduiding") or zaaktype.vertrouwelijkheidaanduiding  # zrc-009
    if not any(a.component == "zrc" and "zaken.aanmaken" in a.scopes and a.zaaktype_id in (None, zaaktype.pk)
               and vertrouwelijkheid in levels_up_to(a.max_vertrouwelijkheidaanduiding) for a in client.autorisaties):
        raise PermissionDenied(_("Deze applicatie mag geen zaken van dit zaaktype met deze vertrouwelijkheid "
                                 "aanmaken."))
    for name in ("bronorganisatie", "verantwoordelijkeOrganisatie"):
        if data[name] != gemeente.rsin:
            raise _fout(name, _("Geef het RSIN van de gemeente: %(rsin)s.") % {"rsin": gemeente.rsin}, "invalid")
    if data.get("identificatie"):  # zrc-002: our numbers come from the municipality's series
        if Zaak.objects.filter(gemeente=gemeente, identificatie=data["identificatie"]).exists():
            raise _fout("identificatie", _("Deze identificatie bestaat al: laat het veld weg, dan krijgt de zaak "
                                           "een nummer uit de zaaknummerreeks."), "identificatie-niet-uniek")
        raise _fout("identificatie", _("Samenloket geeft het zaaknummer uit de zaaknummerreeks van de gemeente: "
                                       "laat identificatie weg."), "niet-ondersteund")
    producten = {zaaktype.product.upl_uri} - {""}
    if not set(data.get("productenOfDiensten") or ()) <= producten:  # zrc-015
        raise _fout("productenOfDiensten", _("Kies alleen producten of diensten van het zaaktype."),
                    "invalid-products-services")
    if data.get("betalingsindicatie") == "nvt" and data.get("laatsteBetaaldatum"):  # zrc-014
        raise _fout("laatsteBetaaldatum", _("Bij betalingsindicatie 'nvt' hoort geen laatste betaaldatum."),
                    "betaling-nvt")
    if data.get("zaakgeometrie"):
        raise _fout("zaakgeometrie", _("Onze zaken hebben geen geometrie: laat zaakgeometrie weg."), "niet-ondersteund")
    definition = processes.get(zaaktype.process_slug) if zaaktype.process_slug in processes else None
    if definition is None or not definition.api_aanmaken:
        raise _fout("zaaktype", _("Zaken van dit zaaktype ontstaan via het e-formulier van de gemeente, met de "
                                  "gegevens die het proces nodig heeft; de Zaken API maakt ze niet aan."),
                    "aanmaken-niet-ondersteund")
    andere = []
    for index, relatie in enumerate(data.get("relevanteAndereZaken") or ()):
        other = zaak_uit_url(client, str(relatie.get("url", "")), "zaken.lezen")
        if other is None:
            raise _fout(f"relevanteAndereZaken.{index}.url", _("Onbekende zaak: geef de URL van een zaak die deze "
                                                               "applicatie mag lezen."), "bad-url")
        andere.append(other)
    try:
        zaak = import_string(definition.api_aanmaken)(
            gemeente=gemeente, actor=Actor.api(client), omschrijving=data.get("omschrijving", ""),
            toelichting=data.get("toelichting", ""), andere_zaken=andere)
    except DjangoValidationError as exc:
        raise DRFValidationError(exc.message_dict) from None  # the handler names the fields in camelCase
    if zaak.vertrouwelijkheidaanduiding != vertrouwelijkheid:  # zrc-009: the client's value is kept
        zaak.vertrouwelijkheidaanduiding = vertrouwelijkheid
        zaak.save(update_fields=["vertrouwelijkheidaanduiding"])
    return zaak


# PATCH/PUT: what we change, each through its service; any other field must keep its current value.
WIJZIGBAAR = ("omschrijving", "opschorting", "verlenging")


@transaction.atomic
def zaak_bijwerken(*, client, zaak: Zaak, data: dict, current: dict) -> Zaak:
    """PATCH/PUT /zaken/{uuid}: omschrijving, and opschorting/verlenging through the term engine (zrc-012)."""
    from zaken.termijn_engine import TermijnFout, termijn_hervatten, termijn_verlengen

    zaak = Zaak.objects.select_for_update().select_related("zaaktype").get(pk=zaak.pk)
    if zaak.einddatum is not None and not may(client, zaak, "zaken.geforceerd-bijwerken"):  # zrc-007
        raise PermissionDenied(_("De zaak is afgesloten: bijwerken vraagt de scope zaken.geforceerd-bijwerken."))
    for name, value in data.items():
        if name not in WIJZIGBAAR and _vorm(value) != _vorm(current.get(name)):
            raise _fout(name, _("Dit veld kan via de Zaken API niet worden gewijzigd: stuur de huidige waarde of laat "
                                "het weg."), "niet-ondersteund")
    actor = Actor.api(client)
    vandaag = timezone.localdate()
    if "omschrijving" in data and data["omschrijving"] != zaak.omschrijving:
        zaak.omschrijving = data["omschrijving"]
        zaak.save(update_fields=["omschrijving"])
    opschorting = data.get("opschorting")  # zrc-012: null means "not given"
    if opschorting is not None and opschorting["indicatie"] != zaak.opschorting_indicatie:
        if opschorting["indicatie"]:
            raise _fout("opschorting", _("Opschorten kan via de Zaken API niet: een opschorting (artikel 4:15 Awb) "
                                         "heeft een einddatum. Schort op in de behandelomgeving."), "niet-ondersteund")
        termijn_hervatten(zaak=zaak, datum=vandaag, actor=actor, reden=opschorting.get("reden") or _("Hervat"))
    verlenging = data.get("verlenging")
    if verlenging is not None and verlenging["duur"].days != (zaak.verlenging_duur_dagen or 0):
        if zaak.uiterlijke_einddatum_afdoening is None:
            raise _fout("verlenging", _("Deze zaak heeft geen beslistermijn om te verlengen."), "niet-ondersteund")
        tot = (zaak.uiterlijke_einddatum_afdoening - timedelta(days=zaak.verlenging_duur_dagen or 0)
               + verlenging["duur"])
        try:
            termijn_verlengen(zaak=zaak, tot=tot, reden=verlenging.get("reden") or _("Verlengd"), actor=actor)
        except TermijnFout as exc:
            raise _fout("verlenging", exc.message, "termijn") from None
    audit_record(actor=actor, name="zaak_bijwerken", operation=AuditLog.Operation.WRITE, zaak=zaak,
                 categories=sorted(set(data) & set(WIJZIGBAAR)), reason="Zaken API",
                 processing_activity=f"{zaak.zaaktype.process_slug}: zaak bijwerken (Zaken API)")
    return zaak


def _vorm(value):
    """A value as the API shows it, to compare what the client sent with what the zaak has."""
    if hasattr(value, "isoformat"):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, (list, tuple)):
        return [_vorm(v) for v in value]
    if isinstance(value, dict):
        return {k: _vorm(v) for k, v in value.items()}
    return value
