"""Choosing a municipality, its product catalogue, and the entry to each e-form."""

from django.shortcuts import get_object_or_404, render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from zaken.models import GemeenteProduct
from zaken.registry import processes

from .. import chooser
from ..decorators import login_redirect
from ..selectors import company_access, product_access
from ..tenancy import request_tenancy


@require_safe
def gemeente_choose(request):
    state = request_tenancy(request)
    zoek = request.GET.get("zoek", "").strip()[:100]
    if zoek:
        return render(request, "portal/gemeente_choose.html", {"zoek": zoek, "gevonden": chooser.zoeken(state, zoek)})
    return render(request, "portal/gemeente_choose.html", {"lijst": chooser.lijst_html(state)})


def _catalogue(gemeente) -> list[dict]:
    producten = GemeenteProduct.objects.filter(gemeente=gemeente, actief=True).select_related("product")
    return [{"gp": gp, "available": gp.product.slug in processes} for gp in producten
            if gp.product.slug not in processes or processes.get(gp.product.slug).in_catalogus]


@require_safe
def home(request):
    # Kept per process until a municipality or product changes (portal.tenancy); read-only in the template.
    catalogue = request_tenancy(request).memo(("catalogue", request.gemeente.pk), lambda: _catalogue(request.gemeente))
    return render(request, "portal/home.html", {"catalogue": catalogue})


@require_http_methods(["GET", "HEAD", "POST"])
def product_start(request, product: str, step: str = ""):
    gp = get_object_or_404(GemeenteProduct.objects.select_related("product"),
                           gemeente=request.gemeente, product__slug=product, actief=True)
    if product not in processes:
        return render(request, "portal/product_unavailable.html", {"gp": gp})
    definition = processes.get(product)
    if not definition.start_view:  # filed elsewhere (a bezwaar: on the besluit in Mijn zaken)
        return render(request, "portal/product_unavailable.html",
                      {"gp": gp, "elders": _(definition.elders_tekst) if definition.elders_tekst else ""})
    access = product_access(gp=gp, definition=definition, auth=request.auth_context)
    if access.needs_login:
        return login_redirect(request)
    if not access.allowed:
        return render(request, "portal/product_level.html", {"gp": gp, "access": access}, status=403)
    company = company_access(gp=gp, definition=definition, auth=request.auth_context)
    if not company.allowed:
        uitleg = _(definition.company_refused_text) if definition.company_refused_text else ""
        return render(request, "portal/product_company.html", {"gp": gp, "company": company, "uitleg": uitleg},
                      status=503 if company.reason == "kvk_onbereikbaar" else 403)
    view = import_string(definition.start_view)
    # Later steps of a process's form live below its start route; the process handles them.
    return view(request, gemeente_product=gp, definition=definition, **({"step": step} if step else {}))
