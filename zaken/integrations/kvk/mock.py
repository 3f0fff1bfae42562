"""KvK mock register's backend: MOCK_DATA_DIR/kvk/basisprofielen.json and vestigingen.json (KvK
API Basisprofiel v1 shapes), served over HTTP by mockservice/kvk.py.

The RvIG set has no companies: mock_registers_build copies the demo companies shipped in
kvk/fixtures/. Other data in the same shape can be dropped into the directory instead.
"""

from __future__ import annotations

import copy
import re

from django.core.exceptions import ImproperlyConfigured

from ..brp.mockdata import load

KVK_RE = re.compile(r"^\d{8}$")


def _by_kvk(items: list[dict]) -> dict[str, dict]:
    return {item["kvkNummer"]: item for item in items}


def _vestigingen_uit_profiel(profiel: dict) -> list[dict]:
    """Without a Vestigingenlijst, the hoofdvestiging is the only one known."""
    hoofd = profiel.get("_embedded", {}).get("hoofdvestiging")
    if not hoofd:
        return []
    adres = (hoofd.get("adressen") or [{}])[0]
    return [{"vestigingsnummer": hoofd["vestigingsnummer"], "kvkNummer": profiel["kvkNummer"],
             "eersteHandelsnaam": hoofd.get("eersteHandelsnaam", ""),
             "indHoofdvestiging": "Ja", "indAdresAfgeschermd": adres.get("indAfgeschermd", "Nee"),
             "indCommercieleVestiging": hoofd.get("indCommercieleVestiging", "Ja"),
             "volledigAdres": adres.get("volledigAdres", "")}]


class KvkMock:
    """The mock register's data: what the HTTP routes answer (not an adapter: the client is
    zaken.integrations.kvk.client.KvkBasisprofiel, also against this mock)."""

    def basisprofiel(self, kvk_nummer: str) -> dict | None:
        profiel = load("kvk/basisprofielen.json", _by_kvk).get(kvk_nummer) if KVK_RE.match(kvk_nummer) else None
        return copy.deepcopy(profiel) if profiel else None

    def vestigingenlijst(self, kvk_nummer: str) -> dict | None:
        """The Vestigingenlijst (hoofdvestiging first), or None for an unknown KvK-nummer."""
        profiel = self.basisprofiel(kvk_nummer)
        if profiel is None:
            return None
        try:
            lijst = load("kvk/vestigingen.json", _by_kvk).get(kvk_nummer)
        except ImproperlyConfigured:  # the Vestigingenlijst file is optional in dropped-in data
            lijst = None
        items = copy.deepcopy(lijst["vestigingen"]) if lijst else _vestigingen_uit_profiel(profiel)
        items.sort(key=lambda v: v.get("indHoofdvestiging") != "Ja")
        commercieel = sum(v.get("indCommercieleVestiging") == "Ja" for v in items)
        return {"kvkNummer": kvk_nummer, "aantalCommercieleVestigingen": commercieel,
                "aantalNietCommercieleVestigingen": len(items) - commercieel,
                "totaalAantalVestigingen": len(items), "vestigingen": items}
