"""Payments of leges: start one (idempotent per key) and reconcile it with the provider.

Reconciliation (`betaling_verwerken`) runs from the webhook, from the citizen's return and from a
Celery task, whichever comes first; it takes a row lock and applies each outcome once. The
caller's `bij_betaald` hook runs in the same transaction as the change to paid, so exactly once.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.module_loading import import_string

from zaken.models import Betaling

from ..errors import IntegrationError, Misconfigured, NotFound

logger = logging.getLogger(__name__)

DEFAULT_GELDIG = timedelta(minutes=30)


def _registries():
    from ..registry import registries

    return registries["payments"]


def _adapter(betaling: Betaling):
    """The provider that made this payment, acting for its case's municipality (each has its own account)."""
    gemeente = betaling.zaak.gemeente_id if betaling.zaak_id else None
    return _registries().get(betaling.provider).bind(gemeente)


def geldigheid() -> timedelta:
    """How long an unpaid payment stays open (settings.BETALING_GELDIG_MINUTEN, default 30)."""
    minutes = getattr(settings, "BETALING_GELDIG_MINUTEN", None)
    return timedelta(minutes=minutes) if minutes else DEFAULT_GELDIG


def _open_of_betaald(sleutel: str) -> Betaling | None:
    """The payment to reuse for this key: a paid one, or an open one that has not expired."""
    now = timezone.now()
    for betaling in Betaling.objects.select_for_update().filter(
            sleutel=sleutel, status__in=[Betaling.Status.PAID, Betaling.Status.OPEN]).order_by("-created"):
        if betaling.status == Betaling.Status.PAID or betaling.expires_at > now:
            return betaling
        betaling.verlopen()
        betaling.save(update_fields=["status"])
    return None


def betaling_starten(*, sleutel: str, bedrag_cent: int, omschrijving: str, terug_url: str, site_url: str,
                     zaak=None, bij_betaald: str = "", geldig: timedelta | None = None) -> Betaling:
    """The payment for `sleutel`: the existing paid or still open one, else a new one at the provider.

    `terug_url` is a path of this site where the citizen lands afterwards; `site_url` is this site's
    scheme and host (for the provider's return and webhook URLs). Raises IntegrationError
    (Unavailable) when the provider is down; nothing is stored then, so the citizen can simply retry.
    """
    if not url_has_allowed_host_and_scheme(terug_url, allowed_hosts=None):
        raise ValueError("terug_url must be a path of this site")
    adapter = _registries().get(settings.INTEGRATIONS["payments"]).bind(zaak.gemeente_id if zaak else None)
    try:
        with transaction.atomic():
            bestaand = _open_of_betaald(sleutel)
            if bestaand:
                return bestaand
            betaling = Betaling.objects.create(
                sleutel=sleutel, zaak=zaak, bedrag_cent=bedrag_cent, omschrijving=omschrijving,
                provider=adapter.key, terug_url=terug_url, bij_betaald=bij_betaald,
                expires_at=timezone.now() + (geldig or geldigheid()))
            site = site_url.rstrip("/")
            # Held in the transaction: if the provider is down, our row goes too.
            extern = adapter.betaling_aanmaken(
                bedrag_cent=bedrag_cent, omschrijving=omschrijving, referentie=str(betaling.uuid),
                return_url=site + reverse("betalen:terug", args=[betaling.uuid]),
                webhook_url=site + reverse("betalen:webhook"), expires_at=betaling.expires_at)
            betaling.provider_id = extern.id
            betaling.checkout_url = extern.checkout_url
            betaling.save(update_fields=["provider_id", "checkout_url"])
    except IntegrityError:
        # A concurrent request (double click) opened it first: return that one.
        with transaction.atomic():
            bestaand = _open_of_betaald(sleutel)
        if bestaand is None:
            raise
        return bestaand
    logger.info("payment %s started at %s", betaling.pk, adapter.key)
    return betaling


