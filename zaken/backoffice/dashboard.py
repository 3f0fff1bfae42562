"""Reads of the deadline dashboard (/behandelen/termijnen/): four buckets of the civil servant's work.

- te laat: the decision term (Zaak.uiterlijke_einddatum_afdoening, kept by the term engine) ended
  before today, on a case still waiting for its decision and not suspended;
- deze week: it ends today or later in the current ISO week (Monday to Sunday, Dutch local dates);
- opgeschort: the term is suspended (4:15), whatever its end date;
- wacht op advies: open advice requests of open cases, by their term (overdue ones first).

The first three are disjoint: a suspended term stands still, so it is neither late nor due. A team
is a Django group: its cases are those of the processes whose task permissions the group holds, the
same permissions that put a task in its queue. Every list is a range on a partial index (zaak_termijn_lopend,
zaak_termijn_opgeschort, adviesverzoek_open_termijn); working days are counted for the shown page only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from django.contrib.auth.models import Group, Permission
from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zaken.adviezen import adviezen_open
from zaken.models import Adviesverzoek, Gemeente, Zaak, ZaakType
from zaken.models.zaak import TERMIJN_LOPEND
from zaken.registry import processes
from zaken.selectors import gemeenten_for_medewerker
from zaken.termijnen import werkdagen_tussen

from .services import flow_task_permissions

TE_LAAT, DEZE_WEEK, OPGESCHORT, ADVIES = "te-laat", "deze-week", "opgeschort", "advies"
LIJSTEN = (TE_LAAT, DEZE_WEEK, OPGESCHORT, ADVIES)


@lru_cache(maxsize=1)
def process_permissions() -> dict[str, frozenset[str]]:
    """Per registered process slug, the "app_label.codename" permissions of its flow's tasks."""
    return {definition.slug: frozenset(flow_task_permissions([import_string(definition.flow)]))
            for definition in processes if definition.flow}


def teams() -> QuerySet[Group]:
    """Groups that hold a task permission of some process: one query, as many rows as there are teams."""
    names = set().union(*process_permissions().values()) if process_permissions() else set()
    if not names:
        return Group.objects.none()
    held = Q()
    for name in sorted(names):
        app_label, codename = name.split(".", 1)
        held |= Q(permissions__content_type__app_label=app_label, permissions__codename=codename)
    return Group.objects.filter(held).distinct().order_by("name")


def team_processes(team: Group) -> list[str]:
    """The process slugs whose tasks the team may do."""
    held = {f"{app_label}.{codename}" for app_label, codename in
            Permission.objects.filter(group=team).values_list("content_type__app_label", "codename")}
    return sorted(slug for slug, names in process_permissions().items() if names & held)


@dataclass(frozen=True)
class Scope:
    gemeenten: list[Gemeente]  # the ones shown (one, or all of the user's)
    processen: list[str] | None  # the team's process slugs; None: every process


def _team(scope: Scope) -> QuerySet[ZaakType]:
    return ZaakType.objects.filter(process_slug__in=scope.processen)


def lopende_zaken(scope: Scope) -> QuerySet[Zaak]:
    """Cases whose decision term still runs: the rows of the partial indexes zaak_termijn_lopend/_opgeschort."""
    zaken = Zaak.objects.filter(TERMIJN_LOPEND, gemeente_id__in=[g.pk for g in scope.gemeenten])
    return zaken if scope.processen is None else zaken.filter(zaaktype__in=_team(scope))


def einde_week(vandaag: date) -> date:
    """The Sunday of the ISO week of `vandaag`."""
    return vandaag + timedelta(days=6 - vandaag.weekday())


