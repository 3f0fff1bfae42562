"""Mock RDW service routes: our own documented contract (docs/rdw-contract.md, docs/rdw-openapi.json),
answered by RdwMock (rdw/mock.py) from the fixture files. See app.py for the route format.

Every question about a person carries the BSN in a POST body (`/_zoek`), never in the URL.
"""

from __future__ import annotations

import re
from datetime import date

from zaken.validators import is_valid_bsn

from ..errors import NotFound, Unavailable
from ..models import RdwMockBestelling
from ..rdw.base import CATEGORIEEN, GELDIG, VERLOPEN
from ..rdw.kenteken import kenteken_normaliseren
from ..rdw.mock import RdwMock
from .base import MockResponse, foutbericht, invalid_param

PREFIX = "/rdw/api/v1"
API_VERSION = "1.0.0"
ORDER_ID_RE = re.compile(r"^RDW\d{12}$")
IDEMPOTENCY_KEY_RE = re.compile(r"^[A-Za-z0-9:._-]{1,100}$")
KENTEKEN_RE = re.compile(r"^[A-Z0-9]{6}$")
REDENEN = ("afhaaltermijnVerstreken",)

# The service's backend; tests patch RdwMock's methods to make it refuse or lose an answer.
BACKEND = RdwMock("rdw-mockservice")


def _ok(data, status: int = 200, **headers) -> MockResponse:
    return MockResponse(status, data, headers={"API-Version": API_VERSION, **headers})


def _invalid(request, problems: list[dict]) -> MockResponse:
    return foutbericht(request, 400, code="paramsValidation", title="Een of meer parameters zijn niet correct.",
                       invalid_params=problems)


def _unavailable(request) -> MockResponse:
    return foutbericht(request, 503, code="serviceUnavailable", title="De service is niet beschikbaar.")


def _body(request, fields: dict) -> tuple[dict, list[dict]]:
    """The JSON object body and the problems with it: `fields` maps a name to (required, check)."""
    body = request.json()
    if not isinstance(body, dict):
        return {}, [invalid_param("body", "object", "De body moet een JSON-object zijn.")]
    problems = [invalid_param(name, "unknownParam", "Parameter is niet verwacht.") for name in body
                if name not in fields]
    for name, (required, check) in fields.items():
        if body.get(name) is None:
            if required:
                problems.append(invalid_param(name, "required", "Parameter is verplicht."))
            continue
        problems += check(name, body[name])
    return body, problems


def _bsn(name, value) -> list[dict]:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{9}", value):
        return [invalid_param(name, "pattern", "Waarde voldoet niet aan patroon ^[0-9]{9}$.")]
    if not is_valid_bsn(value):
        return [invalid_param(name, "elfproef", "Waarde is geen geldig burgerservicenummer (elfproef).")]
    return []


def _text(name, value) -> list[dict]:
    if not isinstance(value, str) or not 1 <= len(value) <= 100:
        return [invalid_param(name, "maxLength", "Waarde is een tekst van 1 tot 100 tekens.")]
    return []


def _datum(name, value) -> list[dict]:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return [invalid_param(name, "date", "Waarde is geen geldige datum (jjjj-mm-dd).")]
    return []


def _categorieen(name, value) -> list[dict]:
    if not isinstance(value, list) or not value:
        return [invalid_param(name, "minItems", "Geef ten minste één categorie.")]
    if len(set(map(str, value))) != len(value):
        return [invalid_param(name, "unique", "Een categorie komt er maar één keer in voor.")]
    return [invalid_param(f"{name}[{i}]", "enum", "Waarde heeft geen geldige waarde uit de enumeratie.")
            for i, c in enumerate(value) if c not in CATEGORIEEN]


def _kenteken(name, value) -> list[dict]:
    if not isinstance(value, str) or not KENTEKEN_RE.fullmatch(value):
        return [invalid_param(name, "pattern", "Waarde voldoet niet aan patroon ^[A-Z0-9]{6}$ (zonder streepjes).")]
    if kenteken_normaliseren(value) != value:
        return [invalid_param(name, "sidecode", "Waarde heeft geen bestaande sidecode.")]
    return []


def _enum(values):
    def check(name, value) -> list[dict]:
        return [] if value in values else [
            invalid_param(name, "enum", "Waarde heeft geen geldige waarde uit de enumeratie.")]
    return check


def _per_persoon(read):
    """A `_zoek` on one person: {"burgerservicenummer"} in, a collection of zero or one out."""
    def handler(request):
        body, problems = _body(request, {"burgerservicenummer": (True, _bsn)})
        if problems:
            return _invalid(request, problems)
        try:
            return _ok(read(body["burgerservicenummer"]))
        except Unavailable:
            return _unavailable(request)
    return handler


def _rijbewijzen(bsn):
    try:
        return {"rijbewijzen": [BACKEND.rijbewijs(bsn)]}
    except NotFound:  # the RDW knows no licence of this person
        return {"rijbewijzen": []}


def _pasfotoregistraties(bsn):
    try:
        found = BACKEND.pasfoto_registratie(bsn)
    except NotFound:
        found = None
    return {"pasfotoregistraties": [found] if found else []}


def _gezondheidsverklaringen(bsn):
    try:
        cbr = BACKEND.cbr_gezondheidsverklaring(bsn)
    except NotFound:
        cbr = {"geldigTot": None}
    if not cbr["geldigTot"]:
        return {"gezondheidsverklaringen": []}
    status = GELDIG if cbr["opDossier"] else VERLOPEN
    return {"gezondheidsverklaringen": [{"status": status, "geldigTot": cbr["geldigTot"]}]}


