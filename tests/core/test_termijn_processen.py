"""The two processes on the term engine: their declared terms (no statutory term: a streefdatum) and
their declared decisions, on a real move filed and rejected at a fixed date."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.verhuizing.helpers import file_move, work_task
from zaken.models import Besluit, TermijnGebeurtenis
from zaken.processes.overlijden.definition import DEFINITION as OVERLIJDEN
from zaken.processes.verhuizing.definition import DEFINITION as VERHUIZING
from zaken.selectors import termijn_overzicht
from zaken.termijnen_awb import Beslistermijn

pytestmark = pytest.mark.django_db
Soort = TermijnGebeurtenis.Soort
SUZANNE = "999993653"


@pytest.mark.parametrize("definition", [VERHUIZING, OVERLIJDEN], ids=["wet_brp_2_39", "bw_1_19f"])
def test_move_and_death_registration_have_no_statutory_decision_term(definition):
    config = Beslistermijn.from_terms(definition.default_terms)
    assert not config.wettelijk and not config.lex_silencio and config.eenheid == "werkdagen"


@pytest.mark.parametrize("definition", [VERHUIZING, OVERLIJDEN])
def test_process_terms_pass_the_admin_check(definition):
    from zaken.admin_forms import term_errors

    assert term_errors(product_slug=definition.slug, terms=dict(definition.default_terms)) == []


def test_awb_6_7_atw_art1_rejected_move_is_a_besluit_with_its_bezwaar_term(client, demo, rechten,
                                                                          django_capture_on_commit_callbacks):
    # Filed and rejected on Friday 13 November 2026. Streefdatum: 5 working days -> Friday 20 November.
    # The rejection is sent the same day: six weeks end on Christmas Day -> Monday 28 December 2026.
    with time_machine.travel(datetime(2026, 11, 13, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            verhuizing = file_move(bsn=SUZANNE, postcode="3034CJ", huisnummer=50, days=3)
            verhuizing.zaak.refresh_from_db()
            assert verhuizing.zaak.uiterlijke_einddatum_afdoening == date(2026, 11, 20)
            work_task(client, verhuizing, "beoordelen", {"besluit": "afwijzen", "toelichting": "Geen woning."},
                      "behandelaar-rotterdam")
    zaak = verhuizing.zaak
    besluit = Besluit.objects.get(zaak=zaak)
    assert besluit.besluittype == "Afwijzing verhuizing" and besluit.verzenddatum == date(2026, 11, 13)
    assert termijn_overzicht(zaak).besluiten[0].bezwaar_uiterlijk == date(2026, 12, 28)
    assert list(zaak.termijn_gebeurtenissen.values_list("soort", flat=True)) == [
        Soort.ONTVANGEN, Soort.BESLOTEN, Soort.BEKENDGEMAAKT]
