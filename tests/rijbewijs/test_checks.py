"""Who may not renew online, through the form page: each reason with its message and its way forward."""

from datetime import date, timedelta

import pytest
import time_machine
from django.utils.html import escape

from zaken.integrations.registry import get_adapter
from zaken.processes.rijbewijs.models import Rijbewijs

from .support import SUZANNE, form_url, indienen

from tests.rijbewijs.support import lang

pytestmark = pytest.mark.django_db

FIRST_LICENCE = "999997981"  # Frank Kramer, Rotterdam, born 2015: no licence at all

# (bsn, municipality of registration, a piece of the message, a piece of the way forward)
BLOCKED = [
    ("999990081", "den-haag", "De RDW heeft nog geen pasfoto en handtekening van u",
     "Ga naar een fotograaf of fotohokje dat door de RDW is erkend"),
    ("999993185", "den-haag", "De RDW heeft wel uw pasfoto, maar nog geen handtekening",
     "Kom daarna hier terug"),
    ("999992478", "hellevoetsluis", "De RDW kon uw nieuwe pasfoto niet goed vergelijken", "Aanvragen aan de balie"),
    ("999995819", "den-haag", "vermist of gestolen geregistreerd", "Aanvragen aan de balie"),
    ("999993380", "den-haag", "Uw rijbewijs is ingetrokken of ongeldig verklaard", "Aanvragen aan de balie"),
    (FIRST_LICENCE, "rotterdam", "Volgens de RDW hebt u geen Nederlands rijbewijs", "Aanvragen aan de balie"),
    ("000009866", "den-haag", "Het CBR heeft er geen van u", "U vraagt de gezondheidsverklaring aan bij het CBR"),
    ("999993859", "den-haag", "Uw vorige verklaring was geldig tot", "U vraagt de gezondheidsverklaring aan bij het CBR"),
]


@pytest.mark.parametrize(("bsn", "gemeente", "uitleg", "vervolg"), BLOCKED)
def test_blocked_person_is_told_why_and_where_to_go(client, balies, digid_login, rijbewijs_form, bsn, gemeente,
                                                    uitleg, vervolg):
    digid_login(bsn, level="substantieel")
    response = client.get(form_url(gemeente))
    html = response.content.decode()
    assert response.status_code == 200
    assert escape(uitleg) in html and escape(vervolg) in html
    assert "Contact met gemeente" in html  # the municipality's contact details
    assert 'name="categorieen"' not in html
    # Posting the form anyway files nothing.
    response = client.post(form_url(gemeente), rijbewijs_form(gemeente))
    assert response.status_code == 200 and escape(uitleg) in response.content.decode()
    assert not Rijbewijs.objects.exists()


def test_cbr_expired_names_the_old_end_date(client, balies, digid_login):
    digid_login("999993859", level="substantieel")
    geldig_tot = date.fromisoformat(get_adapter("rdw").cbr_gezondheidsverklaring("999993859")["geldigTot"])
    assert geldig_tot < date.today()
    assert f"Uw vorige verklaring was geldig tot {geldig_tot:%d-%m-%Y}" in client.get(form_url("den-haag")).content.decode()


def test_75_plus_with_cbr_renews_until_the_declaration_ends(client, balies, digid_login):
    digid_login("999990068", level="substantieel")  # Rozen Groeman, 1947, CBR on file
    cbr = date.fromisoformat(get_adapter("rdw").cbr_gezondheidsverklaring("999990068")["geldigTot"])
    html = client.get(form_url("den-haag")).content.decode()
    assert f"nieuw geldig tot {lang(cbr)}" in html and 'value="B"' in html


