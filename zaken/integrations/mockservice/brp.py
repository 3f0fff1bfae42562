"""Mock BRP service routes (see app.py for the route format).

- POST /haalcentraal/api/brp/personen: Haal Centraal BRP Personen 2 with the query types
  RaadpleegMetBurgerservicenummer and ZoekMetAdresseerbaarObjectIdentificatie, validated as the
  specification's features describe (400 BadRequestFoutbericht with invalidParams), answers cut to
  the asked `fields` (brp/fields.py). The other query types of the API answer 501.
- POST /gemeente/brp/bijhouding/v1/verhuizingen and .../overlijdens: our BRP-bijhouding contract
  (docs/registers.md), 201 when registered, 200 for a repeat that changes nothing.
Backed by zaken.integrations.brp.mock.BrpMock (the RvIG test set plus registered changes).
"""

from __future__ import annotations

import re
from datetime import date

from ..brp import fields as hc_fields
from ..brp.mock import BrpMock
from ..errors import NotFound
from .base import MockResponse, foutbericht, invalid_param

PERSONEN_PATH = "/haalcentraal/api/brp/personen"
BIJHOUDING_PATH = "/gemeente/brp/bijhouding/v1"
BAD_REQUEST_TYPE = "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1"

BSN_RE = re.compile(r"^[0-9]{9}$")
AOID_RE = re.compile(r"^(?!0{16})[0-9]{16}$")
GEMEENTE_RE = re.compile(r"^[0-9]{4}$")
POSTCODE_RE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")
FIELD_RE = re.compile(r"^[a-zA-Z0-9\._]{1,200}$")
MAX_FIELDS, MAX_BSNS = 130, 20
# Query types of the API and the parameters each takes besides type and fields.
QUERY_TYPES = {
    "RaadpleegMetBurgerservicenummer": {"burgerservicenummer", "gemeenteVanInschrijving"},
    "ZoekMetAdresseerbaarObjectIdentificatie": {"adresseerbaarObjectIdentificatie", "gemeenteVanInschrijving",
                                                "inclusiefOverledenPersonen"},
}
NOT_IMPLEMENTED = {"ZoekMetGeslachtsnaamEnGeboortedatum", "ZoekMetNaamEnGemeenteVanInschrijving",
                   "ZoekMetPostcodeEnHuisnummer", "ZoekMetStraatHuisnummerEnGemeenteVanInschrijving",
                   "ZoekMetNummeraanduidingIdentificatie"}

REQUIRED = ("required", "Parameter is verplicht.")
NOT_ARRAY = ("array", "Parameter is geen array.")
UNKNOWN_PARAM = ("unknownParam", "Parameter is niet verwacht.")


def bad_request(request, problems: list[tuple[str, str, str]]):
    """400 as Haal Centraal words it: one invalidParam per problem, their names in `detail`."""
    names = list(dict.fromkeys(name for name, _code, _reason in problems))
    response = foutbericht(
        request, 400, code="paramsValidation", title="Een of meerdere parameters zijn niet correct.",
        detail=f"De foutieve parameter(s) zijn: {', '.join(names)}.",
        invalid_params=[invalid_param(name, code, reason) for name, code, reason in problems])
    response.data["type"] = BAD_REQUEST_TYPE
    return response


def _check_list(name: str, value, *, maximum: int, pattern: re.Pattern, problems: list) -> list:
    if value is None:
        problems.append((name, *REQUIRED))
    elif not isinstance(value, list):
        problems.append((name, *NOT_ARRAY))
    elif not value:
        problems.append((name, "minItems", "Array bevat minder dan 1 items."))
    elif len(value) > maximum:
        problems.append((name, "maxItems", f"Array bevat meer dan {maximum} items."))
    else:
        for index, item in enumerate(value):
            if not isinstance(item, str) or not pattern.match(item):
                problems.append((f"{name}[{index}]", "pattern", f"Waarde voldoet niet aan patroon {pattern.pattern}."))
        return value
    return []


def _check_fields(value, tree: dict, problems: list) -> list[str]:
    paths = _check_list("fields", value, maximum=MAX_FIELDS, pattern=FIELD_RE, problems=problems)
    for index, path in enumerate(paths):
        if isinstance(path, str) and FIELD_RE.match(path):
            outcome = hc_fields.check(path, tree)
            if outcome == "automatisch":
                problems.append((f"fields[{index}]", "fields", "Parameter bevat een niet toegestane veldnaam."))
            elif outcome:
                problems.append((f"fields[{index}]", "fields", "Parameter bevat een niet bestaande veldnaam."))
    return paths


