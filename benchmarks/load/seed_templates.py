"""The seeder's templates: each process's demo cases filed through the real services (Celery eager), so that
their rows are what the application itself writes, then walked on as time would."""

from seed_db import log


def templates_make() -> None:
    """Each process's demo cases, filed through its services: what a real case writes."""
    from django.utils.module_loading import import_string

    from zaken.models import Zaak
    from zaken.registry import processes

    if Zaak.objects.exists():
        log("templates: cases exist already, reusing them")
        return
    for definition in processes:
        if definition.demo_cases:
            import_string(definition.demo_cases)(stdout=None)
    templates_finish()


def templates_finish() -> None:
    """Walk some demo cases on, as time would: both driving licences paid and ready at the counter, one
    handed out; the event's melding accepted after its prohibition period. Gives finished templates
    for every process and open ones in every work list."""
    from datetime import timedelta

    import time_machine
    from django.contrib.auth import get_user_model

    from zaken.integrations.payments.services import betaling_verwerken
    from zaken.integrations.payments.views import KEUZES
    from zaken.integrations.registry import get_adapter
    from zaken.processes.evenementenvergunning.models import Evenement
    from zaken.processes.rijbewijs.handover import IdControle, rijbewijs_uitreiken
    from zaken.processes.rijbewijs.models import Rijbewijs
    from zaken.processes.rijbewijs.services import rijbewijs_betaling
    from zaken.timers import sweep

    rijbewijzen = list(Rijbewijs.objects.filter(state=Rijbewijs.State.ONTVANGEN).select_related("zaak"))
    for rijbewijs in rijbewijzen:
        betaling = rijbewijs_betaling(rijbewijs=rijbewijs, site_url="http://localhost", terug_url="/")
        get_adapter("payments").kiezen(betaling.provider_id, KEUZES["betalen"])
        betaling_verwerken(betaling.provider_id)
    for _ in range(3):  # ordered, produced, ready: each at its next check
        moments = [r.volgende_controle for r in Rijbewijs.objects.filter(pk__in=[r.pk for r in rijbewijzen])
                   if r.volgende_controle and r.state != Rijbewijs.State.KLAAR]
        if not moments:
            break
        with time_machine.travel(max(moments) + timedelta(minutes=1), tick=False):
            sweep()
    klaar = list(Rijbewijs.objects.filter(state=Rijbewijs.State.KLAAR).select_related("zaak", "afhaallocatie"))
    if klaar:
        rijbewijs = klaar[0]
        user = get_user_model().objects.filter(lidmaatschappen__gemeente=rijbewijs.zaak.gemeente,
                                                groups__name="behandelaar").first()
        with time_machine.travel(timezone_now() + timedelta(days=5), tick=False):
            rijbewijs_uitreiken(rijbewijs=rijbewijs, user=user, controle=IdControle(
                locatie=rijbewijs.afhaallocatie, documentsoort="paspoort", documentnummer="NX4K8P2L1",
                identiteit_vastgesteld=True, oud_rijbewijs_ingenomen=True, uitkomst="uitgereikt"))
    for evenement in Evenement.objects.filter(state=Evenement.State.MELDING_ONTVANGEN, verbod_uiterlijk__isnull=False):
        with time_machine.travel(datetime_at(evenement.verbod_uiterlijk + timedelta(days=1)), tick=False):
            sweep()
    log("templates: " + ", ".join(f"{r.zaak.identificatie} {r.state}" for r in Rijbewijs.objects.select_related("zaak"))
        + "; " + ", ".join(e.state for e in Evenement.objects.all()))


def timezone_now():
    from django.utils import timezone

    return timezone.now()


def datetime_at(day, hour: int = 10):
    from datetime import datetime, time as clock
    from zoneinfo import ZoneInfo

    return datetime.combine(day, clock(hour), tzinfo=ZoneInfo("Europe/Amsterdam"))
