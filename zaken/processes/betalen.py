"""Paying leges from an e-form, shared by the processes that take payment before treatment.

Not a process itself (no apps.py), so process discovery passes it by.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpResponseRedirect

from zaken.integrations.errors import IntegrationError
from zaken.models import Betaling, Zaak
from zaken.selectors import zaak_get_for_subject


def naar_de_betaling(request, *, zaak: Zaak, starten: Callable[[], Betaling], fout_key: str, verzonden_url: str,
                     tracker_url: str) -> HttpResponseRedirect:
    """Off to the provider's page; when it cannot be reached, the case waits and the sent page says how to pay
    later (the session's `fout_key` names the case)."""
    try:
        betaling = starten()
    except IntegrationError:
        request.session[fout_key] = zaak.identificatie
        return HttpResponseRedirect(verzonden_url)
    request.session.pop(fout_key, None)  # the provider answers again: the sent page stops saying it is down
    if betaling.status == Betaling.Status.PAID or not betaling.checkout_url:
        return HttpResponseRedirect(tracker_url)
    return HttpResponseRedirect(betaling.checkout_url)


def zaak_om_te_betalen(request, *, model) -> Zaak:
    """The case a "Nu betalen" button POSTs: the applicant's own, of this process, else 404."""
    try:
        zaak = zaak_get_for_subject(gemeente=request.gemeente, auth=request.auth_context,
                                    identificatie=(request.POST.get("zaak") or "")[:40])
    except Zaak.DoesNotExist:
        raise Http404 from None
    if not model.objects.filter(zaak=zaak).exists():
        raise Http404
    return zaak