def personen(request):
    body = request.json()
    if not isinstance(body, dict) or "type" not in body:
        return bad_request(request, [("type", *REQUIRED)])
    soort = body["type"]
    if soort in NOT_IMPLEMENTED:
        return foutbericht(request, 501, code="notImplemented", title="Niet geïmplementeerd.",
                               detail="De mock BRP kent alleen raadplegen met burgerservicenummer en zoeken met "
                                      "adresseerbaar object identificatie.")
    if soort not in QUERY_TYPES:
        return bad_request(request, [("type", "value", "Waarde is geen geldig zoek type.")])
    problems: list = []
    for name in body:
        if name not in QUERY_TYPES[soort] | {"type", "fields"}:
            problems.append((name, *UNKNOWN_PARAM))
    gemeente = body.get("gemeenteVanInschrijving")
    if gemeente is not None and not (isinstance(gemeente, str) and GEMEENTE_RE.match(gemeente)):
        problems.append(("gemeenteVanInschrijving", "pattern", "Waarde voldoet niet aan patroon ^[0-9]{4}$."))
    if soort == "RaadpleegMetBurgerservicenummer":
        tree = hc_fields.PERSOON
        bsns = _check_list("burgerservicenummer", body.get("burgerservicenummer"), maximum=MAX_BSNS,
                           pattern=BSN_RE, problems=problems)
    else:
        tree = hc_fields.GEZAG_PERSOON_BEPERKT
        aoid = body.get("adresseerbaarObjectIdentificatie")
        if aoid in (None, ""):
            problems.append(("adresseerbaarObjectIdentificatie", *REQUIRED))
        elif not (isinstance(aoid, str) and AOID_RE.match(aoid)):
            problems.append(("adresseerbaarObjectIdentificatie", "pattern",
                             "Waarde voldoet niet aan patroon ^[0-9]{16}$."))
    paths = _check_fields(body.get("fields"), tree, problems)
    if problems:
        return bad_request(request, problems)
    register = BrpMock()
    found = register.personen(bsns) if soort == "RaadpleegMetBurgerservicenummer" else register.bewoners(aoid)
    if gemeente:
        found = [p for p in found if (p.get("gemeenteVanInschrijving") or {}).get("code") == gemeente]
    return MockResponse(200, {"type": soort, "personen": [hc_fields.apply(p, paths, tree) for p in found]})


# BRP-bijhouding: our contract for the writes (docs/registers.md).

def _datum(body: dict, name: str, problems: list) -> date | None:
    value = body.get(name)
    if not isinstance(value, str):
        problems.append((name, *REQUIRED))
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append((name, "date", "Waarde is geen geldige datum."))
        return None


def _bijhouding_request(request, datum_naam: str):
    """(body, persoon, datum, problems): what every write checks first, in this order."""
    body = request.json()
    problems: list = []
    if not isinstance(body, dict):
        return None, None, None, [("body", "required", "Body is verplicht.")]
    bsn = body.get("burgerservicenummer")
    if not (isinstance(bsn, str) and BSN_RE.match(bsn)):
        problems.append(("burgerservicenummer", "pattern", "Waarde voldoet niet aan patroon ^[0-9]{9}$."))
    referentie = body.get("referentie")
    if referentie is not None and not (isinstance(referentie, str) and 0 < len(referentie) <= 40):
        problems.append(("referentie", "maxLength", "Waarde is langer dan 40 tekens of leeg."))
    datum = _datum(body, datum_naam, problems)
    return body, (bsn if not problems else None), datum, problems


def _registered(request, created: bool, body: dict):
    return MockResponse(201 if created else 200, {"referentie": body.get("referentie"),
                                                      "status": "geregistreerd" if created else "al geregistreerd"})


def verhuizing(request):
    body, bsn, datum, problems = _bijhouding_request(request, "datumAanvangAdreshouding")
    if problems:
        return bad_request(request, problems)
    try:
        BrpMock().persoon(bsn)
    except NotFound:
        return foutbericht(request, 404, code="notFound", title="Opgevraagde resource bestaat niet.")
    adres = body.get("adres") if isinstance(body.get("adres"), dict) else {}
    for name, pattern in (("adresseerbaarObjectIdentificatie", AOID_RE), ("postcode", POSTCODE_RE)):
        if not (isinstance(adres.get(name), str) and pattern.match(adres[name])):
            problems.append((f"adres.{name}", *REQUIRED))
    if not isinstance(adres.get("huisnummer"), int):
        problems.append(("adres.huisnummer", *REQUIRED))
    if problems:
        return bad_request(request, problems)
    bag = {"adresseerbaarObjectIdentificatie": adres["adresseerbaarObjectIdentificatie"],
           "nummeraanduidingIdentificatie": adres.get("nummeraanduidingIdentificatie"),
           "openbareRuimteNaam": adres.get("officieleStraatnaam"), "korteNaam": adres.get("korteStraatnaam"),
           "huisnummer": adres["huisnummer"], "huisletter": adres.get("huisletter"),
           "huisnummertoevoeging": adres.get("huisnummertoevoeging"), "postcode": adres["postcode"],
           "woonplaatsNaam": adres.get("woonplaats"), "gemeenteIdentificatie": adres.get("gemeentecode", "")}
    return _registered(request, BrpMock().adres_wijzigen(bsn=bsn, adres=bag, datum_aanvang=datum), body)


def overlijden(request):
    body, bsn, datum, problems = _bijhouding_request(request, "datumOverlijden")
    gemeente = (body or {}).get("gemeenteOverlijden")
    if body is not None and not (isinstance(gemeente, str) and GEMEENTE_RE.match(gemeente)):
        problems.append(("gemeenteOverlijden", "pattern", "Waarde voldoet niet aan patroon ^[0-9]{4}$."))
    if problems:
        return bad_request(request, problems)
    try:
        created = BrpMock().overlijden_registreren(bsn=bsn, datum=datum, plaats_gemeentecode=gemeente)
    except NotFound:
        return foutbericht(request, 404, code="notFound", title="Opgevraagde resource bestaat niet.")
    return _registered(request, created, body)


ROUTES: list = [
    ("POST", re.compile(re.escape(PERSONEN_PATH)), personen),
    ("POST", re.compile(re.escape(f"{BIJHOUDING_PATH}/verhuizingen")), verhuizing),
    ("POST", re.compile(re.escape(f"{BIJHOUDING_PATH}/overlijdens")), overlijden),
]