def _bestelling(order_id: str) -> dict:
    status = BACKEND.bestelling_status(order_id)
    row = RdwMockBestelling.objects.get(order_id=order_id)
    body = {**status, "besteldatum": row.geplaatst_op.isoformat()}
    if row.niet_uitgereikt_op:
        body["nietUitgereiktGemeldOp"] = row.niet_uitgereikt_op.isoformat()
    return body


ORDER_FIELDS = {"burgerservicenummer": (True, _bsn), "categorieen": (True, _categorieen),
                "afhaallocatie": (True, _text), "besteldatum": (False, _datum)}


def bestelling_plaatsen(request):
    key = request.headers.get("idempotency-key", "")
    body, problems = _body(request, ORDER_FIELDS)
    if not key:
        problems.insert(0, invalid_param("Idempotency-Key", "required", "Header is verplicht."))
    elif not IDEMPOTENCY_KEY_RE.fullmatch(key):
        problems.insert(0, invalid_param("Idempotency-Key", "pattern",
                                         "Waarde voldoet niet aan patroon ^[A-Za-z0-9:._-]{1,100}$."))
    if problems:
        return _invalid(request, problems)
    bestaand = RdwMockBestelling.objects.filter(order_key=key).first()
    if bestaand and (bestaand.bsn, bestaand.categorieen, bestaand.afhaallocatie) != (
            body["burgerservicenummer"], body["categorieen"], body["afhaallocatie"]):
        return foutbericht(request, 409, code="idempotencyKeyConflict", title="Deze sleutel hoort bij een andere "
                           "bestelling.", detail="Een herhaalde bestelling moet dezelfde gegevens hebben.")
    try:
        order_id = BACKEND.bestelling_plaatsen(
            order_key=key, bsn=body["burgerservicenummer"], categorieen=body["categorieen"],
            afhaallocatie=body["afhaallocatie"],
            datum=date.fromisoformat(body["besteldatum"]) if body.get("besteldatum") else None)
    except Unavailable:
        return _unavailable(request)
    except NotFound:
        return foutbericht(request, 422, code="geenRijbewijs", title="Er is geen rijbewijs om te vernieuwen.",
                           detail="Dit rijbewijs kan niet online worden vernieuwd; de aanvrager moet naar de balie.")
    location = f"{PREFIX}/bestellingen/{order_id}"
    return _ok(_bestelling(order_id), 200 if bestaand else 201, Location=location)


def _order_route(handler):
    def route(request, order_id):
        if not ORDER_ID_RE.fullmatch(order_id):
            return _invalid(request, [invalid_param("orderId", "pattern", "Waarde voldoet niet aan patroon "
                                                    "^RDW[0-9]{12}$.")])
        try:
            return handler(request, order_id)
        except Unavailable:
            return _unavailable(request)
        except NotFound:
            return foutbericht(request, 404, code="notFound", title="Opgevraagde resource bestaat niet.")
    return route


@_order_route
def bestelling_raadplegen(request, order_id):
    return _ok(_bestelling(order_id))


@_order_route
def niet_uitgereikt_melden(request, order_id):
    body, problems = _body(request, {"reden": (True, _enum(REDENEN))})
    if problems:
        return _invalid(request, problems)
    BACKEND.niet_uitgereikt_melden(order_id)  # idempotent: the first report's date stays
    gemeld = RdwMockBestelling.objects.get(order_id=order_id).niet_uitgereikt_op
    return _ok({"orderId": order_id, "reden": body["reden"], "gemeldOp": gemeld.isoformat()})


def voertuigen_zoeken(request):
    body, problems = _body(request, {"kenteken": (True, _kenteken)})
    if problems:
        return _invalid(request, problems)
    try:
        found = BACKEND.voertuig(body["kenteken"])
    except Unavailable:
        return _unavailable(request)
    except NotFound:
        return _ok({"voertuigen": []})
    houder = ({"burgerservicenummer": found["houder"]["bsn"]} if "bsn" in found["houder"]
              else {"kvkNummer": found["houder"]["kvk"]})
    return _ok({"voertuigen": [{
        "kenteken": found["kenteken"], "merk": found["merk"], "handelsbenaming": found["handelsbenaming"],
        "lengte": found["lengte_cm"], "hoogte": found["hoogte_cm"], "soort": found["soort"], "houder": houder}]})


ORDER = r"/bestellingen/(?P<order_id>[^/]+)"
ROUTES: list = [
    ("POST", re.compile(PREFIX + r"/rijbewijzen/_zoek"), _per_persoon(_rijbewijzen)),
    ("POST", re.compile(PREFIX + r"/pasfotoregistraties/_zoek"), _per_persoon(_pasfotoregistraties)),
    ("POST", re.compile(PREFIX + r"/gezondheidsverklaringen/_zoek"), _per_persoon(_gezondheidsverklaringen)),
    ("POST", re.compile(PREFIX + r"/bestellingen"), bestelling_plaatsen),
    ("GET", re.compile(PREFIX + ORDER), bestelling_raadplegen),
    ("PUT", re.compile(PREFIX + ORDER + r"/niet-uitgereikt-melding"), niet_uitgereikt_melden),
    ("POST", re.compile(PREFIX + r"/voertuigen/_zoek"), voertuigen_zoeken),
]
