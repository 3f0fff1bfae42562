"""The BAG adapter interface: addresses in the BAG Individuele Bevragingen 2.0 shape.

Items are `adressenuitgebreid` records without the HAL links: openbareRuimteNaam, korteNaam,
huisnummer, huisletter, huisnummertoevoeging, postcode, woonplaatsNaam, woonplaatsIdentificatie,
openbareRuimteIdentificatie, nummeraanduidingIdentificatie, adresseerbaarObjectIdentificatie,
typeAdresseerbaarObject (Verblijfsobject, Ligplaats, Standplaats), gebruiksdoelen (the
verblijfsobject's; none for a ligplaats or standplaats), adresregel5/6; plus `isNevenadres` (bool)
and `gemeenteIdentificatie` (4-digit CBS code of the woonplaats's gemeente, which the real API gives
on the woonplaats, not on the address; "" if unknown). As in the real API, empty fields are left out.
"""

from __future__ import annotations

from ..registry import BaseAdapter


class BagAdapter(BaseAdapter):
    def adres_zoeken(self, *, postcode: str, huisnummer: int | str, huisletter: str = "",
                     huisnummertoevoeging: str = "", exacte_match: bool = False) -> list[dict]:
        """Addresses at postcode + huisnummer ("2511 ab" is read as "2511AB").

        Like the BAG API without exacteMatch, a huisletter or toevoeging left empty matches any;
        with `exacte_match` only the address exactly as given. No match gives [] (not an error).
        """
        raise NotImplementedError

    def adres(self, adresseerbaar_object_identificatie: str) -> dict:
        """The hoofdadres of one adresseerbaar object; NotFound when unknown or malformed."""
        raise NotImplementedError
