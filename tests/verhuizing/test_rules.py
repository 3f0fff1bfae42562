from datetime import date

import pytest

from zaken.forms.verhuizing import rules
from zaken.processes.verhuizing.definition import DEFAULT_TERMS as TERMS

pytestmark = pytest.mark.django_db  # the Atw calendar reads the decree days (art. 3 lid 3)

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("opgegeven,geregistreerd,te_laat", [
    (date(2026, 11, 22), date(2026, 11, 22), False),
    (date(2026, 11, 17), date(2026, 11, 17), False),  # 5 days after the move: still on time
    (date(2026, 11, 16), date(2026, 11, 16), False),  # the 5th day is a Saturday: runs on to Monday (Atw art. 1)
    (date(2026, 11, 15), TODAY, True),  # the 5th day was Friday: the report date becomes the move date
    (date(2026, 12, 20), date(2026, 12, 20), False),  # 28 days ahead: allowed
])
def test_verhuisdatum(opgegeven, geregistreerd, te_laat):
    result = rules.verhuisdatum_bepalen(opgegeven=opgegeven, vandaag=TODAY, terms=TERMS)
    assert (result.geregistreerd, result.te_laat) == (geregistreerd, te_laat)


def test_too_early_is_refused_and_terms_are_configurable():
    with pytest.raises(ValueError):
        rules.verhuisdatum_bepalen(opgegeven=date(2026, 12, 21), vandaag=TODAY, terms=TERMS)
    ruim = {**TERMS, "aangifte_dagen_voor_verhuizing": 60}
    assert rules.verhuisdatum_bepalen(opgegeven=date(2026, 12, 21), vandaag=TODAY, terms=ruim).te_laat is False


def test_manual_reasons_and_occupancy():
    woning = {"gebruiksdoelen": ["woonfunctie"]}
    assert rules.handmatige_redenen(adres=woning, inwoning=False, brp_beschikbaar=True) == []
    assert rules.handmatige_redenen(adres={"gebruiksdoelen": ["kantoorfunctie"]}, inwoning=True,
                                    brp_beschikbaar=False) == ["geen_woonfunctie", "inwoning", "brp_niet_beschikbaar"]
    assert not rules.adresonderzoek_nodig(bewoners_nieuw_adres=4, terms=TERMS)
    assert rules.adresonderzoek_nodig(bewoners_nieuw_adres=5, terms=TERMS)
