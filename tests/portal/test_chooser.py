"""The municipality chooser at hundreds of municipalities: by first letter, a search that works without
JavaScript, and no query per municipality (none at all once a process has loaded them)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import GemeenteFactory
from zaken.models import Gemeente

pytestmark = pytest.mark.django_db


def get(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(ctx.captured_queries)


def test_the_list_is_grouped_by_first_letter_under_headings(client, demo):
    GemeenteFactory(naam="'s-Hertogenbosch", slug="s-hertogenbosch")
    GemeenteFactory(naam="Súdwest-Fryslân", slug="sudwest-fryslan")
    html, _ = get(client, "/")
    headings = re.findall(r'<h2 class="utrecht-heading-2" id="letter-(\w)">', html)
    assert headings == ["D", "H", "R", "S"]
    assert 'href="#letter-H"' in html and 'aria-label="Gemeenten op beginletter"' in html
    # 's-Hertogenbosch under H, after the heading of H and before that of R.
    assert html.index('id="letter-H"') < html.index("Gemeente &#x27;s-Hertogenbosch") < html.index('id="letter-R"')
    assert 'href="/rotterdam/"' in html


def test_search_ignores_case_accents_and_hyphens(client, demo):
    GemeenteFactory(naam="Súdwest-Fryslân", slug="sudwest-fryslan")
    html, _ = get(client, "/?zoek=sudwest+fryslan")
    assert "1 gemeente gevonden voor ‘sudwest fryslan’." in html
    assert 'href="/sudwest-fryslan/"' in html and 'href="/rotterdam/"' not in html
    html, _ = get(client, "/?zoek=ROT")
    assert 'href="/rotterdam/"' in html and 'href="/den-haag/"' not in html


def test_search_without_result_says_what_to_do(client, demo):
    html, _ = get(client, "/?zoek=Atlantis")
    assert "0 gemeenten gevonden voor ‘Atlantis’." in html
    assert "Controleer de spelling" in html and 'href="/"' in html
    assert 'value="Atlantis"' in html and 'role="status"' in html


def test_inactive_municipalities_are_not_listed(client, demo):
    Gemeente.objects.filter(slug="rotterdam").update(actief=False)
    demo["den-haag"].save()  # any save renews the processes' copies
    html, _ = get(client, "/")
    assert 'href="/rotterdam/"' not in html and 'href="/den-haag/"' in html


def test_chooser_queries_do_not_grow_with_the_number_of_municipalities(client, demo):
    get(client, "/")
    _, few = get(client, "/")
    _, few_search = get(client, "/?zoek=d")
    Gemeente.objects.bulk_create(Gemeente(naam=f"Gemeente nummer {n}", slug=f"nummer-{n}", gemeentecode=f"{5000 + n}",
                                          rsin="002220647") for n in range(340))
    demo["den-haag"].save()  # bulk_create sends no signal; a save renews the processes' copies
    get(client, "/")
    html, many = get(client, "/")
    _, many_search = get(client, "/?zoek=d")
    assert html.count('<li class="utrecht-unordered-list__item">') == 343
    assert few == many == 0 and few_search == many_search == 0
