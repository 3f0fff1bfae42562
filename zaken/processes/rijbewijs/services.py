"""Writes of the renewal: file it and take its payment; the shared pieces of the other steps.

The automatic steps (order, ready, lapse) are in `automation`, the counter's handover in `handover`.
Every step is idempotent under a row lock, so a webhook, a return, a retry and the sweep may race.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaken.actors import Actor
from zaken.forms.rijbewijs.prefill import RijbewijsPrefill
from zaken.identity import AuthContext
from zaken.integrations.payments.services import betaling_starten, terugbetaling_aanvragen
from zaken.models import Betaling, Gemeente, GemeenteProduct, Rol
from zaken.notifications import notify_initiator
from zaken.processes.shared import ProcessRefused
from zaken.services import product_terms, receipt_queue, zaak_create
from zaken.termijn_engine import zaak_termijn_herberekenen
from zaken.termijnen import NL_TIME, lokale_dag, werkdagen_na

from .definition import DEFAULT_TERMS, SLUG
from .models import Afhaallocatie, Rijbewijs

logger = logging.getLogger(__name__)

BIJ_BETAALD = "zaken.processes.rijbewijs.services.rijbewijs_betaald"


class RijbewijsRefused(ProcessRefused):
    """A rule refuses the step; `message` is for the person in front of the screen, in Dutch."""


def terms_for(gemeente: Gemeente, gemeente_product: GemeenteProduct | None = None) -> dict:
    """The municipality's terms; a caller that holds its GemeenteProduct of this product passes it (no query)."""
    return product_terms(gemeente=gemeente, defaults=DEFAULT_TERMS, product_slug=SLUG,
                         gemeente_product=gemeente_product)


def leges_cent(gemeente: Gemeente, gemeente_product: GemeenteProduct | None = None) -> int:
    gp = gemeente_product or GemeenteProduct.objects.filter(gemeente=gemeente, product__slug=SLUG).only("leges").first()
    return int(round((gp.leges if gp else 0) * 100))


def euro(cent: int) -> str:
    return f"€ {cent // 100},{cent % 100:02d}"


def begin_van_dag(day) -> datetime:
    return datetime.combine(day, time(0, 5), tzinfo=NL_TIME)


@dataclass(frozen=True)
class Aanvraag:
    prefill: RijbewijsPrefill  # read again from the RDW when the form is sent
    categorieen: list[str]  # chosen by the citizen among prefill.te_verlengen
    afhaallocatie: Afhaallocatie
    email: str
    telefoon: str


@transaction.atomic
def rijbewijs_indienen(*, aanvraag: Aanvraag, auth: AuthContext, gemeente: Gemeente) -> Rijbewijs:
    """Register the application (it waits for its payment); the receipt follows the payment."""
    prefill = aanvraag.prefill
    if not prefill.kan_online:
        raise RijbewijsRefused(prefill.blokkade.uitleg)
    te_verlengen = {c.categorie: c for c in prefill.te_verlengen}
    if not aanvraag.categorieen or set(aanvraag.categorieen) - set(te_verlengen):
        raise RijbewijsRefused(_("Kies opnieuw welke categorieën u wilt verlengen."), "categorieen")
    if aanvraag.afhaallocatie.gemeente_id != gemeente.pk or not aanvraag.afhaallocatie.actief:
        raise RijbewijsRefused(_("Kies een afhaallocatie uit de lijst."), "afhaallocatie")
    terms = terms_for(gemeente)
    # One open renewal per person: lock their rows so that two submissions cannot both pass.
    if Rijbewijs.objects.select_for_update().filter(bsn=auth.bsn, state__in=Rijbewijs.OPEN_STATES).exists():
        raise RijbewijsRefused(_("U hebt al een aanvraag voor een nieuw rijbewijs die nog loopt. U vindt haar bij "
                                 "Mijn zaken."))
    gekozen = [te_verlengen[c] for c in sorted(aanvraag.categorieen, key=list(te_verlengen).index)]
    cent = leges_cent(gemeente)
    gegevens = {
        "Rijbewijsnummer": prefill.rijbewijs.get("rijbewijsnummer", ""),
        "Te verlengen categorieën": [f"{c.categorie}: geldig tot {c.nieuw_geldig_tot:%d-%m-%Y}" for c in gekozen],
        "Afhaallocatie": f"{aanvraag.afhaallocatie.naam}, {aanvraag.afhaallocatie.adres}",
        "Leges": euro(cent),
        "E-mailadres": aanvraag.email,
        "Telefoonnummer": aanvraag.telefoon,
    }
    actor = Actor.from_auth(auth)
    zaak = zaak_create(
        gemeente=gemeente, process_slug=SLUG, actor=actor, initial_status=Rijbewijs.State.ONTVANGEN,
        gegevens=gegevens, receipt=False,
        # Ready this many working days after the payment: paid today, this is the day (moved on payment).
        einddatum_gepland=werkdagen_na(timezone.localdate(), terms["productie_werkdagen"]),
        initiator={"betrokkene_type": Rol.BetrokkeneType.NATUURLIJK_PERSOON, "inp_bsn": auth.bsn,
                   "naam": (prefill.naam or auth.display_name)[:Rol._meta.get_field("naam").max_length],
                   "email": aanvraag.email, "telefoon": aanvraag.telefoon})
    rijbewijs = Rijbewijs.objects.create(
        zaak=zaak, bsn=auth.bsn, naam=prefill.naam, rijbewijsnummer=prefill.rijbewijs.get("rijbewijsnummer", ""),
        categorieen=[c.as_json() for c in gekozen], afhaallocatie=aanvraag.afhaallocatie, email=aanvraag.email,
        telefoon=aanvraag.telefoon, leges_cent=cent,
        volgende_controle=timezone.now() + timedelta(days=terms["betaaltermijn_dagen"]))
    from .flows import RijbewijsFlow

    RijbewijsFlow.start.run(case=rijbewijs)
    if cent == 0:  # a municipality without leges: nothing to pay
        _betaald(rijbewijs, moment=timezone.now(), betaling=None)
    return rijbewijs


