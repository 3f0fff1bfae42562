"""The tracker shows the term history, the derived end date with its basis, and the bezwaar term."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ZaakFactory
from zaken.actors import Actor
from zaken.models import GemeenteProduct
from zaken.termijn_engine import besluit_vastleggen, termijn_ontvangen, termijn_opschorten

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
OWNER = "999993653"
ACTOR = Actor.system("test")


def received(gemeente, moment=datetime(2026, 2, 2, 10, tzinfo=AMS)):
    zaak = ZaakFactory(gemeente=gemeente, initiator_bsn=OWNER, registratiedatum=moment, startdatum=moment.date(),
                       einddatum_gepland=None)
    termijn_ontvangen(zaak=zaak, actor=ACTOR)
    return zaak


def url(zaak):
    return f"/{zaak.gemeente.slug}/mijn-zaken/{zaak.identificatie}/"


def test_awb_6_7_tracker_shows_bezwaar_term_next_to_the_decision(client, demo, digid_login):
    # Received 2 February 2026: 8 weeks end on Monday 30 March. Sent Monday 23 February 2026: the bezwaar
    # term ends on Easter Monday 6 April -> Tuesday 7 April (Atw art. 1).
    zaak = received(demo["den-haag"])
    besluit_vastleggen(zaak=zaak, besluittype="Vergunning verleend", datum=date(2026, 2, 23),
                       verzenddatum=date(2026, 2, 23), actor=ACTOR)
    digid_login(OWNER)
    # After the term (today) the tracker says it ended (Awb 6:7) instead of offering a bezwaar.
    assert "De termijn voor bezwaar is verstreken op 7 april 2026" in client.get(url(zaak)).content.decode()
    with time_machine.travel(datetime(2026, 3, 2, 10, tzinfo=AMS)):  # inside the bezwaar term
        digid_login(OWNER)
        html = client.get(url(zaak)).content.decode()
    assert "Uiterlijke beslisdatum (wettelijke termijn)" in html and "30 maart 2026" in html
    assert "Vergunning verleend" in html and "bezwaar maken tot en met 7 april 2026" in html
    assert "Aanvraag ontvangen" in html and "Besluit bekendgemaakt" in html


def test_tracker_says_streefdatum_without_a_statutory_term(client, demo, digid_login):
    zaak = received(demo["den-haag"])
    GemeenteProduct.objects.update_or_create(gemeente=demo["den-haag"], product=zaak.zaaktype.product,
                                             defaults={"termijnen": {"beslistermijn_wettelijk": False}})
    digid_login(OWNER)
    html = client.get(url(zaak)).content.decode()
    assert "Streefdatum" in html and "wettelijke termijn)" not in html


def test_tracker_query_count_constant_with_term_events(client, demo, digid_login):
    digid_login(OWNER)
    zaak = received(demo["den-haag"])

    def queries():
        client.get(url(zaak))  # a warm process: its first request loads the municipalities
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url(zaak)).status_code == 200
        return len(ctx.captured_queries)

    def add(nr):
        with time_machine.travel(datetime(2026, 2, 10, tzinfo=AMS)):
            termijn_opschorten(zaak=zaak, van=date(2026, 2, 10 + nr), tot=date(2026, 2, 12 + nr), reden="Overmacht",
                               actor=ACTOR)
            besluit_vastleggen(zaak=zaak, besluittype=f"Besluit {nr}", datum=date(2026, 3, 1),
                               verzenddatum=date(2026, 3, 2), actor=ACTOR)

    # A case without besluiten skips the bezwaar look-ups; from the first besluit on the count is fixed.
    add(0)
    one = queries()
    add(1)
    add(2)
    assert queries() == one
