"""The KvK adapter interface: the Handelsregister as the KvK Basisprofiel API v1 returns it.

Raises only `NotFound` (unknown or malformed KvK-nummer) and `Unavailable` (register down).
"""

from __future__ import annotations

from ..registry import BaseAdapter


class KvkAdapter(BaseAdapter):
    def basisprofiel(self, kvk_nummer: str) -> dict:
        """Basisprofiel: kvkNummer, naam, formeleRegistratiedatum (yyyymmdd), sbiActiviteiten,
        _embedded.eigenaar {rsin, rechtsvorm}, _embedded.hoofdvestiging {vestigingsnummer,
        eersteHandelsnaam, adressen}."""
        raise NotImplementedError

    def vestigingen(self, kvk_nummer: str) -> list[dict]:
        """The establishments (Vestigingenlijst items: vestigingsnummer, eersteHandelsnaam,
        indHoofdvestiging "Ja"/"Nee", volledigAdres), the hoofdvestiging first."""
        raise NotImplementedError
