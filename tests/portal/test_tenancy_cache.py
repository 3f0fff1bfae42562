"""Every process keeps the municipalities in memory; a change shows on the next request everywhere."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaken.gemeente_cache import VERSION_KEY
from zaken.models import Gemeente, GemeenteHost

pytestmark = pytest.mark.django_db


def queries(client, path, **extra) -> int:
    with CaptureQueriesContext(connection) as ctx:
        client.get(path, **extra)
    return len(ctx.captured_queries)


def test_resolving_a_municipality_needs_no_query_once_loaded(client, demo):
    client.get("/rotterdam/")
    assert queries(client, "/gezond/") == 0
    # The home page reads nothing but its catalogue.
    assert queries(client, "/rotterdam/") <= 1


def test_a_renamed_municipality_shows_on_the_next_request(client, demo):
    assert "Gemeente Rotterdam" in client.get("/rotterdam/").content.decode()
    rotterdam = demo["rotterdam"]
    rotterdam.naam = "Rotterdam-Rijnmond"
    rotterdam.save()
    assert "Gemeente Rotterdam-Rijnmond" in client.get("/rotterdam/").content.decode()


def test_a_deactivated_municipality_is_404_at_once(client, demo):
    assert client.get("/rotterdam/").status_code == 200
    rotterdam = demo["rotterdam"]
    rotterdam.actief = False
    rotterdam.save()
    assert client.get("/rotterdam/").status_code == 404
    rotterdam.actief = True
    rotterdam.save()
    assert client.get("/rotterdam/").status_code == 200


def test_a_host_name_added_or_removed_shows_on_the_next_request(client, demo):
    host = {"HTTP_HOST": "loket.rotterdam.example"}
    assert "Online regelen bij gemeente Rotterdam" not in client.get("/", **host).content.decode()
    record = GemeenteHost.objects.create(gemeente=demo["rotterdam"], hostname="loket.rotterdam.example")
    assert "Online regelen bij gemeente Rotterdam" in client.get("/", **host).content.decode()
    record.delete()
    assert "Online regelen bij gemeente Rotterdam" not in client.get("/", **host).content.decode()


def test_a_theme_change_shows_on_the_next_request(client, demo):
    rotterdam = demo["rotterdam"]
    assert "samenloket-db-theme" not in client.get("/rotterdam/").content.decode()
    rotterdam.theme_kind = Gemeente.ThemeKind.DATABASE
    rotterdam.theme_tokens = {"--utrecht-heading-color": "#123456"}
    rotterdam.save()
    assert "samenloket-db-theme" in client.get("/rotterdam/").content.decode()
    assert "#123456" in client.get("/thema/rotterdam.css").content.decode()
    rotterdam.theme_tokens = {"--utrecht-heading-color": "#654321"}
    rotterdam.save()
    css = client.get("/thema/rotterdam.css").content.decode()
    assert "#654321" in css and "#123456" not in css


def test_another_process_change_reaches_this_one_through_the_shared_stamp(client, demo):
    client.get("/rotterdam/")
    # Another process saved it: this process saw no signal, only the new stamp in the shared cache.
    Gemeente.objects.filter(slug="rotterdam").update(naam="Rotterdam-Zuid")
    assert "Gemeente Rotterdam-Zuid" not in client.get("/rotterdam/").content.decode()
    cache.set(VERSION_KEY, "elders-gewijzigd", timeout=None)
    assert "Gemeente Rotterdam-Zuid" in client.get("/rotterdam/").content.decode()


def test_a_request_cannot_change_what_the_next_one_sees(client, demo, rf):
    from portal.tenancy import gemeente_for_slug, tenancy

    first = gemeente_for_slug("rotterdam", tenancy())
    first.naam = "gewijzigd in een request"
    first.theme_tokens["--x-color"] = "red"
    again = gemeente_for_slug("rotterdam", tenancy())
    assert again.naam == "Rotterdam" and "--x-color" not in again.theme_tokens


def test_a_process_trusts_its_stamp_for_a_moment_but_its_own_saves_at_once(client, demo, settings):
    from zaken import gemeente_cache

    settings.GEMEENTEN_VERSIE_SECONDEN = 60
    client.get("/rotterdam/")
    Gemeente.objects.filter(slug="rotterdam").update(naam="Rotterdam-Zuid")
    cache.set(VERSION_KEY, "elders-gewijzigd", timeout=None)  # another process saved it
    assert "Gemeente Rotterdam-Zuid" not in client.get("/rotterdam/").content.decode()  # no Redis read yet
    gemeente_cache._seen["until"] = 0  # the moment has passed
    assert "Gemeente Rotterdam-Zuid" in client.get("/rotterdam/").content.decode()
    rotterdam = Gemeente.objects.get(slug="rotterdam")
    rotterdam.naam = "Rotterdam-Noord"
    rotterdam.save()  # this process saved: seen at once
    assert "Gemeente Rotterdam-Noord" in client.get("/rotterdam/").content.decode()
