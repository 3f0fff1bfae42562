"""The BRP adapter interface: persons in the Haal Centraal BRP Personen 2.x shape.

A real client (Haal Centraal BRP API, RvIG) and the mock implement the same methods. Every method
raises only `NotFound` (unknown or malformed BSN) and `Unavailable` (register down).
"""

from __future__ import annotations

from datetime import date

from ..registry import BaseAdapter


class BrpAdapter(BaseAdapter):
    def persoon(self, bsn: str) -> dict:
        """One person (HC `Persoon`): naam, geboorte, verblijfplaats, partners, kinderen, ouders...

        Deceased persons have `overlijden`; there is no separate flag. `leeftijd` is today's age
        (absent for the deceased, as in HC).
        """
        raise NotImplementedError

    def personen(self, bsns: list[str]) -> list[dict]:
        """The persons found among `bsns`, in that order; unknown BSNs are left out (as HC does)."""
        raise NotImplementedError

    def bewoners(self, adresseerbaar_object_identificatie: str) -> list[dict]:
        """Who lives at an address now, as HC BRP Bewoning `bewoningen[0].bewoners[]` items.

        A vacant or unknown address gives []; a malformed identification raises NotFound.
        """
        raise NotImplementedError

    def adres_wijzigen(self, *, bsn: str, adres: dict, datum_aanvang: date) -> None:
        """Register a move to `adres` (a BAG adres as BagAdapter returns it) from `datum_aanvang`."""
        raise NotImplementedError

    def overlijden_registreren(self, *, bsn: str, datum: date, plaats_gemeentecode: str) -> None:
        """Register a death; the person then has `overlijden` and no longer lives anywhere."""
        raise NotImplementedError
