"""The household part of the move form: a 16-year-old with his note, and who reports themselves."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from .conftest import assert_accessible, screenshot
from .helpers import digid_login

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.time_machine(datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=True)]

ESTRELLA, MIRIK = "999997610", "999992089"  # mother and son of 16, Rotterdam
WEI_WEI = "999991966"  # parents not married: her partner reports himself, their adult son may be reported


@pytest.mark.parametrize("bsn,label", [(ESTRELLA, "kind-16"), (WEI_WEI, "ongehuwd")])
def test_household_is_accessible(page, demo, bsn, label):
    digid_login(page, "rotterdam", bsn, next_path="/rotterdam/aanvragen/verhuizing/")
    household = page.locator("#meeverhuizers")
    assert household.get_by_role("checkbox").count() == 1
    if bsn == ESTRELLA:
        checkbox = household.get_by_role("checkbox")
        assert checkbox.get_attribute("value") == MIRIK
        assert "tenzij hij of zij dat zelf doet" in page.locator(f"#{checkbox.get_attribute('aria-describedby')}").inner_text()
    else:
        assert "ongehuwde partner" in household.inner_text()
    assert_accessible(page, f"huishouden ({label})")
    screenshot(page, f"verhuizing-huishouden-{label}")
