"""BAG mock: addresses from MOCK_DATA_DIR/bag/adressen.json (BAG Individuele Bevragingen 2.0).

The real BAG has no municipality on an address: the gemeente follows from the woonplaats (the
gemeente-woonplaatsrelatie). The mock stores that derived code on each address as
`gemeenteIdentificatie` (conversion: the registering municipality of the residents, mapped to
today's code through Tabel 33; the extras carry it by hand), so callers get it in one call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..brp.mockdata import check_available, load
from ..errors import NotFound
from ..registry import registries
from .base import BagAdapter
from .convert import POSTCODE_RE, normalise_postcode

AOID_RE = re.compile(r"^\d{16}$")


@dataclass(frozen=True)
class Adressen:
    by_postcode_huisnummer: dict[tuple[str, int], list[dict]]
    by_aoid: dict[str, dict]


def _prepare(items: list[dict]) -> Adressen:
    by_key: dict[tuple[str, int], list[dict]] = {}
    by_aoid: dict[str, dict] = {}
    for adres in items:
        by_key.setdefault((adres["postcode"], int(adres["huisnummer"])), []).append(adres)
        if not adres.get("isNevenadres"):
            by_aoid.setdefault(adres["adresseerbaarObjectIdentificatie"], adres)
    for found in by_key.values():
        found.sort(key=lambda a: (a.get("huisletter", ""), a.get("huisnummertoevoeging", "")))
    return Adressen(by_key, by_aoid)


def _adressen() -> Adressen:
    return load("bag/adressen.json", _prepare)


def _matches(given: str, actual: str, exact: bool) -> bool:
    given = (given or "").strip().upper()
    return given == actual.upper() if (given or exact) else True


@registries["bag"]("bag-mock")
class BagMock(BagAdapter):
    is_mock = True
    verbose_name = "BAG (testomgeving)"

    def adres_zoeken(self, *, postcode, huisnummer, huisletter="", huisnummertoevoeging="",
                     exacte_match=False):
        check_available("bag")
        postcode = normalise_postcode(postcode)
        try:
            huisnummer = int(str(huisnummer).strip())
        except ValueError:
            return []
        if not POSTCODE_RE.match(postcode):
            return []
        return [dict(a) for a in _adressen().by_postcode_huisnummer.get((postcode, huisnummer), [])
                if _matches(huisletter, a.get("huisletter", ""), exacte_match)
                and _matches(huisnummertoevoeging, a.get("huisnummertoevoeging", ""), exacte_match)]

    def adres(self, adresseerbaar_object_identificatie):
        check_available("bag")
        aoid = str(adresseerbaar_object_identificatie or "").strip()
        adres = _adressen().by_aoid.get(aoid) if AOID_RE.match(aoid) else None
        if adres is None:
            raise NotFound("no such adresseerbaar object")
        return dict(adres)
