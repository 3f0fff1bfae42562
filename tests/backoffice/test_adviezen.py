"""Advice requests: the core services (ask, record once, audit) and the dossier's advice section."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from zaken.actors import Actor
from zaken.adviezen import advies_vastleggen, advies_vragen, adviezen_open, adviezen_te_laat, is_te_laat
from zaken.models import Adviesverzoek, AuditLog, GemeenteProduct

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
ACTOR = Actor.system("test")


def on(day: date, hour: int = 10):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=AMS), tick=False)


def dossier(zaak):
    return f"/behandelen/zaken/{zaak.pk}/"


def test_ask_computes_the_term_in_working_days_and_is_logged(aanvraag_a):
    zaak = aanvraag_a.zaak
    with on(date(2026, 12, 22)):  # Tuesday; 25 and 26 December are Christmas, then a Sunday
        verzoek = advies_vragen(zaak=zaak, adviseur="brandweer", vraag="Is de tent veilig?", termijn_werkdagen=3,
                                actor=ACTOR)
    assert verzoek.termijn == date(2026, 12, 28)  # Wed 23, Thu 24, Mon 28
    assert verzoek.is_open and verzoek.status == "gevraagd" and verzoek.adviseur_label == "Brandweer / veiligheidsregio"
    log = AuditLog.objects.get(zaak=zaak, name="advies_vragen")
    assert log.operation == "write" and log.categories == ["adviesverzoek: vraag"] and log.data_subject_hash


def test_term_in_weeks_runs_on_past_a_holiday(aanvraag_a):
    with on(date(2026, 12, 11)):  # Friday; two weeks end on Friday 25 December, Christmas
        verzoek = advies_vragen(zaak=aanvraag_a.zaak, adviseur="ggd", vraag="?", termijn_weken=2, actor=ACTOR)
    assert verzoek.termijn == date(2026, 12, 28)


def test_default_term_comes_from_the_municipalitys_configuration(aanvraag_a):
    zaak = aanvraag_a.zaak
    with on(date(2026, 12, 1)):  # Tuesday
        assert advies_vragen(zaak=zaak, adviseur="politie", vraag="?", actor=ACTOR).termijn == date(2026, 12, 15)
        GemeenteProduct.objects.update_or_create(gemeente=zaak.gemeente, product=zaak.zaaktype.product,
                                                 defaults={"termijnen": {"adviestermijn_werkdagen": 2}})
        assert advies_vragen(zaak=zaak, adviseur="politie", vraag="?", actor=ACTOR).termijn == date(2026, 12, 3)


def test_overig_needs_a_name_and_unknown_advisers_are_refused(aanvraag_a):
    with pytest.raises(ValueError):
        advies_vragen(zaak=aanvraag_a.zaak, adviseur="overig", vraag="?", termijn_werkdagen=5, actor=ACTOR)
    with pytest.raises(ValueError):
        advies_vragen(zaak=aanvraag_a.zaak, adviseur="buurman", vraag="?", termijn_werkdagen=5, actor=ACTOR)
    verzoek = advies_vragen(zaak=aanvraag_a.zaak, adviseur="overig", adviseur_naam="Waterschap", vraag="?",
                            termijn_werkdagen=5, actor=ACTOR)
    assert verzoek.adviseur_label == "Waterschap"


def test_record_once_then_idempotent_and_the_state_is_protected(aanvraag_a, medewerker_a):
    verzoek = advies_vragen(zaak=aanvraag_a.zaak, adviseur="politie", vraag="?", termijn_werkdagen=5, actor=ACTOR)
    actor = Actor.medewerker(medewerker_a)
    recorded, nieuw = advies_vastleggen(adviesverzoek=verzoek, advies="Geen bezwaar.", uitkomst="positief",
                                        actor=actor)
    assert nieuw and recorded.status == "ontvangen" and recorded.beantwoord_op
    assert recorded.vastgelegd_door == "Anna Test" and recorded.vastgelegd_door_medewerker == medewerker_a
    again, nieuw = advies_vastleggen(adviesverzoek=verzoek, advies="Toch negatief.", uitkomst="negatief", actor=actor)
    assert not nieuw and again.advies == "Geen bezwaar." and again.uitkomst == "positief"
    assert AuditLog.objects.filter(zaak=aanvraag_a.zaak, name="advies_vastleggen").count() == 1
    assert list(adviezen_open()) == []
    with pytest.raises(AttributeError):  # django-fsm: only the transition changes the state
        recorded.status = "gevraagd"


def test_advice_is_overdue_the_day_after_its_term_not_on_it(aanvraag_a):
    with on(date(2026, 12, 14)):  # Monday; five working days end on Monday 21 December
        verzoek = advies_vragen(zaak=aanvraag_a.zaak, adviseur="verkeer", vraag="?", termijn_werkdagen=5, actor=ACTOR)
    assert verzoek.termijn == date(2026, 12, 21)
    assert not is_te_laat(verzoek, vandaag=date(2026, 12, 21))
    assert list(adviezen_te_laat(vandaag=date(2026, 12, 21))) == []
    assert is_te_laat(verzoek, vandaag=date(2026, 12, 22))
    assert list(adviezen_te_laat(vandaag=date(2026, 12, 22))) == [verzoek]


def test_dossier_marks_the_overdue_advice_on_the_day_after_only(client, medewerker_a, aanvraag_a):
    zaak = aanvraag_a.zaak
    with on(date(2026, 12, 14)):
        advies_vragen(zaak=zaak, adviseur="verkeer", vraag="Omleiding?", termijn_werkdagen=5, actor=ACTOR)
    with on(date(2026, 12, 21)):
        client.force_login(medewerker_a)
        html = client.get(dossier(zaak)).content.decode()
    assert "21 december 2026 (vandaag)" in html and "te laat" not in html
    with on(date(2026, 12, 22)):
        client.force_login(medewerker_a)
        html = client.get(dossier(zaak)).content.decode()
    assert '<strong class="backoffice-te-laat">te laat: 1 werkdag te laat</strong>' in html
    assert "adviesverzoeken: vraag, advies" in AuditLog.objects.filter(
        zaak=zaak, name="dossier_inzien").first().categories


def test_civil_servant_asks_and_records_in_the_dossier(client, medewerker_a, aanvraag_a):
    zaak = aanvraag_a.zaak
    client.force_login(medewerker_a)
    html = client.get(dossier(zaak)).content.decode()
    assert 'href="#adviezen"' in html and "Er is nog geen advies gevraagd." in html
    assert 'name="termijn_werkdagen" value="10"' in html  # the engine's default

    response = client.post(f"/behandelen/zaken/{zaak.pk}/advies/", {"adviseur": "overig", "vraag": "?",
                                                                      "termijn_werkdagen": "5"})
    assert response.status_code == 400
    assert "Vul in wie om advies wordt gevraagd." in response.content.decode()

    response = client.post(f"/behandelen/zaken/{zaak.pk}/advies/", {
        "adviseur": "politie", "vraag": "Is er extra inzet nodig?", "termijn_werkdagen": "5"})
    assert response.status_code == 302 and response["Location"].endswith("#adviezen")
    verzoek = Adviesverzoek.objects.get(zaak=zaak)
    assert verzoek.gevraagd_door == "Anna Test"

    url = f"/behandelen/zaken/{zaak.pk}/advies/{verzoek.pk}/"
    response = client.post(url, {f"advies-{verzoek.pk}-advies": "Inzet van twee agenten."})
    assert response.status_code == 400 and "Kies de uitkomst van het advies." in response.content.decode()
    data = {f"advies-{verzoek.pk}-advies": "Inzet van twee agenten.",
            f"advies-{verzoek.pk}-uitkomst": "positief_met_voorwaarden"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a double submit records once
    verzoek.refresh_from_db()
    assert verzoek.uitkomst == "positief_met_voorwaarden" and verzoek.vastgelegd_door_medewerker == medewerker_a
    html = client.get(dossier(zaak)).content.decode()
    assert "Positief met voorwaarden" in html and "Inzet van twee agenten." in html
    assert AuditLog.objects.filter(zaak=zaak, name="advies_vastleggen").count() == 1


def test_another_municipality_gets_404_on_advice(client, medewerker_b, aanvraag_a, aanvraag_b):
    verzoek = advies_vragen(zaak=aanvraag_a.zaak, adviseur="politie", vraag="?", termijn_werkdagen=5, actor=ACTOR)
    client.force_login(medewerker_b)
    data = {f"advies-{verzoek.pk}-advies": "x", f"advies-{verzoek.pk}-uitkomst": "negatief"}
    assert client.post(f"/behandelen/zaken/{aanvraag_a.zaak.pk}/advies/{verzoek.pk}/", data).status_code == 404
    # Its own case's URL with another municipality's request: 404 as well.
    assert client.post(f"/behandelen/zaken/{aanvraag_b.zaak.pk}/advies/{verzoek.pk}/", data).status_code == 404
    assert client.post(f"/behandelen/zaken/{aanvraag_a.zaak.pk}/advies/",
                       {"adviseur": "politie", "vraag": "?", "termijn_werkdagen": "5"}).status_code == 404
    verzoek.refresh_from_db()
    assert verzoek.is_open and Adviesverzoek.objects.count() == 1


def test_dossier_queries_do_not_grow_with_advice_requests(client, medewerker_a, aanvraag_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    zaak = aanvraag_a.zaak
    advies_vragen(zaak=zaak, adviseur="politie", vraag="?", termijn_werkdagen=5, actor=ACTOR)
    client.force_login(medewerker_a)

    def queries():
        client.get(dossier(zaak))  # steady state: a first request also stores the activity (once a minute)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(dossier(zaak)).status_code == 200
        return len(captured)

    one = queries()
    for adviseur in ("brandweer", "ggd", "verkeer"):
        verzoek = advies_vragen(zaak=zaak, adviseur=adviseur, vraag="?", termijn_werkdagen=5, actor=ACTOR)
        advies_vastleggen(adviesverzoek=verzoek, advies="Goed.", uitkomst="positief", actor=ACTOR)
    assert queries() == one
