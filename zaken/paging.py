"""Pages of the back-office lists (and the processes' work lists) whose cost does not grow with the cases.

- capped_count: counts at most `cap` rows (`SELECT COUNT(*) FROM (... LIMIT cap+1)`), so the case list
  of a million rows says "meer dan 10.000" instead of scanning them.
- CappedCount: the same for the menu's inbox and queue counts ('99+'), which run on every back-office page.
- PeekPaginator: no count at all for the task, process and work lists (their rows are joins away from
  the municipality scope); a page reads one row more than it shows.
- Keyset pages (keyset_page) for the case list: "after this row" instead of an offset, so the
  hundredth page costs what the first does.
"""

from __future__ import annotations

import base64
import binascii
import heapq
from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

MERGE_MAX = 10  # up to this many municipalities, the case list reads a page of each and merges them
CAP = 10_000  # the case list: an index-only range on zaak_lijst
SEARCH_CAP = 200  # the case list searched by a part of the number
MENU_CAP = 99


def capped_count(queryset: QuerySet, cap: int) -> tuple[int, bool]:
    """(rows, more): at most `cap` rows counted; `more` when there are more than `cap`.

    Without the list's ORDER BY: the planner may then stop at the first `cap` rows in any order,
    instead of sorting every row of the list first.
    """
    n = queryset.order_by()[: cap + 1].count()
    return min(n, cap), n > cap


class PeekPaginator(Paginator):
    """Pages without any COUNT: a page reads one row more than it shows, to know whether a next one
    exists. The task and process lists use it: each of their rows is two joins (process, case) away
    from the municipality scope, so even a capped count walks hundreds of rows. Offsets stop at
    max_pages (the filters narrow a longer list)."""

    max_pages = 40
    count = 0  # set by page(); never Paginator's COUNT query (?page=last is page 1)
    capped = True  # the total is known on the last page only: "Pagina 3", then "Pagina 4 van 4"

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(_("Dat paginanummer is geen geheel getal.")) from None
        if not 1 <= number <= self.max_pages:
            raise EmptyPage(_("Die pagina bevat geen resultaten."))
        return number

    def get_page(self, number):
        try:
            return self.page(number)
        except (PageNotAnInteger, EmptyPage):
            return self.page(1)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom: bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(_("Die pagina bevat geen resultaten."))
        self.more = self.capped = len(rows) > self.per_page and number < self.max_pages
        # What the page needs of a count: has_next() and end_index() read num_pages and count.
        self.count = bottom + min(len(rows), self.per_page) + (1 if self.more else 0)
        return self._get_page(rows[: self.per_page], number, self)

    @property
    def count_label(self) -> str:
        shown = self.count - 1 if self.more else self.count
        return _("meer dan %(n)s") % {"n": shown} if self.more else str(shown)


class CappedCount:
    """`{{ user_inbox.count }}` in viewflow's menu, counted up to MENU_CAP ('99+')."""

    def __init__(self, queryset: QuerySet, cap: int = MENU_CAP):
        self.queryset, self.cap = queryset, cap

    @cached_property
    def count(self) -> str:
        n, more = capped_count(self.queryset, self.cap)
        return f"{n}+" if more else str(n)


@dataclass(frozen=True)
class KeysetPage:
    object_list: list
    next_cursor: str | None  # the `na` parameter of the next page; None on the last page
    is_first: bool

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None


def _encode(row) -> str:
    raw = f"{row.registratiedatum.isoformat()}|{row.pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[datetime, int] | None:
    """The (registratiedatum, pk) a page starts after; None for a missing or mangled cursor (first page)."""
    if not cursor or len(cursor) > 100:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, pk = raw.split("|")
        return datetime.fromisoformat(moment), int(pk)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        return None


def keyset_page(queryset: QuerySet, cursor: str | None, per_page: int, *, gemeente_ids=()) -> KeysetPage:
    """One page of a queryset ordered by (-registratiedatum, -pk), starting after the cursor's row.

    With a few municipalities (gemeente_ids, at most MERGE_MAX), each one's page is an ordered range
    on zaak_lijst and the pages are merged here: one `gemeente_id IN (...)` query cannot use the
    index's order and sorts every case of those municipalities (to disk, for a big one).
    """
    after = decode_cursor(cursor)
    if after is not None:
        moment, pk = after
        # Both terms: the first lets the index range start at the cursor, the second breaks ties.
        queryset = queryset.filter(Q(registratiedatum__lt=moment) | Q(registratiedatum=moment, pk__lt=pk),
                                   registratiedatum__lte=moment)
    if 1 < len(gemeente_ids) <= MERGE_MAX:
        pages = [list(queryset.filter(gemeente_id=gemeente_id)[: per_page + 1]) for gemeente_id in gemeente_ids]
        rows = list(heapq.merge(*pages, key=lambda zaak: (zaak.registratiedatum, zaak.pk), reverse=True))
        rows = rows[: per_page + 1]
    else:
        rows = list(queryset[: per_page + 1])
    return KeysetPage(object_list=rows[:per_page], next_cursor=_encode(rows[per_page - 1]) if len(rows) > per_page else None,
                      is_first=after is None)
