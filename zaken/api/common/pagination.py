"""ZGW pagination: `?page=`, and `count`, `next`, `previous`, `results`.

How the total is counted is the paginator's business: the Catalogi lists are small (a plain count,
or none at all for a list in memory); a list over a million zaken plugs in a cheaper paginator via
`django_paginator_class` (see docs/zgw.md: a capped count as zaken.paging.capped_count does).
"""

from django.core.paginator import Paginator
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


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