def betaling_verwerken(provider_id: str) -> Betaling:
    """Fetch the provider's status and apply it; a second call with the same outcome changes nothing.

    Raises Betaling.DoesNotExist for an unknown id and IntegrationError when the provider is down.
    """
    betaling = Betaling.objects.select_related("zaak").get(provider_id=provider_id)
    status = _adapter(betaling).betaling_ophalen(provider_id)
    with transaction.atomic():
        betaling = Betaling.objects.select_for_update().get(pk=betaling.pk)
        if status == betaling.status:
            return betaling
        if status == Betaling.Status.PAID and betaling.status in (Betaling.Status.OPEN, Betaling.Status.EXPIRED):
            betaling.betaald(timezone.now())
            betaling.save(update_fields=["status", "paid_at"])
            if betaling.bij_betaald:
                import_string(betaling.bij_betaald)(betaling)
        elif betaling.status == Betaling.Status.OPEN and status in _OVERGANGEN:
            getattr(betaling, _OVERGANGEN[status])()
            betaling.save(update_fields=["status"])
        else:
            return betaling
    logger.info("payment %s is now %s", betaling.pk, betaling.status)
    return betaling


_OVERGANGEN = {Betaling.Status.FAILED: "mislukt", Betaling.Status.CANCELED: "geannuleerd",
               Betaling.Status.EXPIRED: "verlopen"}


def betalingen_laten_verlopen() -> int:
    """Timer step: open payments past their time expire, unless the provider says they were paid."""

    verlopen = 0
    for betaling in Betaling.objects.filter(status=Betaling.Status.OPEN, expires_at__lte=timezone.now()):
        if betaling.provider_id:
            try:
                betaling = betaling_verwerken(betaling.provider_id)
            except IntegrationError:
                pass  # the provider is down: expire on our side anyway; a late payment still counts
        with transaction.atomic():
            betaling = Betaling.objects.select_for_update().get(pk=betaling.pk)
            if betaling.status == Betaling.Status.OPEN:
                betaling.verlopen()
                betaling.save(update_fields=["status"])
        verlopen += betaling.status == Betaling.Status.EXPIRED
    return verlopen


def terugbetaling_aanvragen(betaling: Betaling, *, reden: str) -> Betaling:
    """Ask for a full refund of a paid payment (idempotent), and try it now; the sweep retries.

    Call it in the transaction that decides the refund: the request is stored with it, and the
    provider is asked only after the commit.
    """
    if betaling.status != Betaling.Status.PAID:
        raise ValueError("only a paid payment is refunded")
    updated = Betaling.objects.filter(pk=betaling.pk, terugbetaling_gevraagd_op__isnull=True).update(
        terugbetaling_gevraagd_op=timezone.now(), terugbetaling_reden=reden[:255])
    if updated:
        pk = betaling.pk
        transaction.on_commit(lambda: _terugbetaling_proberen(pk))
    betaling.refresh_from_db()
    return betaling


def _terugbetaling_proberen(pk: int) -> None:
    try:
        terugbetaling_uitvoeren(pk)
    except NotFound:
        pass  # logged as an error by terugbetaling_uitvoeren
    except IntegrationError:
        logger.warning("payment %s: provider unavailable for the refund; the sweep retries", pk)


def terugbetaling_uitvoeren(pk: int) -> Betaling:
    """Have the provider refund the payment once; raises IntegrationError while it is down."""
    with transaction.atomic():
        betaling = Betaling.objects.select_for_update(of=("self",)).select_related("zaak").get(pk=pk)
        if betaling.terugbetaald_op or not betaling.terugbetaling_gevraagd_op:
            return betaling
        try:
            betaling.terugbetaling_id = _adapter(betaling).terugbetalen(
                betaling.provider_id, bedrag_cent=betaling.bedrag_cent, omschrijving=betaling.omschrijving)
        except NotFound:
            # Not paid there, or (partly) refunded in the provider's dashboard: a person has to look.
            logger.error("payment %s: the provider refuses the refund; check it in the provider's dashboard", pk)
            raise
        betaling.terugbetaald_op = timezone.now()
        betaling.save(update_fields=["terugbetaling_id", "terugbetaald_op"])
    logger.info("payment %s refunded", pk)
    return betaling


def terugbetalingen_uitvoeren() -> int:
    """Timer step: refunds asked for but not done yet (the provider was down)."""
    done = 0
    for pk in Betaling.objects.filter(terugbetaling_gevraagd_op__isnull=False, terugbetaald_op__isnull=True
                                      ).values_list("pk", flat=True)[:500]:
        try:
            done += bool(terugbetaling_uitvoeren(pk).terugbetaald_op)
        except (NotFound, Misconfigured):
            continue  # this payment's or its municipality's own problem (logged): the others still go
        except IntegrationError:
            break  # the provider is still down: the next sweep tries again
    return done
