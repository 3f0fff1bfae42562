"""Every list over the database counts at most zaken.paging.CAP rows (common.pagination.CappedPagination): a
municipality with a million cases is never COUNTed in full; past the cap `count` says the cap."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from zaken import paging
from zaken.api.catalogi.views import CatalogiViewSet
from zaken.api.common.pagination import CappedPagination

from ..conftest import auth

pytestmark = pytest.mark.django_db


def _api_viewsets():
    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and getattr(pattern.callback, "actions", None):
                yield pattern.callback.cls, pattern.callback.actions

    resolver = next(p for p in get_resolver("config.urls").url_patterns
                    if isinstance(p, URLResolver) and p.namespace == "api")
    return {cls for cls, actions in walk(resolver.url_patterns) if "list" in actions.values()}


def test_every_paginated_database_list_uses_the_capped_pagination():
    viewsets = _api_viewsets()
    assert len(viewsets) >= 10
    for cls in viewsets:
        if issubclass(cls, CatalogiViewSet) or cls.pagination_class is None:
            continue  # the catalogus is built in memory; None: the spec's plain arrays
        assert issubclass(cls.pagination_class, CappedPagination), cls


@pytest.mark.parametrize(("component", "scope", "url"), [
    ("brc", "besluiten.lezen", "/api/besluiten/v1/besluiten"),
    ("drc", "documenten.lezen", "/api/documenten/v1/enkelvoudiginformatieobjecten"),
])
def test_a_lists_count_stops_at_the_cap(client, client_met, besluit_van, monkeypatch, component, scope, url):
    client_met(component, scope)
    for _ in range(4):
        besluit_van(document=True)  # a besluit with its letter: a besluit and a document each
    assert client.get(url, **auth("zac")).json()["count"] == 4
    monkeypatch.setattr(paging, "CAP", 2)
    body = client.get(url, **auth("zac")).json()
    assert body["count"] == 2 and len(body["results"]) == 2  # the pages stop at the cap
