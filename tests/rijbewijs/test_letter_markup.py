"""The renewal's letters as markup: what the PDF's running header and the counter read from them."""

from datetime import date, datetime
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation

LETTERS = ["rijbewijs/pdf/betaalbewijs.html", "rijbewijs/pdf/afhalen.html", "rijbewijs/pdf/vervallen.html"]


@pytest.fixture
def context():
    return {
        "zaak": SimpleNamespace(identificatie="ZAAK-2026-0000042"), "datum": date(2026, 12, 4), "leges": "€ 51,10",
        "rijbewijs": SimpleNamespace(naam="Suzanne Moulin", afhalen_uiterlijk=date(2027, 3, 3),
                                     betaald_op=datetime(2026, 12, 1, 10, 0), verwacht_gereed=date(2026, 12, 3)),
        "locatie": SimpleNamespace(naam="Stadswinkel Centrum", adres="Coolsingel 40", openingstijden="ma–vr"),
        "terms": {"oud_rijbewijs_inleveren": True}, "betaling": SimpleNamespace(uuid="0d6f0d2c-5d1e"),
        "categorieen": [{"categorie": "B", "geldig_tot": date(2031, 2, 22), "nieuw_geldig_tot": date(2036, 12, 1)}],
        "qr": "data:image/svg+xml;base64,", "afhaalcode": "ZAAK-2026-0000042.0123456789",
    }


@pytest.mark.parametrize("template", LETTERS)
def test_only_the_case_number_sets_the_running_header(context, template):
    """`.sl-kenmerk` feeds "Zaaknummer …" at the top of every next page: the last one on a page wins."""
    with translation.override("nl"):
        html = render_to_string(template, context)
    assert html.count("sl-kenmerk") == 1, html


def test_pickup_letter_shows_the_code_to_type_and_the_last_day(context):
    with translation.override("nl"):
        html = render_to_string("rijbewijs/pdf/afhalen.html", context)
    assert "ZAAK-2026-0000042.0123456789" in html and "tot en met 3 maart 2027" in html
    assert "Categorieën op uw nieuwe rijbewijs" in html
