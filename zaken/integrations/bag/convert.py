"""The BAG mock's fixture: every Dutch address of the RvIG test set, plus hand-written extras.

Output items follow BAG Individuele Bevragingen 2.0 `adressenuitgebreid`, plus
`gemeenteIdentificatie` (see bag/mock.py for why it is stored on the address).

The test set is test data: one address may carry different spellings, no BAG ids (older lists),
or an id that other addresses carry too. So addresses are keyed on postcode + huisnummer +
huisletter + toevoeging; per key the values seen most often win (current registrations count
before historic ones); an id is used only when well formed and not yet taken by another address,
otherwise a stable one is made up (serial starting with 9, derived from the key). The BRP fixture
takes its address values and ids from here, so BRP and BAG always agree.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from ..brp.gba import Gemeente, Row, huidige_gemeentecode

EXTRA_ADRESSEN = Path(__file__).resolve().parent / "fixtures" / "extra_adressen.json"

AOID_RE = re.compile(r"^\d{4}(01|02|03)\d{10}$")
NUMMERAANDUIDING_RE = re.compile(r"^\d{4}20\d{10}$")
POSTCODE_RE = re.compile(r"^[1-9]\d{3}[A-Z]{2}$")
TYPE_OBJECT = {"01": "verblijfsobject", "02": "ligplaats", "03": "standplaats"}


def normalise_postcode(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def adres_key(postcode: str, huisnummer, huisletter: str = "", toevoeging: str = "") -> tuple:
    return (normalise_postcode(postcode), str(huisnummer).strip(), (huisletter or "").strip().upper(),
            (toevoeging or "").strip().upper())


def row_key(row: Row) -> tuple:
    return adres_key(row.get("08.11.60", ""), row.get("08.11.20", ""), row.get("08.11.30", ""),
                     row.get("08.11.40", ""))


def adresregels(adres: dict) -> dict:
    """adresregel5 ("Spui 70A-2") and adresregel6 ("2511 BT  'S-GRAVENHAGE"), as the BAG API."""
    nummer = f"{adres['huisnummer']}{adres.get('huisletter', '')}"
    if adres.get("huisnummertoevoeging"):
        nummer += f"-{adres['huisnummertoevoeging']}"
    postcode = adres.get("postcode", "")
    postcode = f"{postcode[:4]} {postcode[4:]}" if postcode else ""
    return {"adresregel5": f"{adres.get('korteNaam') or adres['openbareRuimteNaam']} {nummer}",
            "adresregel6": f"{postcode}  {adres['woonplaatsNaam'].upper()}".strip()}


def _most_common(values) -> str:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else ""


class AddressBook:
    """Collects GBA address rows, then settles one BAG address per key."""

    def __init__(self, gemeenten: dict[str, Gemeente]):
        self.gemeenten = gemeenten
        self.rows: dict[tuple, list[tuple[bool, Row]]] = defaultdict(list)
        self.adressen: dict[tuple, dict] = {}
        self.taken_ids: set[str] = set()

    def add(self, row: Row, current: bool) -> None:
        key = row_key(row)
        if POSTCODE_RE.match(key[0]) and key[1].isdigit():
            self.rows[key].append((current, row))

    def lookup(self, row: Row) -> dict | None:
        return self.adressen.get(row_key(row))

    def settle(self) -> None:
        # Keys with the most current registrations choose their ids first.
        order = sorted(self.rows, key=lambda k: (-sum(c for c, _ in self.rows[k]), k))
        for key in order:
            self.adressen[key] = self._adres(key, self.rows[key])

    def _pick(self, rows, element: str) -> str:
        current = _most_common(r.get(element, "") for c, r in rows if c)
        return current or _most_common(r.get(element, "") for _, r in rows)

    def _pick_id(self, rows, element: str, pattern: re.Pattern) -> str:
        for preference in (True, False):
            counted = Counter(r.get(element, "") for c, r in rows if c == preference)
            for value, _n in counted.most_common():
                if pattern.match(value) and int(value[6:]) and value not in self.taken_ids:
                    return value
        return ""

    def _made_up_id(self, key: tuple, gemeentecode: str, soort: str) -> str:
        digest = int(hashlib.sha256(repr(key).encode()).hexdigest(), 16)
        serial = 9_000_000_000 + digest % 1_000_000_000
        while (candidate := f"{gemeentecode}{soort}{serial:010d}") in self.taken_ids:
            serial += 1
        return candidate

    def _adres(self, key: tuple, rows) -> dict:
        postcode, huisnummer, huisletter, toevoeging = key
        gemeentecode = huidige_gemeentecode(self._pick(rows, "08.09.10"), self.gemeenten)
        gemeente = self.gemeenten.get(gemeentecode)
        aoid = self._pick_id(rows, "08.11.80", AOID_RE) or self._made_up_id(key, gemeentecode, "01")
        self.taken_ids.add(aoid)
        nummeraanduiding = (self._pick_id(rows, "08.11.90", NUMMERAANDUIDING_RE)
                            or self._made_up_id(key, gemeentecode, "20"))
        self.taken_ids.add(nummeraanduiding)
        kort = self._pick(rows, "08.11.10")
        type_object = TYPE_OBJECT[aoid[4:6]]
        adres = {
            "openbareRuimteNaam": self._pick(rows, "08.11.15") or kort,
            "korteNaam": kort,
            "huisnummer": int(huisnummer),
            "huisletter": huisletter,
            "huisnummertoevoeging": toevoeging,
            "postcode": postcode,
            # Older lists have no woonplaats; the municipality's name is the best guess then.
            "woonplaatsNaam": self._pick(rows, "08.11.70") or (gemeente.naam if gemeente else ""),
            "nummeraanduidingIdentificatie": nummeraanduiding,
            "adresseerbaarObjectIdentificatie": aoid,
            "typeAdresseerbaarObject": type_object,
            # Ligplaatsen and standplaatsen have no gebruiksdoel in the BAG.
            "gebruiksdoelen": ["woonfunctie"] if type_object == "verblijfsobject" else None,
            "isNevenadres": False,
            "gemeenteIdentificatie": gemeentecode,
        }
        return finish(adres)

    def add_extras(self, extras: list[dict]) -> None:
        """Hand-written addresses (vacant dwellings, offices); they must not clash with the set."""
        for item in extras:
            adres = finish(dict(item))
            key = adres_key(adres["postcode"], adres["huisnummer"], adres.get("huisletter", ""),
                            adres.get("huisnummertoevoeging", ""))
            ids = {adres["adresseerbaarObjectIdentificatie"], adres["nummeraanduidingIdentificatie"]}
            if key in self.adressen or ids & self.taken_ids:
                raise ValueError(f"extra address {adres['adresregel5']} clashes with the test set")
            self.adressen[key] = adres
            self.taken_ids |= ids

    def as_list(self) -> list[dict]:
        return [self.adressen[k] for k in sorted(
            self.adressen, key=lambda k: (self.adressen[k]["gemeenteIdentificatie"], k))]


def finish(adres: dict) -> dict:
    """Normalise a BAG address record and add its address lines; empty fields are left out."""
    adres["postcode"] = normalise_postcode(adres.get("postcode", ""))
    adres.update(adresregels(adres))
    return {k: v for k, v in adres.items() if v not in ("", None)}


def load_extras(path: Path = EXTRA_ADRESSEN) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["adressen"]
