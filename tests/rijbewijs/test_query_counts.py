"""Query budgets of the renewal's pages: the same number of queries with one case or card as with many,
and no register or configuration row read twice in one request. Timings live in benchmarks/rijbewijs.py."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import ZaakFactory
from zaken.integrations.payments.base import FAILED
from zaken.integrations.payments.services import betaling_verwerken
from zaken.integrations.registry import get_adapter
from zaken.processes.rijbewijs.models import Afhaallocatie
from zaken.processes.rijbewijs.selectors import tracker_panel
from zaken.processes.rijbewijs.services import rijbewijs_betaling

from .helpers import FORM, SUZANNE, indienen, klaar_leggen

pytestmark = pytest.mark.django_db


def queries(client, url, expect=200) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == expect, response.content.decode()[:2000]
    return [q["sql"] for q in ctx.captured_queries]


def locaties_bij(gemeente, count: int) -> None:
    for i in range(count):
        Afhaallocatie.objects.create(gemeente=gemeente, naam=f"Balie {i}", adres=f"Straat {i}, Rotterdam",
                                     openingstijden="ma–vr 09.00–17.00", volgorde=10 + i)


def test_form_and_check_page_do_not_grow_with_cases_or_counters(client, balies, digid_login, rijbewijs_form, demo):
    digid_login(SUZANNE, level="substantieel")
    client.get(FORM)  # the session settles (activity stamp, draft key)
    form_one = queries(client, FORM)
    assert client.post(FORM, rijbewijs_form()).status_code == 302
    check_one = queries(client, FORM + "controleren/")

    ZaakFactory.create_batch(30, gemeente=demo["rotterdam"], initiator_bsn=SUZANNE)
    locaties_bij(demo["rotterdam"], 12)
    assert len(queries(client, FORM)) == len(form_one)
    assert len(queries(client, FORM + "controleren/")) == len(check_one)


@pytest.mark.parametrize("step", ["", "controleren/"])
def test_form_steps_read_the_product_configuration_once(client, balies, digid_login, rijbewijs_form, step):
    """The portal hands the process its GemeenteProduct: terms and leges come from it, not from new reads."""
    digid_login(SUZANNE, level="substantieel")
    assert client.post(FORM, rijbewijs_form()).status_code == 302
    product_reads = [sql for sql in queries(client, FORM + step) if 'FROM "zaken_gemeenteproduct"' in sql]
    assert len(product_reads) == 1, product_reads


def _betaling_mislukt(rijbewijs) -> None:
    betaling = rijbewijs_betaling(rijbewijs=rijbewijs, site_url="http://testserver/",
                                  terug_url=f"/rotterdam/mijn-zaken/{rijbewijs.zaak.identificatie}/")
    get_adapter("payments").kiezen(betaling.provider_id, FAILED)
    betaling_verwerken(betaling.provider_id)


def test_tracker_detail_does_not_grow_with_cases_or_payments(client, balies, digid_login, demo):
    rijbewijs = indienen(bsn=SUZANNE, gemeente=demo["rotterdam"], locatie=balies["rotterdam"])
    _betaling_mislukt(rijbewijs)
    digid_login(SUZANNE, level="substantieel")
    url = f"/rotterdam/mijn-zaken/{rijbewijs.zaak.identificatie}/"
    client.get(url)
    one = queries(client, url)

    for _ in range(4):
        _betaling_mislukt(rijbewijs)
    ZaakFactory.create_batch(30, gemeente=demo["rotterdam"], initiator_bsn=SUZANNE)
    assert len(queries(client, url)) == len(one)


def test_tracker_panel_takes_two_queries(balies, demo, django_assert_num_queries):
    """The rijbewijs with its counter, and the last payment; what the panel's template reads is loaded."""
    rijbewijs = indienen(bsn=SUZANNE, gemeente=demo["rotterdam"], locatie=balies["rotterdam"])
    _betaling_mislukt(rijbewijs)
    zaak = rijbewijs.zaak.__class__.objects.get(pk=rijbewijs.zaak_id)
    with django_assert_num_queries(2):
        panel = tracker_panel(RequestFactory().get("/"), zaak)
        assert panel["rijbewijs"].zaak.identificatie == zaak.identificatie
        assert panel["rijbewijs"].afhaallocatie.naam
        assert panel["laatste_betaling"].status == FAILED and panel["betaling_mislukt"]


@pytest.fixture
def balie_client(client, rechten):
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    return client


def test_counter_list_does_not_grow_with_cards(balie_client, balies, demo):
    locatie = balies["rotterdam"]
    url = f"/behandelen/werklijst/rijbewijs/?locatie={locatie.pk}"
    klaar_leggen(1, gemeente=demo["rotterdam"], locatie=locatie)
    balie_client.get(url)
    one = queries(balie_client, url)

    klaar_leggen(60, gemeente=demo["rotterdam"], locatie=locatie)
    page = balie_client.get(url).content.decode()
    assert "61 rijbewijzen liggen klaar" in page and "Pagina 1 van 3" in page
    assert len(queries(balie_client, url)) == len(one)
    assert len(queries(balie_client, url + "&page=3")) == len(one)


def test_choosing_a_counter_or_a_page_is_no_empty_search(balie_client, balies, demo):
    locatie = balies["rotterdam"]
    klaar_leggen(30, gemeente=demo["rotterdam"], locatie=locatie)
    for params in (f"locatie={locatie.pk}", f"locatie={locatie.pk}&page=2", f"locatie={locatie.pk}&code="):
        response = balie_client.get("/behandelen/werklijst/rijbewijs/?" + params)
        assert response.status_code == 200, params
        assert 'aria-invalid="true"' not in response.content.decode()
    response = balie_client.get(f"/behandelen/werklijst/rijbewijs/?locatie={locatie.pk}&code=onzin")
    assert response.status_code == 400 and 'aria-invalid="true"' in response.content.decode()


def test_form_page_parses_no_register_file_again(client, balies, digid_login, monkeypatch):
    """The mock registers parse their fixture files once per process, not on every look-up."""
    from zaken.integrations.brp import mockdata

    digid_login(SUZANNE, level="substantieel")
    assert client.get(FORM).status_code == 200
    parsed, real_load = [], mockdata.json.load

    def counting_load(handle, **kwargs):
        parsed.append(handle.name)
        return real_load(handle, **kwargs)

    monkeypatch.setattr(mockdata.json, "load", counting_load)
    assert client.get(FORM).status_code == 200
    assert parsed == []
