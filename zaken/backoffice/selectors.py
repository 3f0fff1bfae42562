"""Reads of the back office: the case list and everything a dossier shows, BSNs masked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from zaken.bezwaren import zaak_koppelingen
from zaken.models import Adviesverzoek, AuditLog, Document, Rol, Verzoek, Zaak
from zaken.registry import processes
from zaken.selectors import TermijnOverzicht, termijn_overzicht, zaak_get_for_medewerker, zaak_list_for_medewerker
from zaken.validators import is_valid_bsn

from .access import tasks_for_zaak

AUDIT_ROWS = 50


def mask_bsn(bsn: str) -> str:
    """Enough to recognise a person on the phone, not enough to use the number."""
    return f"******{bsn[-3:]}" if bsn else ""


def _is_bsn_key(key: str) -> bool:
    return "bsn" in key.lower()


def _display(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if value is None or value == "":
        return "–"
    text = str(value)
    if _is_bsn_key(key) or (len(text) == 9 and text.isdigit() and is_valid_bsn(text)):
        return mask_bsn(text)
    return text


def gegevens_rows(data: dict, prefix: str = "") -> list[tuple[str, str]]:
    """Flatten the submitted form data to (label, value) rows; nested keys read `a › b`."""
    rows: list[tuple[str, str]] = []
    for key, value in data.items():
        label = f"{prefix}{key}".replace("_", " ")
        if isinstance(value, dict):
            rows += gegevens_rows(value, prefix=f"{label} › ")
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            for nr, item in enumerate(value, start=1):
                rows += gegevens_rows(item if isinstance(item, dict) else {"": item}, prefix=f"{label} {nr} › ")
        elif isinstance(value, list):
            rows.append((label, ", ".join(_display(key, item) for item in value) or "–"))
        else:
            rows.append((label, _display(key, value)))
    return rows


@dataclass(frozen=True)
class RolRow:
    rol: str
    soort: str
    naam: str
    bsn: str  # masked
    kvk: str
    vestiging: str
    email: str
    telefoon: str


def _rol_row(rol: Rol) -> RolRow:
    naam = rol.naam or (rol.medewerker.get_full_name() if rol.medewerker else "")
    return RolRow(rol=rol.get_roltype_display(), soort=rol.get_betrokkene_type_display(), naam=naam,
                  bsn=mask_bsn(rol.inp_bsn), kvk=rol.nnp_kvk_nummer, vestiging=rol.vestigingsnummer,
                  email=rol.email, telefoon=rol.telefoon)


@dataclass(frozen=True)
class VerzoekRow:
    """A request for information with the applicant's answer and the files sent with it."""

    verzoek: Verzoek
    bijlagen: list[Document]


def _verzoek_rows(zaak: Zaak, documenten: list[Document]) -> list[VerzoekRow]:
    """One query for the requests; their files come from the dossier's documents already loaded."""
    per_verzoek: dict[int, list[Document]] = {}
    for document in documenten:
        if document.verzoek_id:
            per_verzoek.setdefault(document.verzoek_id, []).append(document)
    return [VerzoekRow(verzoek=verzoek, bijlagen=per_verzoek.get(verzoek.pk, []))
            for verzoek in zaak.verzoeken.all()]


@dataclass(frozen=True)
class Dossier:
    zaak: Zaak
    gegevens: list[tuple[str, str]]
    proces_gegevens: list[tuple[str, str]]
    rollen: list[RolRow]
    statussen: list
    documenten: list[Document]
    besluiten: list
    taken: list
    verzoeken: list[VerzoekRow]
    # What the page shows of personal data, for the processing log.
    categories: list[str] = field(default_factory=list)
    # The decision term: its dated events, the derived end date and each besluit's bezwaar term.
    termijn: TermijnOverzicht | None = None
    adviezen: list[Adviesverzoek] = field(default_factory=list)


def _process_data(zaak: Zaak) -> dict:
    slug = zaak.zaaktype.process_slug
    data = {}
    if slug in processes and processes.get(slug).dossier_data:
        data = import_string(processes.get(slug).dossier_data)(zaak)
    # Linked cases (a bezwaar and the case it is about), in the same municipality by construction.
    for koppeling in zaak_koppelingen(zaak):
        status = koppeling.zaak.huidige_status
        data[koppeling.omschrijving] = (f"{koppeling.zaak.identificatie} ({status.statustype.omschrijving})"
                                        if status else koppeling.zaak.identificatie)
    return data


def zaak_search_for_medewerker(*, user, q: str = "") -> QuerySet[Zaak]:
    zaken = zaak_list_for_medewerker(user=user)
    return zaken.filter(identificatie__icontains=q) if q else zaken


def dossier_for_medewerker(*, user, pk: int) -> Dossier:
    """Everything of one case; raises Zaak.DoesNotExist outside the user's municipalities."""
    zaak = zaak_get_for_medewerker(user=user, pk=pk)
    rollen = [_rol_row(rol) for rol in zaak.rollen.all()]
    categories = ["zaakgegevens", "statussen", "documentenlijst", "taken"]
    if rollen:
        categories += ["rollen: naam, contactgegevens", "bsn (gemaskeerd)"]
    categories += [f"gegevens: {key}" for key in sorted(zaak.gegevens)]
    documenten = list(zaak.documenten.all())
    verzoeken = _verzoek_rows(zaak, documenten)
    if verzoeken:
        categories.append("verzoeken om aanvulling: vraag, antwoord")
    adviezen = list(zaak.adviesverzoeken.all())
    if adviezen:
        categories.append("adviesverzoeken: vraag, advies")
    return Dossier(
        zaak=zaak,
        gegevens=gegevens_rows(zaak.gegevens),
        proces_gegevens=[(str(label), _display(str(label), value))
                         for label, value in _process_data(zaak).items()],
        rollen=rollen,
        statussen=list(zaak.statussen.all()),
        documenten=documenten,
        besluiten=list(zaak.besluiten.all()),
        taken=list(tasks_for_zaak(zaak)),
        verzoeken=verzoeken,
        categories=categories,
        termijn=termijn_overzicht(zaak),
        adviezen=adviezen,
    )


def verzoek_laatste(zaak: Zaak) -> Verzoek | None:
    """The newest request for information of a case: what a task page says about it (no answer text)."""
    return zaak.verzoeken.order_by("-gesteld_op", "-pk").first()


def auditlog_for_zaak(zaak: Zaak) -> list[AuditLog]:
    return list(zaak.auditlog.select_related("actor_user")[:AUDIT_ROWS])


def document_get_for_medewerker(*, user, zaak_pk: int, document_uuid) -> Document:
    """Raises Zaak.DoesNotExist or Document.DoesNotExist outside the user's municipalities."""
    zaak = zaak_list_for_medewerker(user=user).get(pk=zaak_pk)
    return zaak.documenten.get(uuid=document_uuid)  # doc.zaak is this zaak: no extra query
