"""A company that may not use a product gets an accessible explanation, not the form."""

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible
from .helpers import eherkenning_login

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("gemeente", ["den-haag", "hellevoetsluis"])
def test_refused_company_page_is_accessible(page, demo, gemeente):
    eherkenning_login(page, gemeente, "69599068")  # Stichting Haagse Zomerfeesten: no undertaker
    page.goto(f"/{gemeente}/aanvragen/aangifte-overlijden/")
    expect(page.get_by_text("Alleen uitvaartondernemingen")).to_be_visible()
    assert page.get_by_label("BSN van de overledene").count() == 0
    assert_accessible(page, f"bedrijf geweigerd ({gemeente})")
