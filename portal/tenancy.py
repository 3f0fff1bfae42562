"""Which municipality a request is for: the path prefix, or the host name (its own domain).

Every web process keeps the active municipalities and their host names in memory, so resolving a
request costs no query. One read of a version stamp in the shared cache per request
(zaken.gemeente_cache) tells whether an admin changed a municipality, a host name, a theme or a
product since: then the process loads them again (two queries). Writes that bypass the model signals
(queryset.update, raw SQL) show after at most MAX_AGE_SECONDS.
"""

import copy
import threading
import time
from dataclasses import dataclass, field

from django.http import Http404
from django.urls import reverse as django_reverse

from zaken.gemeente_cache import gemeenten_versie
from zaken.models import Gemeente, GemeenteHost

MAX_AGE_SECONDS = 300

_FIELDS = [f.attname for f in Gemeente._meta.concrete_fields]


@dataclass
class Tenancy:
    """One version of the active municipalities, shared by the requests of a process; read-only."""

    version: str
    loaded_at: float
    rows: dict[int, tuple] = field(default_factory=dict)  # id -> field values in _FIELDS order
    by_slug: dict[str, int] = field(default_factory=dict)
    by_host: dict[str, int] = field(default_factory=dict)
    derived: dict = field(default_factory=dict)  # per-version values others compute once (memo)

    def gemeente(self, pk: int) -> Gemeente:
        """A fresh instance per call: a request may never change what the next one sees."""
        values = [copy.deepcopy(v) if isinstance(v, (dict, list)) else v for v in self.rows[pk]]
        return Gemeente.from_db("default", _FIELDS, values)

    def memo(self, key, compute):
        """A value derived from this version (a list, a stylesheet), computed once per process."""
        try:
            return self.derived[key]
        except KeyError:
            value = self.derived[key] = compute()
            return value


_current: Tenancy | None = None
_lock = threading.Lock()


def _load(version: str) -> Tenancy:
    state = Tenancy(version=version, loaded_at=time.monotonic())
    for row in Gemeente.objects.filter(actief=True).values_list(*_FIELDS):
        state.rows[row[0]] = row
        state.by_slug[row[_FIELDS.index("slug")]] = row[0]
    hosts = GemeenteHost.objects.filter(gemeente__actief=True).values_list("hostname", "gemeente_id")
    state.by_host = {hostname.lower(): pk for hostname, pk in hosts}
    return state


def tenancy() -> Tenancy:
    """The active municipalities as of now (one cache read; two queries after a change)."""
    global _current
    version = gemeenten_versie()
    state = _current
    if state is None or state.version != version or time.monotonic() - state.loaded_at > MAX_AGE_SECONDS:
        with _lock:
            state = _current = _load(version)
    return state


def gemeente_for_host(host: str, state: Tenancy | None = None) -> Gemeente | None:
    state = state or tenancy()
    pk = state.by_host.get(host.split(":")[0].lower())
    return state.gemeente(pk) if pk is not None else None


def gemeente_for_slug(slug: str, state: Tenancy | None = None) -> Gemeente:
    state = state or tenancy()
    pk = state.by_slug.get(slug)
    if pk is None:
        raise Http404("onbekende gemeente")
    return state.gemeente(pk)


def request_tenancy(request) -> Tenancy:
    """The request's view of the municipalities (read once per request by the tenant middleware)."""
    state = getattr(request, "tenancy", None)
    if state is None:
        state = request.tenancy = tenancy()
    return state


def tenant_reverse(request, name: str, kwargs: dict | None = None) -> str:
    """Reverse a portal route for the request's municipality, with or without the slug prefix."""
    kwargs = dict(kwargs or {})
    if not getattr(request, "gemeente_from_host", False):
        kwargs["gemeente"] = request.gemeente.slug
    return django_reverse(f"portal:{name}", kwargs=kwargs)
