"""overlijden_indienen's own refusals, called directly: the e-form is not the only way in."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from zaken.forms.overlijden.prefill import bedrijf_prefill
from zaken.models import Gemeente, Zaak
from zaken.processes.overlijden.models import Overlijden
from zaken.processes.overlijden.services import Aangifte, OverlijdenRefused, overlijden_indienen

from .helpers import PERSOON, undertaker

pytestmark = pytest.mark.django_db

A_FORMULIER = ("a.pdf", b"%PDF-1.7 A", "application/pdf")
OVJ = ("ovj.pdf", b"%PDF-1.7 OvJ", "application/pdf")
UITSTEL = ("uitstel.pdf", b"%PDF-1.7 U", "application/pdf")


def aangifte(*, funeral_days: int = 3, doodsoorzaak: str = "natuurlijk", uploads=None, overleden_op=None,
             uitvaart_op=None) -> Aangifte:
    auth = undertaker()
    overleden_op = overleden_op or (timezone.now() - timedelta(hours=10)).replace(second=0, microsecond=0)
    uitvaart_op = uitvaart_op or datetime.combine(timezone.localdate(overleden_op) + timedelta(days=funeral_days),
                                                  time(11, 0), tzinfo=timezone.get_current_timezone())
    return Aangifte(
        bedrijf=bedrijf_prefill(auth), aangever_naam="Piet Aangever", email="uitvaart@example.nl",
        telefoon="010 1234567", overledene_bsn=PERSOON, overleden_op=overleden_op, plaats="Zwart Janstraat 60",
        plaats_gemeentecode="0599", doodsoorzaak=doodsoorzaak, wijze="cremeren", uitvaart_op=uitvaart_op,
        uitvaart_plaats="Crematorium Hofwijk", uittreksels=1,
        uploads={"a_formulier": A_FORMULIER} if uploads is None else uploads)


def indienen(a: Aangifte):
    return overlijden_indienen(aangifte=a, auth=undertaker(), gemeente=Gemeente.objects.get(slug="rotterdam"))


def refused(a: Aangifte) -> str:
    with pytest.raises(OverlijdenRefused) as caught:
        indienen(a)
    assert not Zaak.objects.exists() and not Overlijden.objects.exists()
    return caught.value.message


def test_funeral_after_the_window_without_uitstel_decision_is_refused(demo):
    assert "uitstel" in refused(aangifte(funeral_days=14))


def test_funeral_before_36_hours_without_decision_is_refused(demo):
    early = timezone.now() + timedelta(hours=2)
    assert "verkorting" in refused(aangifte(uitvaart_op=early))


def test_non_natural_death_without_ovj_document_is_refused(demo):
    assert "officier van justitie" in refused(aangifte(doodsoorzaak="niet_natuurlijk"))


def test_without_a_formulier_is_refused(demo):
    assert "A-formulier" in refused(aangifte(uploads={}))


def test_with_the_documents_the_same_registrations_are_accepted(demo):
    late = indienen(aangifte(funeral_days=14, doodsoorzaak="niet_natuurlijk",
                             uploads={"a_formulier": A_FORMULIER, "ovj_verklaring": OVJ, "uitstel_besluit": UITSTEL}))
    assert late.afwijking == "uitstel" and late.is_niet_natuurlijk


def test_death_before_birth_is_refused(demo):
    from zaken.forms.overlijden.rules import geboren_vanaf
    from zaken.integrations.registry import get_adapter

    born = geboren_vanaf(get_adapter("brp").persoon(PERSOON))
    before = datetime.combine(born - timedelta(days=1), time(12, 0), tzinfo=timezone.get_current_timezone())
    assert "vóór de geboortedatum" in refused(aangifte(overleden_op=before, uitvaart_op=before + timedelta(days=3)))


@pytest.mark.parametrize("hours_from_now, message", [(2, "toekomst"), (-24 * 400, "dagen terug")])
def test_impossible_moment_of_death_is_refused(demo, hours_from_now, message):
    died = (timezone.now() + timedelta(hours=hours_from_now)).replace(second=0, microsecond=0)
    assert message in refused(aangifte(overleden_op=died, uitvaart_op=died + timedelta(days=3)))


@pytest.mark.parametrize("days, message", [(-1, "na het overlijden liggen"), (90, "dagen na het overlijden")])
def test_impossible_funeral_is_refused_even_with_a_decision(demo, days, message):
    uploads = {"a_formulier": A_FORMULIER, "uitstel_besluit": UITSTEL}
    died = (timezone.now() - timedelta(hours=10)).replace(second=0, microsecond=0)
    assert message in refused(aangifte(overleden_op=died, uitvaart_op=died + timedelta(days=days), uploads=uploads))
