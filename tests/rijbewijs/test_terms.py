"""What a municipality may configure for the renewal, and what it may not (national law)."""

import pytest

from zaken.admin_forms import term_errors

pytestmark = pytest.mark.django_db


def test_switches_take_true_or_false_only():
    assert term_errors(product_slug="rijbewijs", terms={"oud_rijbewijs_inleveren": False}) == []
    assert term_errors(product_slug="rijbewijs", terms={"oud_rijbewijs_inleveren": 0}) != []


def test_municipal_terms_are_accepted():
    terms = {"productie_werkdagen": 5, "afhaaltermijn_maanden": 3, "betaaltermijn_dagen": 2, "verlopen_max_jaren": 0}
    assert term_errors(product_slug="rijbewijs", terms=terms) == []


@pytest.mark.parametrize("key", ["jaren_geldig", "leeftijd_cbr", "jaren_c_d"])
def test_the_age_rules_of_the_law_are_not_for_a_municipality(key):
    assert any(key in error for error in term_errors(product_slug="rijbewijs", terms={key: 3}))


def test_counter_errors_say_what_to_do(client, balies, rechten):
    from django.contrib.auth import get_user_model

    from zaken.processes.rijbewijs.models import Rijbewijs

    from .helpers import klaar_leggen

    locatie = balies["rotterdam"]
    klaar_leggen(1, gemeente=locatie.gemeente, locatie=locatie)
    zaak = Rijbewijs.objects.get(afhaallocatie=locatie).zaak
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    response = client.post(f"/behandelen/werklijst/rijbewijs/?locatie={locatie.pk}",
                           {"zaak": zaak.identificatie, "locatie": locatie.pk})
    html = response.content.decode()
    assert response.status_code == 400 and "Dit veld is verplicht" not in html
    assert "Kies wat er met het rijbewijs gebeurt." in html and "Neem het documentnummer over" in html


def test_form_warns_when_the_new_licence_runs_shorter(client, balies, digid_login):
    # Charles Kierkegaard (Den Haag, 1952): B valid into 2035; at 74 a renewal runs five years.
    import time_machine
    from datetime import datetime
    from zoneinfo import ZoneInfo

    with time_machine.travel(datetime(2026, 12, 1, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False):
        digid_login("999990822", level="substantieel")
        html = client.get("/den-haag/aanvragen/rijbewijs/").content.decode()
    assert "korter geldig dan uw huidige" in html
    digid_login("999993653", level="substantieel")
    assert "korter geldig" not in client.get("/rotterdam/aanvragen/rijbewijs/").content.decode()
