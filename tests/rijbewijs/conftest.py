import pytest

from zaken.processes.rijbewijs.demo import locaties_ensure


@pytest.fixture
def balies(demo):
    """The demo counters (demo_data --zonder-zaken leaves them out)."""
    locaties_ensure()
    return {loc.gemeente.slug: loc for loc in reversed(list(demo["rotterdam"].afhaallocaties.all()))} | {
        g: demo[g].afhaallocaties.order_by("volgorde").first() for g in ("den-haag", "hellevoetsluis")}


@pytest.fixture
def rijbewijs_form(balies):
    def _data(gemeente="rotterdam", **overrides):
        data = {"categorieen": ["B", "BE"], "afhaallocatie": str(balies[gemeente].pk), "email": "test@example.nl",
                "telefoon": "", "verklaring": "on"}
        data.update(overrides)
        return data

    return _data
