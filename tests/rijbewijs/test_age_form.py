"""The age rules as the form shows them and the case stores them, around the 65th, 70th and 75th birthday.

Martinus de Beer (999990378, Rotterdam) is born on 1 October 1960 and holds AM, A1, A2, A and B without a
CBR declaration. The dates below are worked out by hand from domain.md §3: 10 years until 65, from 65
until the 75th birthday, from 70 five years, from 75 nothing without an approved CBR declaration.
"""

from datetime import date, datetime

import pytest
import time_machine

from zaken.processes.rijbewijs.models import Rijbewijs
from zaken.termijnen import NL_TIME

from .support import form_url, indienen

from tests.rijbewijs.support import lang

pytestmark = pytest.mark.django_db

MARTINUS = "999990378"

TABLE = [
    # (application date, new expiry of every category, the rule)
    (date(2025, 9, 15), date(2035, 9, 15), "standaard"),  # 64: ten years
    (date(2025, 9, 30), date(2035, 9, 30), "standaard"),  # the day before the 65th birthday
    (date(2025, 10, 1), date(2035, 10, 1), "vaste_einde"),  # 65th birthday: until the 75th
    (date(2025, 10, 15), date(2035, 10, 1), "vaste_einde"),  # 65: until the 75th, not ten years
    (date(2030, 9, 30), date(2035, 10, 1), "vaste_einde"),  # the day before the 70th birthday
    (date(2030, 10, 1), date(2035, 10, 1), "kort"),  # 70th birthday: five years
    (date(2030, 10, 15), date(2035, 10, 15), "kort"),  # 70: five years, past the 75th birthday
    (date(2035, 9, 30), date(2040, 9, 30), "kort"),  # the day before the 75th birthday
]


def _op(dag: date, uur: int = 10, minuut: int = 0):
    return time_machine.travel(datetime(dag.year, dag.month, dag.day, uur, minuut, tzinfo=NL_TIME), tick=False)


@pytest.mark.parametrize(("aanvraagdatum", "nieuw", "regel"), TABLE)
def test_form_shows_and_case_stores_the_new_dates(client, balies, digid_login, rijbewijs_form, aanvraagdatum,
                                                  nieuw, regel, django_capture_on_commit_callbacks):
    with _op(aanvraagdatum):
        digid_login(MARTINUS, level="substantieel")
        html = client.get(form_url()).content.decode()
        categorieen = ["AM", "A1", "A2", "A", "B"]
        for categorie in categorieen:
            assert f'value="{categorie}"' in html
            assert f"{categorie}: nu geldig tot" in html
        assert html.count(f"nieuw geldig tot {lang(nieuw)}") == len(categorieen)
        _response, rijbewijs = indienen(client, django_capture_on_commit_callbacks,
                                        rijbewijs_form(categorieen=categorieen))
    assert rijbewijs is not None and rijbewijs.zaak.registratiedatum.astimezone(NL_TIME).date() == aanvraagdatum
    assert {c["categorie"]: (c["nieuwGeldigTot"], c["regel"]) for c in rijbewijs.categorieen} == {
        c: (nieuw.isoformat(), regel) for c in categorieen}
    assert f"B: geldig tot {nieuw:%d-%m-%Y}" in rijbewijs.zaak.gegevens["Te verlengen categorieën"]


@pytest.mark.parametrize("aanvraagdatum", [date(2035, 10, 1), date(2035, 10, 15)])
def test_from_the_75th_birthday_nothing_without_cbr(client, balies, digid_login, rijbewijs_form, aanvraagdatum):
    with _op(aanvraagdatum):
        digid_login(MARTINUS, level="substantieel")
        response = client.get(form_url())
        html = response.content.decode()
        assert response.status_code == 200 and 'name="categorieen"' not in html
        assert "gezondheidsverklaring van het CBR nodig" in html
        client.post(form_url(), rijbewijs_form(categorieen=["B"]))
    assert not Rijbewijs.objects.exists()


def test_the_check_page_recomputes_on_the_day_it_is_sent(client, balies, digid_login, rijbewijs_form,
                                                         django_capture_on_commit_callbacks):
    """Form filled late on the day before the 65th birthday, sent just after midnight: the sending day counts."""
    from tests.eform_check import fingerprint_of

    with _op(date(2025, 9, 30), 23, 55):
        digid_login(MARTINUS, level="substantieel")
        assert client.post(form_url(), rijbewijs_form(categorieen=["B"])).status_code == 302
    with _op(date(2025, 10, 1), 0, 5):
        page = client.get(form_url(step="controleren"))
        assert "01-10-2035" in page.content.decode() or "1 oktober 2035" in page.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(form_url(step="controleren"), {"vingerafdruk": fingerprint_of(page)})
    rijbewijs = Rijbewijs.objects.get()
    assert rijbewijs.categorieen[0]["nieuwGeldigTot"] == "2035-10-01"
    assert rijbewijs.categorieen[0]["regel"] == "vaste_einde"
