"""The term engine on real cases: events recorded by the 4:5 request services, the end date derived,
extensions with their notice, decisions and lex silencio. Fixed dates (time-machine), no time bombs."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.documents.test_receipt import private_media  # noqa: F401 (autouse: letters go to tmp)
from tests.factories import GemeenteFactory, ZaakFactory, ZaakTypeFactory
from zaken.actors import Actor
from zaken.models import Besluit, Document, GemeenteProduct, TermijnGebeurtenis, Verzoek
from zaken.registry import ProcessDefinition, processes
from zaken.termijn_engine import (TermijnFout, besluit_vastleggen, lex_silencio_bewaken, termijn_ontvangen,
                                  termijn_opschorten_voor_verzoek, termijn_verlengen, zaak_termijn_herberekenen)
from zaken.services import status_record
from zaken.timers import sweep
from zaken.verzoeken import verzoek_beantwoorden, verzoek_stellen, verzoeken_bewaken

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
Soort = TermijnGebeurtenis.Soort
ACTOR = Actor.system("test")
SLUG = "test-verhuizing"  # the factories' zaaktype; registered here as a throw-away process


def at(y, m, d, hour=10):
    return datetime(y, m, d, hour, tzinfo=AMS)


@pytest.fixture
def proces():
    """A registered process with the given terms; unregistered afterwards."""
    def _register(**terms):
        processes.unregister(SLUG)
        hook, besluiten = terms.pop("hook", ""), terms.pop("besluit_statussen", {})
        processes.register(SLUG, ProcessDefinition(slug=SLUG, zaaktype_identificatie="TEST-VERHUIZING",
                                                   zaaktype_omschrijving="Test", public_statuses=(),
                                                   default_terms=terms, on_van_rechtswege=hook,
                                                   besluit_statussen=besluiten))
    yield _register
    processes.unregister(SLUG)


def case_received(moment: datetime, **kwargs):
    with time_machine.travel(moment, tick=False):
        zaak = ZaakFactory(registratiedatum=moment, startdatum=moment.date(), einddatum_gepland=None, **kwargs)
        termijn_ontvangen(zaak=zaak, actor=ACTOR)
    zaak.refresh_from_db()
    return zaak


def test_awb_4_13_atw_art1_receipt_event_derives_the_end_date():
    # Received Monday 2 March 2026 (Dutch time): 8 weeks end on Koningsdag 27 April -> Tuesday 28 April.
    zaak = case_received(at(2026, 3, 2))
    assert zaak.uiterlijke_einddatum_afdoening == date(2026, 4, 28)
    assert list(zaak.termijn_gebeurtenissen.values_list("soort", "datum")) == [(Soort.ONTVANGEN, date(2026, 3, 2))]


def test_receipt_day_is_the_dutch_local_day():
    # 23:30 UTC on Sunday 1 March is 00:30 on Monday 2 March in Amsterdam: received on the 2nd.
    zaak = case_received(datetime(2026, 3, 1, 23, 30, tzinfo=ZoneInfo("UTC")))
    assert zaak.termijn_gebeurtenissen.get().datum == date(2026, 3, 2)


def test_awb_4_15_request_spanning_christmas_suspends_and_the_answer_resumes():
    # Received 2 November 2026 -> 28 December. Request on 14 December (deadline 28 December) suspends;
    # while open the end date assumes the full deadline: 28 December + 14 days = Monday 11 January 2027.
    zaak = case_received(at(2026, 11, 2))
    assert zaak.uiterlijke_einddatum_afdoening == date(2026, 12, 28)
    with time_machine.travel(at(2026, 12, 14), tick=False):
        verzoek = verzoek_stellen(zaak=zaak, vraag="Stuur het huurcontract.", termijn=date(2026, 12, 28), actor=ACTOR)
    zaak.refresh_from_db()
    assert zaak.opschorting_indicatie and zaak.uiterlijke_einddatum_afdoening == date(2027, 1, 11)
    # Answered on Monday 21 December: suspended 15..20 December (6 days) -> Sunday 3 January 2027, and by
    # Atw art. 1 Monday 4 January.
    with time_machine.travel(at(2026, 12, 21), tick=False):
        verzoek_beantwoorden(verzoek=verzoek, antwoord="Bijgevoegd.", bijlagen=[], actor=ACTOR)
    zaak.refresh_from_db()
    assert not zaak.opschorting_indicatie
    assert zaak.uiterlijke_einddatum_afdoening == date(2027, 1, 4)
    assert [e.soort for e in zaak.termijn_gebeurtenissen.all()] == [Soort.ONTVANGEN, Soort.OPGESCHORT, Soort.HERVAT]
    suspended = zaak.termijn_gebeurtenissen.get(soort=Soort.OPGESCHORT)
    assert suspended.verzoek == verzoek and suspended.datum == date(2026, 12, 15)


def test_awb_4_15_deadline_passing_unanswered_resumes_the_day_after_the_deadline(proces):
    proces()
    zaak = case_received(at(2026, 11, 2))
    with time_machine.travel(at(2026, 12, 14), tick=False):
        verzoek_stellen(zaak=zaak, vraag="Stuur het huurcontract.", termijn=date(2026, 12, 28), actor=ACTOR)
    # The sweep runs late (4 January): the term still runs again from 29 December, the day after the deadline.
    with time_machine.travel(at(2027, 1, 4), tick=False):
        assert verzoeken_bewaken(today=date(2027, 1, 4))["verlopen"] == 1
    zaak.refresh_from_db()
    assert zaak.termijn_gebeurtenissen.get(soort=Soort.HERVAT).datum == date(2026, 12, 29)
    assert not zaak.opschorting_indicatie and zaak.uiterlijke_einddatum_afdoening == date(2027, 1, 11)


def test_awb_4_15_rvs_2016_2527_request_without_deadline_does_not_suspend():
    zaak = case_received(at(2026, 11, 2))
    verzoek = Verzoek(zaak=zaak, vraag="Hebt u nog iets?", termijn=None, gesteld_op=at(2026, 12, 14),
                      gesteld_door="test")
    assert termijn_opschorten_voor_verzoek(verzoek=verzoek, actor=ACTOR) is None
    zaak.refresh_from_db()
    assert not zaak.opschorting_indicatie and zaak.uiterlijke_einddatum_afdoening == date(2026, 12, 28)
    assert not zaak.termijn_gebeurtenissen.filter(soort=Soort.OPGESCHORT).exists()


def werkdagen_gemeente():
    gemeente = GemeenteFactory()
    product = ZaakTypeFactory().product
    GemeenteProduct.objects.create(gemeente=gemeente, product=product, termijnen={
        "beslistermijn": 5, "beslistermijn_eenheid": "werkdagen", "beslistermijn_wettelijk": False})
    return gemeente


def test_atw_art3_decision_term_in_werkdagen_configured_per_municipality():
    # The municipality sets 5 working days, a target: received Thursday 30 April 2026 -> Friday 8 May
    # (weekend and 5 May skipped).
    zaak = case_received(at(2026, 4, 30), gemeente=werkdagen_gemeente())
    assert zaak.uiterlijke_einddatum_afdoening == date(2026, 5, 8)


def test_a_streefdatum_never_lies_before_the_planned_end():
    zaak = case_received(at(2026, 4, 30), gemeente=werkdagen_gemeente())
    zaak.einddatum_gepland = date(2026, 5, 28)  # e.g. a move date four weeks ahead
    zaak.save()
    assert zaak_termijn_herberekenen(zaak=zaak).uiterlijke_einddatum_afdoening == date(2026, 5, 28)


def test_awb_4_14_extension_after_a_suspension_with_notice_letter(django_capture_on_commit_callbacks, mailoutbox):
    # Received 2 March 2026; request 9 March answered 20 March -> 7 May. Notice on 1 May: to 8 June 2026.
    zaak = case_received(at(2026, 3, 2))
    zaak.rollen.update(email="aanvrager@example.org")
    with time_machine.travel(at(2026, 3, 9), tick=False):
        verzoek = verzoek_stellen(zaak=zaak, vraag="Stuur de tekening.", termijn=date(2026, 3, 23), actor=ACTOR)
    with time_machine.travel(at(2026, 3, 20), tick=False):
        verzoek_beantwoorden(verzoek=verzoek, antwoord="Bijgevoegd.", bijlagen=[], actor=ACTOR)
    zaak.refresh_from_db()
    assert zaak.uiterlijke_einddatum_afdoening == date(2026, 5, 7)
    with time_machine.travel(at(2026, 5, 1), tick=False), django_capture_on_commit_callbacks(execute=True):
        event = termijn_verlengen(zaak=zaak, tot=date(2026, 6, 8), reden="Advies van de brandweer nodig.",
                                  actor=ACTOR)
    zaak.refresh_from_db()
    assert zaak.uiterlijke_einddatum_afdoening == date(2026, 6, 8)
    assert zaak.verlenging_duur_dagen == 32 and zaak.verlenging_reden == "Advies van de brandweer nodig."
    assert event.document.kenmerk == "verlenging-1" and event.document.bestand.read().startswith(b"%PDF")
    assert event.document.zichtbaar_voor_aanvrager
    assert [m.subject for m in mailoutbox] == [f"Wij hebben meer tijd nodig voor uw aanvraag ({zaak.identificatie})"]
    assert "08-06-2026" in mailoutbox[0].body


def test_awb_4_14_extension_refused_after_the_term_ended():
    # Received 2 March 2026: the term ends on Tuesday 28 April (Atw art. 1). On that day extending is
    # still possible; on 29 April it is too late.
    zaak = case_received(at(2026, 3, 2))
    with pytest.raises(TermijnFout) as refused:
        termijn_verlengen(zaak=zaak, tot=date(2026, 6, 1), reden="Te laat.", actor=ACTOR, vandaag=date(2026, 4, 29))
    assert "28-04-2026" in refused.value.message
    assert not Document.objects.filter(zaak=zaak).exists()
    with time_machine.travel(at(2026, 4, 28), tick=False):
        termijn_verlengen(zaak=zaak, tot=date(2026, 6, 1), reden="Op tijd.", actor=ACTOR)
    zaak.refresh_from_db()
    assert zaak.uiterlijke_einddatum_afdoening == date(2026, 6, 1)


def test_awb_4_14_extension_must_move_the_date_on():
    zaak = case_received(at(2026, 3, 2))
    with pytest.raises(TermijnFout):
        termijn_verlengen(zaak=zaak, tot=date(2026, 4, 20), reden="Eerder?", actor=ACTOR, vandaag=date(2026, 4, 1))


def test_awb_6_7_6_8_bezwaar_term_of_a_decision_sent_before_easter_monday():
    # Sent Monday 23 February 2026: six weeks end on Easter Monday 6 April -> Tuesday 7 April.
    from zaken.selectors import termijn_overzicht

    zaak = case_received(at(2026, 2, 2))
    besluit_vastleggen(zaak=zaak, besluittype="Vergunning verleend", datum=date(2026, 2, 20),
                       verzenddatum=date(2026, 2, 23), actor=ACTOR)
    zaak.refresh_from_db()
    overzicht = termijn_overzicht(zaak)
    assert [r.bezwaar_uiterlijk for r in overzicht.besluiten] == [date(2026, 4, 7)]
    assert [r.omschrijving for r in overzicht.regels][-2:] == ["besluit genomen", "besluit bekendgemaakt"]


def test_awb_4_20b_lex_silencio_only_for_products_that_declare_it(proces):
    proces()  # no lex silencio declared
    zaak = case_received(at(2026, 3, 9))  # ends Monday 4 May 2026
    assert lex_silencio_bewaken(today=date(2026, 5, 5)) == 0
    assert not Besluit.objects.filter(zaak=zaak).exists()


calls = []


def hook(*, zaak, besluit):
    calls.append((zaak.pk, besluit.pk))


def test_awb_4_20b_lex_silencio_writes_the_besluit_van_rechtswege_once(proces):
    proces(lex_silencio_positivo=True, hook="tests.core.test_termijn_services.hook")
    zaak = case_received(at(2026, 3, 9))  # 8 weeks, statutory: ends Monday 4 May 2026
    assert lex_silencio_bewaken(today=date(2026, 5, 4)) == 0  # the last day still belongs to the term
    calls.clear()
    with time_machine.travel(at(2026, 5, 5), tick=False):
        assert sweep()["van_rechtswege"] == 1
        assert sweep()["van_rechtswege"] == 0  # idempotent
    besluit = Besluit.objects.get(zaak=zaak)
    assert besluit.besluittype == "Van rechtswege verleend"
    assert (besluit.datum, besluit.ingangsdatum) == (date(2026, 5, 5), date(2026, 5, 7))
    assert calls == [(zaak.pk, besluit.pk)]
    assert zaak.termijn_gebeurtenissen.filter(soort=Soort.BESLOTEN, besluit=besluit).exists()


def test_awb_4_20b_no_lex_silencio_while_suspended_or_after_a_decision(proces):
    proces(lex_silencio_positivo=True)
    suspended = case_received(at(2026, 3, 9))
    with time_machine.travel(at(2026, 4, 30), tick=False):
        verzoek_stellen(zaak=suspended, vraag="Nog een stuk.", termijn=date(2026, 5, 20), actor=ACTOR)
    decided = case_received(at(2026, 3, 9))
    besluit_vastleggen(zaak=decided, besluittype="Geweigerd", datum=date(2026, 5, 1), actor=ACTOR)
    assert lex_silencio_bewaken(today=date(2026, 5, 6)) == 0
    assert not Besluit.objects.filter(zaak=suspended).exists()


def test_lex_silencio_needs_a_statutory_term(proces):
    proces(lex_silencio_positivo=True, beslistermijn_wettelijk=False)
    case_received(at(2026, 3, 9))
    assert lex_silencio_bewaken(today=date(2026, 6, 1)) == 0



def test_awb_6_7_atw_art1_status_declared_a_decision_records_the_besluit_and_its_bezwaar_term(proces):
    # Decided and sent on Friday 13 November 2026: six weeks end on Christmas Day -> Monday 28 December.
    proces(besluit_statussen={"afgehandeld": "Toekenning", "in_behandeling": ""})
    zaak = case_received(at(2026, 11, 2))
    with time_machine.travel(at(2026, 11, 13), tick=False):
        status_record(zaak=zaak, code="in_behandeling", actor=ACTOR)  # a decision event, no Besluit row
        assert not Besluit.objects.filter(zaak=zaak).exists()
        status_record(zaak=zaak, code="afgehandeld", actor=ACTOR)
    besluit = Besluit.objects.get(zaak=zaak)
    assert (besluit.besluittype, besluit.datum, besluit.verzenddatum) == ("Toekenning", date(2026, 11, 13),
                                                                        date(2026, 11, 13))
    from zaken.selectors import termijn_overzicht

    assert termijn_overzicht(zaak).besluiten[0].bezwaar_uiterlijk == date(2026, 12, 28)
    assert list(zaak.termijn_gebeurtenissen.values_list("soort", flat=True)) == [
        Soort.ONTVANGEN, Soort.BESLOTEN, Soort.BESLOTEN, Soort.BEKENDGEMAAKT]


def test_atw_1_a_4_5_deadline_on_a_saturday_runs_on_to_monday():
    """A request whose deadline is Saturday 5-12-2026 lapses only after Monday 7-12 (Atw art. 1)."""
    from zaken.termijnen_awb import opschorting_voor_verzoek

    periode = opschorting_voor_verzoek(gesteld_op=date(2026, 11, 23), termijn=date(2026, 12, 5))
    assert (periode.van, periode.tot) == (date(2026, 11, 24), date(2026, 12, 8))


def test_atw_1_4_5_deadline_on_a_saturday_lapses_only_after_monday(proces):
    proces()
    zaak = case_received(at(2026, 11, 2))
    with time_machine.travel(at(2026, 11, 23), tick=False):
        verzoek = verzoek_stellen(zaak=zaak, vraag="Stuur het huurcontract.", termijn=date(2026, 12, 5), actor=ACTOR)
    for day, lapsed in ((date(2026, 12, 6), 0), (date(2026, 12, 7), 0), (date(2026, 12, 8), 1)):
        with time_machine.travel(at(day.year, day.month, day.day), tick=False):
            assert verzoeken_bewaken(today=day)["verlopen"] == lapsed, day
    verzoek.refresh_from_db()
    assert verzoek.vervallen_op is not None
    assert zaak.termijn_gebeurtenissen.get(soort=Soort.HERVAT).datum == date(2026, 12, 8)