def test_c_and_d_without_cbr_only_b_is_offered(client, balies, digid_login):
    digid_login("999990019", level="substantieel")  # Erebos Bultenaar: B, BE, C1, C1E, C, CE, no CBR
    response = client.get(form_url("hellevoetsluis"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="B"' in html and 'value="BE"' in html
    for categorie in ("C1", "C1E", "C", "CE"):
        assert f'value="{categorie}"' not in html
    assert "Voor deze categorieën is een goedgekeurde gezondheidsverklaring van het CBR nodig" in html
    assert "Het CBR heeft er geen van u" in html


def test_c_cannot_be_smuggled_into_the_post(client, balies, digid_login, rijbewijs_form):
    digid_login("999990019", level="substantieel")
    response = client.post(form_url("hellevoetsluis"), rijbewijs_form("hellevoetsluis", categorieen=["B", "C"]))
    assert response.status_code == 400 and "Kies alleen categorieën uit de lijst" in response.content.decode()
    assert not Rijbewijs.objects.exists()


def _laatste(bsn) -> date:
    return max(date.fromisoformat(c["geldigTot"]) for c in get_adapter("rdw").rijbewijs(bsn)["categorieen"])


def test_expired_longer_than_the_limit_goes_to_the_counter(client, balies, digid_login):
    bsn = "999995583"  # Femke Hanekamp: expired over a year ago; the limit is 5 years (verlopen_max_jaren)
    laatste = _laatste(bsn)
    with time_machine.travel(date(laatste.year + 5, laatste.month, laatste.day), tick=False):
        digid_login(bsn, level="substantieel")
        assert 'name="categorieen"' in client.get(form_url()).content.decode()  # the last day still counts
    with time_machine.travel(date(laatste.year + 5, laatste.month, laatste.day) + timedelta(days=1), tick=False):
        client.cookies.clear()  # the session of a day ago has expired
        digid_login(bsn, level="substantieel")
        html = client.get(form_url()).content.decode()
    assert "langer dan 5 jaar geleden verlopen" in html and 'name="categorieen"' not in html


def test_the_limit_is_configuration(client, balies, digid_login, demo):
    from zaken.models import GemeenteProduct

    gp = GemeenteProduct.objects.get(gemeente=demo["rotterdam"], product__slug="rijbewijs")
    gp.termijnen = {**(gp.termijnen or {}), "verlopen_max_jaren": 1}
    gp.save()
    digid_login("999995583", level="substantieel")
    assert "langer dan 1 jaar geleden verlopen" in client.get(form_url()).content.decode()


def test_registered_in_another_municipality(client, balies, digid_login):
    digid_login(SUZANNE, level="substantieel")  # lives in Rotterdam
    html = client.get(form_url("den-haag")).content.decode()
    assert "U staat ingeschreven in een andere gemeente" in html and 'name="categorieen"' not in html


@pytest.mark.parametrize("register", ["rdw", "brp"])
def test_register_down_is_503_with_try_again(client, balies, digid_login, settings, register):
    digid_login(SUZANNE, level="substantieel")
    settings.MOCK_UNAVAILABLE = {register}
    response = client.get(form_url())
    html = response.content.decode()
    assert response.status_code == 503
    assert "Probeer het over enkele minuten opnieuw" in html and "Opnieuw proberen" in html


def test_rdw_down_at_the_check_page_files_nothing(client, balies, digid_login, rijbewijs_form, settings):
    digid_login(SUZANNE, level="substantieel")
    assert client.post(form_url(), rijbewijs_form()).status_code == 302
    settings.MOCK_UNAVAILABLE = {"rdw"}
    assert client.get(form_url(step="controleren")).status_code == 503
    assert client.post(form_url(step="controleren"), {"vingerafdruk": "x"}).status_code == 503
    assert not Rijbewijs.objects.exists()


def test_digid_midden_gets_the_level_page(client, balies, digid_login):
    digid_login(SUZANNE, level="midden")
    response = client.get(form_url())
    html = response.content.decode()
    assert response.status_code == 403
    assert "hoger betrouwbaarheidsniveau" in html and "Uitloggen en opnieuw inloggen" in html
    assert "Suzanne" not in html  # nothing of the RDW was read


def test_second_open_application_is_refused(client, balies, digid_login, rijbewijs_form,
                                            django_capture_on_commit_callbacks):
    digid_login(SUZANNE, level="substantieel")
    indienen(client, django_capture_on_commit_callbacks, rijbewijs_form())
    response = client.post(form_url(), rijbewijs_form())
    assert response.status_code == 302
    from tests.eform_check import confirm

    response = confirm(client, response["Location"])
    assert response.status_code == 409 and "U hebt al een aanvraag" in response.content.decode()
    assert Rijbewijs.objects.count() == 1


def test_a_counter_of_another_municipality_cannot_be_chosen(client, balies, digid_login, rijbewijs_form):
    digid_login(SUZANNE, level="substantieel")
    response = client.post(form_url(), rijbewijs_form(afhaallocatie=str(balies["den-haag"].pk)))
    assert response.status_code == 400 and "Kies een afhaallocatie uit de lijst" in response.content.decode()
    assert not Rijbewijs.objects.exists()
