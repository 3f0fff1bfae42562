import pytest

from zaken.processes.parkeervergunning.demo import zones_ensure


@pytest.fixture
def zones(demo):
    """The demo zones (demo_data --zonder-zaken leaves them out)."""
    zones_ensure()
    return {(z.gemeente.slug, z.naam): z for z in demo["rotterdam"].vergunningzones.model.objects.select_related(
        "gemeente")}


@pytest.fixture
def parkeer_form(zones):
    def _data(**overrides):
        from django.utils import timezone

        data = {"kenteken": "KSS-27-G", "ingangsdatum": timezone.localdate().isoformat(), "email": "test@example.nl",
                "telefoon": "", "verklaring": "on"}
        data.update(overrides)
        return {k: v for k, v in data.items() if v is not None}

    return _data
