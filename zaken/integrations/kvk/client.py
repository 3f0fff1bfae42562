"""KvK adapter over the KvK Handelsregister API Basisprofiel v1 (HTTP; `apikey` header).

GET /basisprofielen/{kvkNummer} gives the profile with the hoofdvestiging and eigenaar embedded;
GET /basisprofielen/{kvkNummer}/vestigingen the Vestigingenlijst. The KvK-nummer sits in the path,
so the log shows the template `/basisprofielen/{kvkNummer}`. The API answers 400 (IPD0004) to a
malformed number and 404 (IPD0005) to an unknown one: both are NotFound to the callers.
"""

from __future__ import annotations

from urllib.parse import quote

from ..errors import NotFound
from ..http.adapter import HttpAdapter
from ..registry import registries
from .base import KvkAdapter


@registries["kvk"]("kvk-basisprofiel")
class KvkBasisprofiel(HttpAdapter, KvkAdapter):
    register = "kvk"
    verbose_name = "KvK Handelsregister Basisprofiel"

    def _path(self, kvk_nummer) -> str:
        kvk_nummer = str(kvk_nummer or "").strip()
        if not kvk_nummer:
            raise NotFound("no KvK-nummer given")
        return f"/basisprofielen/{quote(kvk_nummer, safe='')}"

    def basisprofiel(self, kvk_nummer):
        return self.client.get(self._path(kvk_nummer), log_path="/basisprofielen/{kvkNummer}").data

    def vestigingen(self, kvk_nummer):
        lijst = self.client.get(self._path(kvk_nummer) + "/vestigingen",
                                log_path="/basisprofielen/{kvkNummer}/vestigingen").data or {}
        return sorted(lijst.get("vestigingen") or [], key=lambda v: v.get("indHoofdvestiging") != "Ja")
