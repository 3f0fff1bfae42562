"""BAG adapter over the Kadaster's BAG API Individuele Bevragingen v2 (HTTP, HAL+JSON).

- Addresses come from GET /adressenuitgebreid (postcode + huisnummer [+ huisletter,
  huisnummertoevoeging, exacteMatch], or adresseerbaarObjectIdentificatie): the address with the
  adresseerbaar object's type and the verblijfsobject's gebruiksdoelen in one answer. The answer
  carries geometry, so the API wants `Accept-Crs: epsg:28992`; it speaks only application/hal+json.
- The API gives no municipality on an address: the woonplaats's bronhouder is its gemeente, read
  from GET /woonplaatsen/{id}?expand=bronhouders and kept in the cache (it changes only when
  municipalities merge), so a lookup costs one request and, per new woonplaats, one more.
- Identifiers never appear in the log: postcode and huisnummer are query parameters (not logged),
  the woonplaats path is logged as a template.
"""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache

from ..errors import NotFound, Rejected
from ..http.adapter import HttpAdapter
from ..registry import registries
from .base import BagAdapter
from .convert import POSTCODE_RE, normalise_postcode

CRS = "epsg:28992"
HEADERS = {"Accept": "application/hal+json", "Accept-Crs": CRS}
PAGE_SIZE = 100  # the API's maximum
MAX_PAGES = 10  # one postcode + huisnummer never has 1000 addresses; stop a runaway loop
WOONPLAATS_CACHE_SECONDS = 24 * 3600


def gemeente_cache_seconds() -> int:
    return int(getattr(settings, "BAG_WOONPLAATS_CACHE_SECONDS", WOONPLAATS_CACHE_SECONDS))


@registries["bag"]("bag-kadaster")
class BagKadaster(HttpAdapter, BagAdapter):
    register = "bag"
    verbose_name = "BAG API Individuele Bevragingen (Kadaster)"

    def adres_zoeken(self, *, postcode, huisnummer, huisletter="", huisnummertoevoeging="",
                     exacte_match=False):
        postcode = normalise_postcode(postcode)
        huisnummer = str(huisnummer if huisnummer is not None else "").strip()
        # What the API would refuse (400) is no address: skip the request.
        if not POSTCODE_RE.match(postcode) or not huisnummer.isdigit() or not 1 <= int(huisnummer) <= 99999:
            return []
        params = {"postcode": postcode, "huisnummer": int(huisnummer)}
        if (huisletter or "").strip():
            params["huisletter"] = huisletter.strip()
        if (huisnummertoevoeging or "").strip():
            params["huisnummertoevoeging"] = huisnummertoevoeging.strip()
        if exacte_match:
            params["exacteMatch"] = "true"
        try:
            adressen = self._adressen(params)
        except Rejected:  # e.g. a huisletter of two letters: no such address
            return []
        return self._met_gemeente(adressen)

    def adres(self, adresseerbaar_object_identificatie):
        aoid = str(adresseerbaar_object_identificatie or "").strip()
        if not aoid:
            raise NotFound("no adresseerbaar object given")
        adressen = self._adressen({"adresseerbaarObjectIdentificatie": aoid})  # Rejected is a NotFound
        hoofd = [a for a in adressen if not a.get("indicatieNevenadres")]
        if not hoofd:
            raise NotFound("no such adresseerbaar object")
        return self._met_gemeente(hoofd[:1])[0]

    def _adressen(self, params: dict) -> list[dict]:
        """Every page of /adressenuitgebreid, as our records (links dropped)."""
        client, found = self.client, []
        for page in range(1, MAX_PAGES + 1):
            data = client.get("/adressenuitgebreid", params={**params, "page": page, "pageSize": PAGE_SIZE},
                              headers=HEADERS).data or {}
            found += [_record(a) for a in (data.get("_embedded") or {}).get("adressen") or []]
            if "next" not in (data.get("_links") or {}):
                break
        return found

    def _met_gemeente(self, adressen: list[dict]) -> list[dict]:
        for adres in adressen:
            adres["gemeenteIdentificatie"] = self.gemeentecode(adres.get("woonplaatsIdentificatie", ""))
        return adressen

    def gemeentecode(self, woonplaats: str) -> str:
        """The CBS code of the woonplaats's gemeente ("" when the BAG does not know the woonplaats)."""
        if not woonplaats:
            return ""
        key = f"bag-woonplaats-gemeente:{woonplaats}"
        code = cache.get(key)
        if code is None:
            try:
                data = self.client.get(f"/woonplaatsen/{quote(woonplaats, safe='')}",
                                       log_path="/woonplaatsen/{identificatie}",
                                       params={"expand": "bronhouders"}, headers={"Accept": HEADERS["Accept"]}).data
            except NotFound:
                return ""
            code = _huidige_bronhouder((data or {}).get("_embedded", {}).get("bronhouders") or [])
            cache.set(key, code, gemeente_cache_seconds())
        return code


def _huidige_bronhouder(bronhouders: list[dict]) -> str:
    """The current gemeente of a woonplaats: the bronhouder without an end of validity."""
    current = [b for b in bronhouders if not b.get("eindGeldigheid")] or bronhouders
    return current[-1].get("code", "") if current else ""


def _record(adres: dict) -> dict:
    """An adressenuitgebreid item in the shape callers get (bag/base.py): HAL links dropped, the
    nevenadres flag as isNevenadres, empty fields left out."""
    record = {k: v for k, v in adres.items() if not k.startswith("_") and v not in ("", None, [])}
    record["isNevenadres"] = bool(record.pop("indicatieNevenadres", False))
    return record
