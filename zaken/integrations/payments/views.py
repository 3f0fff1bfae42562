"""Payment routes: the provider's webhook, the citizen's return, and the mock's hosted page."""

import logging

from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zaken.models import Betaling

from ..errors import IntegrationError, NotFound
from ..registry import get_adapter
from ..tasks import betaling_verwerken as betaling_verwerken_task
from .base import CANCELED, FAILED, OPEN, PAID
from .mock import kiezen, mock_payment
from .services import betaling_verwerken

logger = logging.getLogger(__name__)


@csrf_exempt  # server to server: the provider has no session; we trust only the id and ask it ourselves
@require_POST
def webhook(request):
    provider_id = request.POST.get("id", "")
    if not provider_id or not Betaling.objects.filter(provider_id=provider_id).exists():
        raise Http404
    # The provider gets its 200 at once; the worker fetches the status and retries while it is down.
    transaction.on_commit(lambda: betaling_verwerken_task.delay(provider_id=provider_id))
    return HttpResponse(status=200)


@never_cache
@require_GET
def terug(request, uuid):
    """The citizen is back from the provider: reconcile now if we can, then on to the caller's page."""
    betaling = get_object_or_404(Betaling, uuid=uuid)
    if betaling.provider_id:
        try:
            betaling_verwerken(betaling.provider_id)
        except IntegrationError:
            logger.warning("payment %s: provider unavailable on return; the webhook or timer will follow",
                           betaling.pk)
    return HttpResponseRedirect(betaling.terug_url)


KEUZES = {"betalen": PAID, "mislukt": FAILED, "annuleren": CANCELED}


@never_cache
@require_http_methods(["GET", "POST"])
def mock_checkout(request, provider_id):
    """The mock provider's hosted payment page, for the in-process mock and the Mollie-shaped mock
    service alike (one ledger); exists only while a mock payment provider is configured."""
    if not get_adapter("payments").is_mock:
        raise Http404
    try:
        payment = mock_payment(provider_id)
    except NotFound:
        raise Http404 from None
    if request.method == "POST" and payment.status == OPEN and request.POST.get("keuze") in KEUZES:
        payment = kiezen(provider_id, KEUZES[request.POST["keuze"]])
        # The provider's webhook call, queued as a real one would be sent after the choice.
        transaction.on_commit(lambda: betaling_verwerken_task.delay(provider_id=provider_id))
        return HttpResponseRedirect(payment.return_url)
    if request.method == "POST" or payment.status != OPEN:
        return render(request, "payments/mock_checkout.html",
                      {"payment": payment, "title": _("Deze betaling is afgerond")}, status=200)
    euro = f"{payment.bedrag_cent // 100},{payment.bedrag_cent % 100:02d}"
    return render(request, "payments/mock_checkout.html",
                  {"payment": payment, "euro": euro, "title": _("Betalen (testomgeving)")})
