"""BAG mock register's backend: addresses from MOCK_DATA_DIR/bag/adressen.json (BAG Individuele
Bevragingen 2.0 `adressenuitgebreid` items), served over HTTP by mockservice/bag.py.

The real BAG has no municipality on an address: the gemeente follows from the woonplaats (the
gemeente-woonplaatsrelatie, `/woonplaatsen/{id}?expand=bronhouders`). The data file stores that
derived code on each address as `gemeenteIdentificatie` (conversion: the registering municipality
of the residents, mapped to today's code through Tabel 33; the extras carry it by hand). The RvIG
set has no BAG ids for woonplaatsen and openbare ruimten, so this backend makes stable ones up
(woonplaats per name and municipality, openbare ruimte per woonplaats and street name); data that
already carries `woonplaatsIdentificatie` / `openbareRuimteIdentificatie` keeps its own.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ..brp.mockdata import load
from .convert import POSTCODE_RE, normalise_postcode

AOID_RE = re.compile(r"^\d{4}(01|02|03)\d{10}$")
WOONPLAATS_RE = re.compile(r"^(?!0000)\d{4}$")


@dataclass(frozen=True)
class Woonplaats:
    identificatie: str
    naam: str
    gemeentecode: str


@dataclass(frozen=True)
class Adressen:
    by_postcode_huisnummer: dict[tuple[str, int], list[dict]]
    by_aoid: dict[str, list[dict]]  # hoofdadres first, then nevenadressen
    woonplaatsen: dict[str, Woonplaats]


def _digest(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest(), 16)


def _woonplaats_ids(items: list[dict]) -> dict[tuple[str, str], str]:
    """A stable 4-digit code per (woonplaatsNaam, gemeente); data's own codes are kept."""
    ids: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for adres in items:
        own = adres.get("woonplaatsIdentificatie")
        if own:
            ids[(adres.get("woonplaatsNaam", ""), adres.get("gemeenteIdentificatie", ""))] = own
            taken.add(own)
    keys = sorted({(a.get("woonplaatsNaam", ""), a.get("gemeenteIdentificatie", "")) for a in items} - set(ids))
    for key in keys:
        number = 1000 + _digest(*key) % 9000
        while f"{number:04d}" in taken:
            number = 1000 + (number - 999) % 9000
        ids[key] = f"{number:04d}"
        taken.add(ids[key])
    return ids


def _prepare(items: list[dict]) -> Adressen:
    wpl_ids = _woonplaats_ids(items)
    by_key: dict[tuple[str, int], list[dict]] = {}
    by_aoid: dict[str, list[dict]] = {}
    woonplaatsen: dict[str, Woonplaats] = {}
    for stored in items:
        gemeente = stored.get("gemeenteIdentificatie", "")
        wpl = wpl_ids[(stored.get("woonplaatsNaam", ""), gemeente)]
        woonplaatsen.setdefault(wpl, Woonplaats(wpl, stored.get("woonplaatsNaam", ""), gemeente))
        adres = dict(stored)
        adres["woonplaatsIdentificatie"] = wpl
        adres.setdefault("openbareRuimteIdentificatie",
                         f"{gemeente or '0000'}30{_digest(wpl, adres['openbareRuimteNaam']) % 10**10:010d}")
        by_key.setdefault((adres["postcode"], int(adres["huisnummer"])), []).append(adres)
        by_aoid.setdefault(adres["adresseerbaarObjectIdentificatie"], []).append(adres)
    for found in by_key.values():
        found.sort(key=lambda a: (a.get("huisletter", ""), a.get("huisnummertoevoeging", "")))
    for found in by_aoid.values():
        found.sort(key=lambda a: bool(a.get("isNevenadres")))
    return Adressen(by_key, by_aoid, woonplaatsen)


def _adressen() -> Adressen:
    return load("bag/adressen.json", _prepare)


def _matches(given: str, actual: str, exact: bool) -> bool:
    given = (given or "").strip().upper()
    return given == actual.upper() if (given or exact) else True


class BagMock:
    """The mock register's data: what the HTTP routes answer (not an adapter: the client is
    zaken.integrations.bag.client.BagKadaster, also against this mock)."""

    def adres_zoeken(self, *, postcode: str, huisnummer: int, huisletter: str = "",
                     huisnummertoevoeging: str = "", exacte_match: bool = False) -> list[dict]:
        """Stored records at postcode + huisnummer; huisletter/toevoeging filter as exacteMatch says."""
        postcode = normalise_postcode(postcode)
        if not POSTCODE_RE.match(postcode):
            return []
        return [dict(a) for a in _adressen().by_postcode_huisnummer.get((postcode, int(huisnummer)), [])
                if _matches(huisletter, a.get("huisletter", ""), exacte_match)
                and _matches(huisnummertoevoeging, a.get("huisnummertoevoeging", ""), exacte_match)]

    def adressen_van_object(self, adresseerbaar_object_identificatie: str) -> list[dict]:
        """Every address (hoofdadres first) of one adresseerbaar object; [] when unknown."""
        return [dict(a) for a in _adressen().by_aoid.get(adresseerbaar_object_identificatie, [])]

    def woonplaats(self, identificatie: str) -> Woonplaats | None:
        return _adressen().woonplaatsen.get(identificatie)


def _gemeente_namen(doc: dict) -> dict[str, str]:
    return {w["code"]: w["omschrijving"] for w in doc["waarden"]}


def gemeente_naam(code: str) -> str:
    """The municipality's name from Tabel 33 (the BRP mock's copy), for the woonplaats's bronhouder."""
    return load("brp/gemeenten.json", _gemeente_namen).get(code, "")
