"""The deadline dashboard: four counts, and one list at a time, paginated (selectors in dashboard.py)."""

from django import forms
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from .dashboard import ADVIES, DEZE_WEEK, LIJSTEN, OPGESCHORT, TE_LAAT, pagina, scope_for_medewerker, tellingen

PAGE_SIZE = 25
TITELS = {TE_LAAT: _("Te laat"), DEZE_WEEK: _("Deze week"), OPGESCHORT: _("Opgeschort"),
          ADVIES: _("Wacht op advies")}
UITLEG = {
    TE_LAAT: _("De beslistermijn is verstreken en er is nog niet besloten."),
    DEZE_WEEK: _("De beslistermijn eindigt vandaag of later in deze week (tot en met zondag)."),
    OPGESCHORT: _("De termijn staat stil, bijvoorbeeld voor een verzoek om aanvulling (artikel 4:15 Awb)."),
    ADVIES: _("Gevraagde adviezen die nog niet zijn vastgelegd; verlopen adviestermijnen eerst."),
}


class DashboardFilterForm(forms.Form):
    """Which municipality, team and list. A value that is not offered to the user is a 404, not a hint."""

    gemeente = forms.IntegerField(required=False, min_value=1)
    team = forms.IntegerField(required=False, min_value=1)
    lijst = forms.ChoiceField(required=False, choices=[(lijst, lijst) for lijst in LIJSTEN])


@require_GET
def termijnen_dashboard(request):
    form = DashboardFilterForm(request.GET)
    if not form.is_valid():
        raise Http404
    gemeente_id, team_id = form.cleaned_data["gemeente"], form.cleaned_data["team"]
    lijst = form.cleaned_data["lijst"] or TE_LAAT
    try:
        keuzes = scope_for_medewerker(user=request.user, gemeente_id=gemeente_id, team_id=team_id)
    except LookupError:
        raise Http404 from None
    vandaag = timezone.localdate()
    counts = tellingen(keuzes.scope, vandaag)
    page, rijen = pagina(lijst, keuzes.scope, vandaag, count=counts[lijst], number=request.GET.get("page"),
                         per_page=PAGE_SIZE)
    filters = {key: value for key, value in (("gemeente", gemeente_id), ("team", team_id)) if value}
    return TemplateResponse(request, "backoffice/termijnen.html", {
        "vandaag": vandaag, "keuzes": keuzes, "gemeente_id": gemeente_id, "team_id": team_id, "filters": filters,
        "lijsten": [(key, TITELS[key], counts[key]) for key in LIJSTEN],
        "lijst": lijst, "titel": TITELS[lijst], "uitleg": UITLEG[lijst], "page": page, "rijen": rijen,
    })
