"""Filing a bezwaar in the tracker, as a citizen does, with axe-core on every page in every demo theme."""

import pytest
from django.utils import timezone

from tests.factories import ZaakFactory
from zaken.actors import Actor
from zaken.processes.bezwaar.models import Bezwaar
from zaken.termijn_engine import besluit_vastleggen, termijn_ontvangen
from playwright.sync_api import expect

from .conftest import assert_accessible
from .helpers import digid_login

pytestmark = pytest.mark.django_db(transaction=True)
BSN = "999993653"


@pytest.mark.parametrize("gemeente", ["den-haag", "rotterdam", "hellevoetsluis"])
def test_citizen_files_a_bezwaar_in_the_tracker(page, demo, gemeente):
    zaak = ZaakFactory(gemeente=demo[gemeente], initiator_bsn=BSN, statussen=["ontvangen", "afgehandeld"])
    actor = Actor.system("test")
    termijn_ontvangen(zaak=zaak, actor=actor)
    vandaag = timezone.localdate()
    besluit_vastleggen(zaak=zaak, besluittype="Vergunning geweigerd", datum=vandaag, verzenddatum=vandaag,
                       toelichting="De auto is te lang.", grondslag="artikel 3 van de Parkeerverordening",
                       actor=actor)
    digid_login(page, gemeente, BSN)
    page.goto(f"/{gemeente}/mijn-zaken/{zaak.identificatie}/")
    assert_accessible(page, f"zaak met besluit ({gemeente})")
    page.get_by_role("link", name="Bezwaar maken tegen Vergunning geweigerd").click()
    expect(page.get_by_role("heading", name="Bezwaar maken")).to_be_visible()
    assert_accessible(page, f"bezwaarformulier ({gemeente})")

    page.get_by_role("button", name="Bezwaar versturen").click()
    expect(page.get_by_text("Schrijf waarom u het niet eens bent met het besluit.")).to_be_visible()
    assert page.get_by_label("Waarom bent u het niet eens met dit besluit?").get_attribute("aria-invalid") == "true"
    assert_accessible(page, f"bezwaarformulier met fouten ({gemeente})")

    page.get_by_label("Waarom bent u het niet eens met dit besluit?").fill("Mijn auto is 4,5 meter lang.")
    page.get_by_label("Ik maak bezwaar tegen dit besluit", exact=False).check()
    page.get_by_role("button", name="Bezwaar versturen").click()
    bezwaar = Bezwaar.objects.select_related("zaak").get()
    page.wait_for_url(f"**/mijn-zaken/{bezwaar.zaak.identificatie}/")
    expect(page.get_by_text(f"Wij hebben uw bezwaar ontvangen. Het is zaak {bezwaar.zaak.identificatie}")).to_be_visible()
    expect(page.get_by_role("heading", name="Gekoppelde zaken")).to_be_visible()
    assert_accessible(page, f"bezwaarzaak ({gemeente})")

    page.get_by_role("link", name=f"zaak {zaak.identificatie}").click()
    expect(page.get_by_text(f"U hebt bezwaar gemaakt tegen dit besluit: zaak {bezwaar.zaak.identificatie}")).to_be_visible()
    assert_accessible(page, f"zaak met bezwaar ({gemeente})")
