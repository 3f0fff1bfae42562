"""ZGW pagination: `?page=`, and `count`, `next`, `previous`, `results`.

How the total is counted is the paginator's business: the Catalogi lists are in memory (ZGWPagination,
the default); every list over the database uses CappedPagination, whose `count` never scans more than
zaken.paging.CAP rows of a municipality's million cases (docs/zgw.md, Pagination).
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from zaken import paging


def capped(queryset, cap: int | None = None) -> int:
    """A queryset's rows, counted up to `cap` (default zaken.paging.CAP, read at call time): a COUNT over at
    most cap + 1 rows without ORDER BY."""
    return paging.capped_count(queryset, paging.CAP if cap is None else cap)[0]


class ZGWPagination(PageNumberPagination):
    page_size = 100
    page_query_param = "page"
    django_paginator_class = Paginator

    def get_count(self, page) -> int:
        """The `count` of the response; a cheaper paginator may report an estimate or a capped count."""
        return page.paginator.count

    def get_paginated_response(self, data):
        return Response({"count": self.get_count(self.page), "next": self.get_next_link(),
                         "previous": self.get_previous_link(), "results": data})

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "results"],
            "properties": {
                "count": {"type": "integer", "example": 123},
                "next": {"type": "string", "nullable": True, "format": "uri", "example": "https://…?page=4"},
                "previous": {"type": "string", "nullable": True, "format": "uri", "example": "https://…?page=2"},
                "results": schema,
            },
        }


class CappedPaginator(Paginator):
    """count = at most the cap; pages end there. The spec wants an integer count: past the cap it says the
    cap, and the pages stop at cap / page size (a page beyond is a 404, like any page past the end): filters
    narrow a longer list."""

    cap: int | None = None  # None: zaken.paging.CAP

    @cached_property
    def count(self) -> int:
        return capped(self.object_list, self.cap)


class CappedPagination(ZGWPagination):
    """The pages of every list over the database (zaken, statussen, rollen, resultaten, zaakobjecten,
    besluiten, enkelvoudiginformatieobjecten)."""

    django_paginator_class = CappedPaginator
