import pytest
from django.core.management import call_command


@pytest.fixture
def maas(eherkenning_login):
    """Logged in as a demo undertaker (SBI 96031) in Rotterdam."""
    from .helpers import MAAS

    return eherkenning_login(MAAS, company="Uitvaartcentrum De Maas B.V.")


@pytest.fixture
def rechten(demo):
    call_command("backoffice_rechten", verbosity=0)


@pytest.fixture
def death_form():
    """POST data for step 2 of the e-form: a natural death in Rotterdam, funeral inside the window."""
    def _data(**overrides):
        from datetime import timedelta

        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.utils import timezone

        death = timezone.localtime() - timedelta(hours=10)
        data = {"overlijdensdatum": death.date().isoformat(), "overlijdenstijd": death.strftime("%H:%M"),
                "plaats_soort": "adres", "postcode": "3035 AW", "huisnummer": "60", "huisletter": "",
                "huisnummertoevoeging": "", "plaats_gemeente": "", "doodsoorzaak": "natuurlijk", "wijze": "cremeren",
                "uitvaart_datum": (death.date() + timedelta(days=3)).isoformat(), "uitvaart_tijd": "11:00",
                "uitvaart_plaats": "Crematorium Hofwijk", "uittreksels": "2",
                "a_formulier": SimpleUploadedFile("a-formulier.pdf", b"%PDF-1.7 A", content_type="application/pdf")}
        data.update(overrides)
        return {k: v for k, v in data.items() if v is not None}

    return _data
