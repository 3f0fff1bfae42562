"""Every mock behaves as a register that is down when its kind is in MOCK_UNAVAILABLE,
and tells how to build its data when the files are missing."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from zaken.integrations.errors import Unavailable
from zaken.integrations.registry import get_adapter

pytestmark = pytest.mark.django_db

CALLS = {
    "brp": lambda a: a.persoon("999993653"),
    "bag": lambda a: a.adres_zoeken(postcode="3077AW", huisnummer=31),
    "kvk": lambda a: a.basisprofiel("69599084"),
}


@pytest.mark.parametrize("kind", sorted(CALLS))
def test_unavailable(settings, kind):
    CALLS[kind](get_adapter(kind))  # fine while up
    settings.MOCK_UNAVAILABLE = {kind}
    with pytest.raises(Unavailable):
        CALLS[kind](get_adapter(kind))
    for other in set(CALLS) - {kind}:
        CALLS[other](get_adapter(other))


def test_every_brp_method_is_unavailable(settings):
    from datetime import date

    settings.MOCK_UNAVAILABLE = {"brp"}
    brp = get_adapter("brp")
    for call in (lambda: brp.personen(["999993653"]), lambda: brp.bewoners("0599010000208579"),
                 lambda: brp.adres_wijzigen(bsn="999993653", adres={}, datum_aanvang=date.today()),
                 lambda: brp.overlijden_registreren(bsn="999993653", datum=date.today(),
                                                    plaats_gemeentecode="0599")):
        with pytest.raises(Unavailable):
            call()


@pytest.mark.parametrize("kind", sorted(CALLS))
def test_missing_data_says_how_to_build_it(settings, tmp_path, kind):
    settings.MOCK_DATA_DIR = tmp_path
    with pytest.raises(ImproperlyConfigured, match="mock_registers_build"):
        CALLS[kind](get_adapter(kind))
