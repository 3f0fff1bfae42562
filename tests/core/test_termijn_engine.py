"""The Awb term arithmetic, on dates computed by hand; the legal source is in each test's name.

Pure functions: no case data, no clock. The calendar is the Atw one of zaken.termijnen, whose
decree days come from the database.
"""

from datetime import date

import pytest

from zaken.termijnen_awb import (Beslistermijn, Opschorting, Verlenging, bezwaartermijn_einde, einddatum_berekenen,
                                 engine_term_error, opschorting_voor_verzoek)

pytestmark = pytest.mark.django_db  # the Atw calendar reads the decree days (art. 3 lid 3)


def termijn(waarde=8, eenheid="weken", wettelijk=True):
    return Beslistermijn.from_terms({"beslistermijn": waarde, "beslistermijn_eenheid": eenheid,
                                     "beslistermijn_wettelijk": wettelijk})


def test_awb_4_13_default_is_eight_weeks_statutory():
    config = Beslistermijn.from_terms({})
    assert (config.waarde, config.eenheid, config.wettelijk, config.lex_silencio) == (8, "weken", True, False)


def test_awb_4_13_eight_weeks_from_receipt_ending_on_a_working_day():
    # Received Monday 9 March 2026: 8 weeks later is Monday 4 May 2026, a working day.
    stand = einddatum_berekenen(ontvangen=date(2026, 3, 9), termijn=termijn())
    assert stand.einddatum == date(2026, 5, 4)


def test_awb_4_13_atw_art1_eight_weeks_ending_on_koningsdag_runs_to_the_next_day():
    # Received Monday 2 March 2026: 8 weeks end on Monday 27 April 2026 (Koningsdag) -> Tuesday 28 April.
    stand = einddatum_berekenen(ontvangen=date(2026, 3, 2), termijn=termijn())
    assert stand.einddatum_zonder_atw == date(2026, 4, 27)
    assert stand.einddatum == date(2026, 4, 28)


def test_atw_art1_does_not_extend_a_streefdatum():
    # The same term as a target only: no statutory term, so no Atw art. 1 extension.
    stand = einddatum_berekenen(ontvangen=date(2026, 3, 2), termijn=termijn(wettelijk=False))
    assert stand.einddatum == date(2026, 4, 27)


def test_atw_art1_eight_weeks_ending_on_a_saturday_runs_to_monday():
    # Received Saturday 7 March 2026 (an e-form at the weekend): ends Saturday 2 May -> Monday 4 May.
    assert einddatum_berekenen(ontvangen=date(2026, 3, 7), termijn=termijn()).einddatum == date(2026, 5, 4)


def test_atw_art3_term_in_werkdagen_skips_the_weekend_and_5_may():
    # Received Thursday 30 April 2026, 5 working days: Fri 1, Mon 4, (Tue 5 May is Atw art. 3), Wed 6, Thu 7,
    # Fri 8 May 2026.
    stand = einddatum_berekenen(ontvangen=date(2026, 4, 30), termijn=termijn(5, "werkdagen", wettelijk=False))
    assert stand.einddatum == date(2026, 5, 8)


def test_term_in_dagen_counts_calendar_days():
    # Received Monday 7 December 2026, 10 days: Thursday 17 December 2026.
    assert einddatum_berekenen(ontvangen=date(2026, 12, 7), termijn=termijn(10, "dagen")).einddatum \
        == date(2026, 12, 17)


def test_awb_4_15_suspension_runs_from_the_day_after_the_request_until_its_deadline_passed():
    # Request on Monday 14 December 2026 with deadline Monday 28 December: suspended 15 December up to and
    # including 28 December; the term runs again on Tuesday 29 December.
    assert opschorting_voor_verzoek(gesteld_op=date(2026, 12, 14), termijn=date(2026, 12, 28)) \
        == Opschorting(van=date(2026, 12, 15), tot=date(2026, 12, 29))


def test_awb_4_15_rvs_2016_2527_request_without_deadline_does_not_suspend():
    assert opschorting_voor_verzoek(gesteld_op=date(2026, 12, 14), termijn=None) is None


def test_awb_4_15_suspension_spanning_christmas_adds_the_suspended_days():
    # Received Monday 2 November 2026: 8 weeks end Monday 28 December. A 4:5 request on 14 December is
    # answered on Tuesday 29 December: 15..28 December (14 days, Christmas included) are suspended,
    # so the term ends on Monday 11 January 2027.
    stand = einddatum_berekenen(ontvangen=date(2026, 11, 2), termijn=termijn(),
                                opschortingen=[Opschorting(van=date(2026, 12, 15), tot=date(2026, 12, 29))])
    assert stand.opgeschorte_dagen == 14
    assert stand.einddatum == date(2027, 1, 11)


