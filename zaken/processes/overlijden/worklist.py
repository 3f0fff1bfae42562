"""The urgent work list of the ambtenaar van de burgerlijke stand (/behandelen/werklijst/aangifte-overlijden/).

Mounted by the back-office site from ProcessDefinition.worklist, behind its login and membership guard.
"""

from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from zaken.paging import PeekPaginator

from .selectors import resterende_tijd, werklijst_for_medewerker

PAGE_SIZE = 25


@require_GET
@never_cache
def werklijst(request):
    now = timezone.now()
    # No count: each row is a join away from the municipality, so even a capped count walks every open case.
    page = PeekPaginator(werklijst_for_medewerker(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(o, resterende_tijd(o.uitvaart_op, now)) for o in page.object_list]
    return TemplateResponse(request, "overlijden/werklijst.html", {"rows": rows, "page": page, "now": now})
