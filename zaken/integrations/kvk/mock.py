"""KvK mock: MOCK_DATA_DIR/kvk/basisprofielen.json and vestigingen.json (KvK API v1 shapes).

The RvIG set has no companies: mock_registers_build copies the demo companies shipped in
kvk/fixtures/. Other data in the same shape can be dropped into the directory instead.
"""

from __future__ import annotations

import copy
import re

from django.core.exceptions import ImproperlyConfigured

from ..brp.mockdata import check_available, load
from ..errors import NotFound
from ..registry import registries
from .base import KvkAdapter

KVK_RE = re.compile(r"^\d{8}$")


def _by_kvk(items: list[dict]) -> dict[str, dict]:
    return {item["kvkNummer"]: item for item in items}


def _vestigingen_uit_profiel(profiel: dict) -> list[dict]:
    """Without a Vestigingenlijst, the hoofdvestiging is the only one known."""
    hoofd = profiel.get("_embedded", {}).get("hoofdvestiging")
    if not hoofd:
        return []
    adres = (hoofd.get("adressen") or [{}])[0]
    return [{"vestigingsnummer": hoofd["vestigingsnummer"],
             "eersteHandelsnaam": hoofd.get("eersteHandelsnaam", ""),
             "indHoofdvestiging": "Ja", "indAdresAfgeschermd": adres.get("indAfgeschermd", "Nee"),
             "indCommercieleVestiging": hoofd.get("indCommercieleVestiging", "Ja"),
             "volledigAdres": adres.get("volledigAdres", "")}]


@registries["kvk"]("kvk-mock")
class KvkMock(KvkAdapter):
    is_mock = True
    verbose_name = "KvK Handelsregister (testomgeving)"

    def _profiel(self, kvk_nummer) -> dict:
        check_available("kvk")
        kvk_nummer = str(kvk_nummer or "").strip()
        profiel = None
        if KVK_RE.match(kvk_nummer):
            profiel = load("kvk/basisprofielen.json", _by_kvk).get(kvk_nummer)
        if profiel is None:
            raise NotFound("no such KvK-nummer")
        return profiel

    def basisprofiel(self, kvk_nummer):
        return copy.deepcopy(self._profiel(kvk_nummer))

    def vestigingen(self, kvk_nummer):
        profiel = self._profiel(kvk_nummer)
        try:
            lijst = load("kvk/vestigingen.json", _by_kvk).get(profiel["kvkNummer"])
        except ImproperlyConfigured:  # the Vestigingenlijst file is optional in dropped-in data
            lijst = None
        items = lijst["vestigingen"] if lijst else _vestigingen_uit_profiel(profiel)
        return sorted(copy.deepcopy(items), key=lambda v: v.get("indHoofdvestiging") != "Ja")
