"""axe-core on the tracker of a case with a term history and a besluit with its bezwaar term."""

from datetime import date

import pytest

from tests.factories import ZaakFactory
from zaken.actors import Actor
from zaken.termijn_engine import besluit_vastleggen, termijn_ontvangen, termijn_opschorten
from playwright.sync_api import expect

from .conftest import assert_accessible
from .helpers import digid_login

pytestmark = pytest.mark.django_db(transaction=True)
BSN = "999993653"


@pytest.mark.parametrize("gemeente", ["den-haag", "hellevoetsluis"])
def test_tracker_with_term_history_is_accessible(page, demo, gemeente):
    zaak = ZaakFactory(gemeente=demo[gemeente], initiator_bsn=BSN, statussen=["ontvangen", "in_behandeling"])
    actor = Actor.system("test")
    termijn_ontvangen(zaak=zaak, actor=actor)
    termijn_opschorten(zaak=zaak, van=date(2026, 1, 5), tot=date(2026, 1, 9), reden="Overmacht", actor=actor)
    besluit_vastleggen(zaak=zaak, besluittype="Vergunning verleend", datum=date(2026, 2, 23),
                       verzenddatum=date(2026, 2, 23), actor=actor)
    digid_login(page, gemeente, BSN)
    page.goto(f"/{gemeente}/mijn-zaken/{zaak.identificatie}/")
    expect(page.get_by_role("heading", name="Besluiten")).to_be_visible()
    assert "7 april 2026" in page.content()
    assert_accessible(page, f"zaak met termijn ({gemeente})")