def bucket(lijst: str, scope: Scope, vandaag: date) -> QuerySet:
    """The rows of one list, sorted by their deadline (ties by pk, so pages are stable)."""
    if lijst == ADVIES:
        # A decided case may still wait for an advice; only the case's end takes it off the list.
        verzoeken = adviezen_open().filter(gemeente_id__in=[g.pk for g in scope.gemeenten], zaak__einddatum__isnull=True)
        if scope.processen is not None:
            verzoeken = verzoeken.filter(zaak__zaaktype__in=_team(scope))
        return verzoeken
    zaken = lopende_zaken(scope)
    if lijst == TE_LAAT:
        zaken = zaken.filter(opschorting_indicatie=False, uiterlijke_einddatum_afdoening__lt=vandaag)
    elif lijst == DEZE_WEEK:
        zaken = zaken.filter(opschorting_indicatie=False, uiterlijke_einddatum_afdoening__gte=vandaag,
                             uiterlijke_einddatum_afdoening__lte=einde_week(vandaag))
    elif lijst == OPGESCHORT:
        zaken = zaken.filter(opschorting_indicatie=True)
    else:
        raise ValueError(lijst)
    return zaken.order_by("uiterlijke_einddatum_afdoening", "pk")


@dataclass(frozen=True)
class Rij:
    zaak: Zaak
    termijn: date
    te_laat: bool
    stand: str  # working days left or overdue, in words
    adviesverzoek: Adviesverzoek | None = None


def stand_tekst(termijn: date, vandaag: date) -> str:
    if termijn == vandaag:
        return _("vandaag")
    if termijn > vandaag:
        n = werkdagen_tussen(vandaag, termijn)
        return ngettext("nog %(n)s werkdag", "nog %(n)s werkdagen", n) % {"n": n}
    n = werkdagen_tussen(termijn, vandaag)
    return ngettext("%(n)s werkdag te laat", "%(n)s werkdagen te laat", n) % {"n": n}


class KnownCountPaginator(Paginator):
    """A paginator whose count was already taken (the dashboard's counts): no second COUNT query."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # the cached_property's slot


def tellingen(scope: Scope, vandaag: date) -> dict[str, int]:
    """One COUNT per list, each a range on its index."""
    return {lijst: bucket(lijst, scope, vandaag).count() for lijst in LIJSTEN}


def pagina(lijst: str, scope: Scope, vandaag: date, *, count: int, number, per_page: int) -> tuple[Page, list[Rij]]:
    """One page of a list with its rows; one query, whatever the size of the list."""
    rows = bucket(lijst, scope, vandaag)
    if lijst == ADVIES:
        rows = rows.select_related("zaak__zaaktype", "zaak__gemeente", "zaak__huidige_status__statustype")
    else:
        rows = rows.select_related("zaaktype", "gemeente", "huidige_status__statustype")
    page = KnownCountPaginator(rows, per_page, count=count).get_page(number)
    rijen = []
    for row in page.object_list:
        zaak, termijn = (row.zaak, row.termijn) if lijst == ADVIES else (row, row.uiterlijke_einddatum_afdoening)
        rijen.append(Rij(zaak=zaak, termijn=termijn, te_laat=termijn < vandaag, stand=stand_tekst(termijn, vandaag),
                         adviesverzoek=row if lijst == ADVIES else None))
    return page, rijen


@dataclass(frozen=True)
class Keuzes:
    """What the filter offers the user, and what was chosen."""

    gemeenten: list[Gemeente]
    teams: list[Group]
    scope: Scope


def scope_for_medewerker(*, user, gemeente_id: int | None, team_id: int | None) -> Keuzes:
    """The user's municipalities (or the one asked for) and team; LookupError for one not offered to them."""
    alle_gemeenten = list(gemeenten_for_medewerker(user))
    gemeenten = alle_gemeenten
    if gemeente_id is not None:
        gemeenten = [g for g in alle_gemeenten if g.pk == gemeente_id]
        if not gemeenten:
            raise LookupError("gemeente")
    alle_teams = list(teams())
    processen = None
    if team_id is not None:
        team = next((t for t in alle_teams if t.pk == team_id), None)
        if team is None:
            raise LookupError("team")
        processen = team_processes(team)
    return Keuzes(gemeenten=alle_gemeenten, teams=alle_teams, scope=Scope(gemeenten=gemeenten, processen=processen))
