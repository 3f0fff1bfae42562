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