def rijbewijs_betaling(*, rijbewijs: Rijbewijs, site_url: str, terug_url: str) -> Betaling:
    """The payment of this application: the open or paid one, else a new one (a reload never pays twice)."""
    if rijbewijs.state != Rijbewijs.State.ONTVANGEN:
        raise RijbewijsRefused(_("Deze aanvraag hoeft niet (meer) betaald te worden."))
    return betaling_starten(
        sleutel=f"rijbewijs:{rijbewijs.zaak_id}", bedrag_cent=rijbewijs.leges_cent, zaak=rijbewijs.zaak,
        omschrijving=_("Leges rijbewijs %(id)s") % {"id": rijbewijs.zaak.identificatie}, terug_url=terug_url,
        site_url=site_url, bij_betaald=BIJ_BETAALD)


def rijbewijs_betaald(betaling: Betaling) -> None:
    """The payment hook: runs once, in the transaction that marks the payment paid."""
    rijbewijs = Rijbewijs.objects.select_for_update().select_related("zaak").get(zaak_id=betaling.zaak_id)
    if rijbewijs.state != Rijbewijs.State.ONTVANGEN:
        # Paid after the application lapsed unpaid (or a second payment): nothing to deliver, so refund it.
        logger.warning("rijbewijs %s: payment %s arrived in state %s", rijbewijs.pk, betaling.pk, rijbewijs.state)
        terugbetaling_aanvragen(betaling, reden=_("Betaald nadat de aanvraag was vervallen."))
        return
    _betaald(rijbewijs, moment=betaling.paid_at, betaling=betaling)


def _betaald(rijbewijs: Rijbewijs, *, moment: datetime, betaling: Betaling | None) -> None:
    from .flows import RijbewijsFlow

    terms = terms_for(rijbewijs.zaak.gemeente)
    rijbewijs.betaald_op = moment
    rijbewijs.verwacht_gereed = werkdagen_na(lokale_dag(moment), terms["productie_werkdagen"])
    # Due now: the order step queued by the flow takes it at once; if that task is lost, the sweep does.
    rijbewijs.volgende_controle = timezone.now()
    rijbewijs.betalen(by=Actor.system("betaling"), toelichting=_("Betaald: %(b)s.") % {"b": euro(rijbewijs.leges_cent)})
    rijbewijs.save()
    zaak = rijbewijs.zaak
    zaak.gegevens = {**zaak.gegevens, "Betaald": _("%(b)s op %(d)s") % {
        "b": euro(rijbewijs.leges_cent), "d": timezone.localtime(moment).strftime("%d-%m-%Y %H:%M")}}
    if betaling is not None:
        zaak.gegevens["Betalingskenmerk"] = str(betaling.uuid)
    zaak.einddatum_gepland = rijbewijs.verwacht_gereed
    zaak.save(update_fields=["gegevens", "einddatum_gepland"])
    zaak_termijn_herberekenen(zaak=zaak)  # the tracker's streefdatum follows the day it is expected
    receipt_queue(zaak)  # the application is complete now that it is paid
    if betaling is not None:  # a municipality without leges: no payment to confirm
        pk = rijbewijs.pk
        transaction.on_commit(lambda: brief_inplannen(pk, "betaalbewijs"))
        notify_initiator(zaak=zaak, subject=_("Wij hebben uw betaling ontvangen"), body=_(
            "Uw aanvraag voor een nieuw rijbewijs is betaald. Wij verwachten dat het op %(d)s klaar is om af te "
            "halen. U ziet de voortgang op Mijn zaken.") % {"d": rijbewijs.verwacht_gereed.strftime("%d-%m-%Y")})
    RijbewijsFlow.complete_waiting(case=rijbewijs, node_name="betaling")


def brief_inplannen(rijbewijs_id: int, soort: str) -> None:
    from .tasks import brief_maken

    brief_maken.delay(rijbewijs_id=rijbewijs_id, soort=soort)


def afhalen_afsluiten(rijbewijs: Rijbewijs, *, onderwerp: str, bericht: str, brief: str = "") -> None:
    """The wait at the counter ends (handed out, refused, lapsed): the flow moves on, the letter and mail go."""
    from .flows import RijbewijsFlow

    rijbewijs.save()
    RijbewijsFlow.complete_waiting(case=rijbewijs, node_name="afhalen")
    if brief:
        pk = rijbewijs.pk
        transaction.on_commit(lambda: brief_inplannen(pk, brief))
    notify_initiator(zaak=rijbewijs.zaak, subject=onderwerp, body=bericht)
