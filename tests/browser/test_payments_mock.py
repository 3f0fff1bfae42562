"""The payment mock's hosted page in a browser: axe-clean, and each choice brings the citizen back."""

import pytest

from zaken.integrations.payments.services import betaling_starten
from zaken.models import Betaling

from .conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("knop", "uitkomst"), [("Betalen", "paid"), ("Betaling laten mislukken", "failed"),
                                                 ("Annuleren", "canceled")])
def test_hosted_page_choice_returns_to_the_caller(page, live_server, knop, uitkomst):
    betaling = betaling_starten(sleutel=f"browser:{knop}", bedrag_cent=4290, omschrijving="Leges rijbewijs",
                                terug_url="/", site_url=live_server.url)
    page.goto(betaling.checkout_url)
    assert_accessible(page, "betaalpagina (mock)")
    page.get_by_role("button", name=knop, exact=True).click()
    page.wait_for_url(f"{live_server.url}/")
    betaling.refresh_from_db()
    assert betaling.status == uitkomst
    assert Betaling.objects.count() == 1