def test_awb_4_15_atw_art3_suspension_spanning_christmas_in_a_werkdagen_term():
    # Received Thursday 17 December 2026, 5 working days: 18, 21, 22, 23, 24 December. A request on Friday
    # 18 December, answered Monday 28 December, suspends 19..27 December; the 18th counted already, then
    # Mon 28, Tue 29, Wed 30, Thu 31 December 2026.
    stand = einddatum_berekenen(ontvangen=date(2026, 12, 17), termijn=termijn(5, "werkdagen", wettelijk=False),
                                opschortingen=[Opschorting(van=date(2026, 12, 19), tot=date(2026, 12, 28))])
    assert stand.einddatum == date(2026, 12, 31)


def test_awb_4_15_overlapping_suspensions_count_once():
    # Two requests suspend 10..19 March and 15..24 March 2026: 15 days, not 20.
    stand = einddatum_berekenen(ontvangen=date(2026, 3, 9), termijn=termijn(),
                                opschortingen=[Opschorting(date(2026, 3, 10), date(2026, 3, 20)),
                                               Opschorting(date(2026, 3, 15), date(2026, 3, 25))])
    assert stand.opgeschorte_dagen == 15
    assert stand.einddatum == date(2026, 5, 19)  # Monday 4 May + 15 days = Tuesday 19 May


def test_awb_4_14_extension_after_a_suspension_ends_on_the_notified_date():
    # Received Monday 2 March 2026; a request on 9 March, answered Friday 20 March, suspends 10..19 March
    # (10 days): 27 April + 10 = Thursday 7 May. A 4:14 notice on Friday 1 May extends to Monday 8 June 2026.
    opschorting = Opschorting(van=date(2026, 3, 10), tot=date(2026, 3, 20))
    stand = einddatum_berekenen(ontvangen=date(2026, 3, 2), termijn=termijn(), opschortingen=[opschorting],
                                verlengingen=[Verlenging(gemeld_op=date(2026, 5, 1), tot=date(2026, 6, 8))])
    assert stand.einddatum == date(2026, 6, 8)


def test_awb_4_15_atw_art1_suspension_after_an_extension_pushes_the_new_date():
    # As above, then a request on Monday 11 May answered Monday 18 May suspends 12..17 May (6 days):
    # 8 June + 6 = Sunday 14 June 2026 -> Atw art. 1: Monday 15 June.
    stand = einddatum_berekenen(
        ontvangen=date(2026, 3, 2), termijn=termijn(),
        opschortingen=[Opschorting(date(2026, 3, 10), date(2026, 3, 20)), Opschorting(date(2026, 5, 12),
                                                                                      date(2026, 5, 18))],
        verlengingen=[Verlenging(gemeld_op=date(2026, 5, 1), tot=date(2026, 6, 8))])
    assert stand.einddatum_zonder_atw == date(2026, 6, 14)
    assert stand.einddatum == date(2026, 6, 15)


@pytest.mark.parametrize("verzonden, einde", [
    # Sent Monday 2 March 2026: the term starts Tuesday 3 March and ends Monday 13 April.
    (date(2026, 3, 2), date(2026, 4, 13)),
    # Sent Monday 23 February 2026: six weeks end on Easter Monday 6 April -> Tuesday 7 April.
    (date(2026, 2, 23), date(2026, 4, 7)),
    # Sent Friday 13 November 2026: ends on Christmas Day, Friday 25 December -> Monday 28 December.
    (date(2026, 11, 13), date(2026, 12, 28)),
    # Sent Tuesday 24 March 2026: ends on 5 May (Atw art. 3, every year) -> Wednesday 6 May.
    (date(2026, 3, 24), date(2026, 5, 6)),
], ids=["awb_6_7_6_8_six_weeks_from_the_day_after_sending",
        "awb_6_7_atw_art1_bezwaar_term_ending_on_easter_monday",
        "awb_6_7_atw_art1_bezwaar_term_ending_on_christmas_day",
        "awb_6_7_atw_art3_bezwaar_term_ending_on_5_may"])
def test_bezwaartermijn(verzonden, einde):
    assert bezwaartermijn_einde(verzonden=verzonden, weken=6) == einde


@pytest.mark.parametrize("key, value, ok", [
    ("beslistermijn_eenheid", "werkdagen", True), ("beslistermijn_eenheid", "maanden", False),
    ("beslistermijn_wettelijk", False, True), ("beslistermijn_wettelijk", 0, False),
    ("beslistermijn", 0, False), ("beslistermijn", 12, True), ("lex_silencio_positivo", "ja", False),
])
def test_engine_settings_typed_in_the_admin_are_checked(key, value, ok):
    assert (engine_term_error(key, value) is None) is ok
