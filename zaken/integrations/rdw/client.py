"""The RDW over HTTP, by our own documented contract (docs/rdw-contract.md, docs/rdw-openapi.json): the
RDW's interfaces for municipalities are not public, so this is the contract a connection (or a
gateway in front of the RDW) must offer.

- Questions about a person are POST `/_zoek` with the BSN in the body, never in the URL (nor in a log).
- Questions are retried (they change nothing). The order is retried too: its `Idempotency-Key` (our
  order key) makes the RDW answer a repeated order with the order it already has. The report "not
  issued" is a PUT, idempotent by definition.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import quote

from ..errors import NotFound, Unavailable
from ..http.adapter import HttpAdapter
from ..registry import registries
from .base import GELDIG, RdwAdapter

log = logging.getLogger("samenloket.integrations.rdw")

ORDER_PATH = "/bestellingen/{orderId}"
NIET_AFGEHAALD = "afhaaltermijnVerstreken"


def _veld(data, *keys):
    """data[k1][k2]..., or Unavailable: an answer outside the contract is a fault of the register."""
    try:
        for key in keys:
            data = data[key]
    except (KeyError, IndexError, TypeError):
        raise Unavailable(f"rdw: the answer lacks {'.'.join(map(str, keys))}") from None
    return data


@registries["rdw"]("rdw-http")
class RdwHttp(HttpAdapter, RdwAdapter):
    register = "rdw"
    verbose_name = "RDW (HTTP)"

    def _zoek(self, path: str, vraag: dict) -> dict | None:
        """A `_zoek` on one person or vehicle: its only answer, or None."""
        answer = self.client.post(path, json=vraag, idempotent=True)  # a question: safe to retry
        collection = path.strip("/").split("/")[0]
        found = _veld(answer.data, collection)
        return found[0] if found else None

    def _persoon(self, path: str, bsn) -> dict | None:
        return self._zoek(path, {"burgerservicenummer": str(bsn or "").strip()})

    def rijbewijs(self, bsn):
        found = self._persoon("/rijbewijzen/_zoek", bsn)
        if found is None:
            raise NotFound("rdw: no driving licence")
        return {"rijbewijsnummer": _veld(found, "rijbewijsnummer"), "status": _veld(found, "status"),
                "categorieen": [{"categorie": _veld(c, "categorie"), "afgiftedatum": _veld(c, "afgiftedatum"),
                                 "geldigTot": _veld(c, "geldigTot")} for c in _veld(found, "categorieen")]}

    def pasfoto_registratie(self, bsn):
        found = self._persoon("/pasfotoregistraties/_zoek", bsn)
        if found is None:
            return None
        return {key: _veld(found, key) for key in
                ("fotoOntvangen", "handtekeningOntvangen", "gezichtsvergelijking", "datum", "fotograaf")}

    def cbr_gezondheidsverklaring(self, bsn):
        found = self._persoon("/gezondheidsverklaringen/_zoek", bsn)
        if found is None:
            return {"opDossier": False, "geldigTot": None}
        return {"opDossier": _veld(found, "status") == GELDIG, "geldigTot": _veld(found, "geldigTot")}

    def bestelling_plaatsen(self, *, order_key, bsn, categorieen, afhaallocatie, datum=None):
        body = {"burgerservicenummer": str(bsn or "").strip(), "categorieen": list(categorieen or []),
                "afhaallocatie": afhaallocatie}
        if datum:
            body["besteldatum"] = datum.isoformat()
        # Retried like a read: the same Idempotency-Key gets the same order, never a second card.
        answer = self.client.post("/bestellingen", json=body, idempotent=True, accept=(200, 201, 409, 422),
                                  headers={"Idempotency-Key": str(order_key or "")})
        if answer.status == 422:
            raise NotFound("rdw: no licence to renew")
        if answer.status == 409:
            # The RDW holds another order under this key: a person must look. Retrying is harmless.
            log.error("rdw POST /bestellingen: 409, the order key was used for an order with other data")
            raise Unavailable("rdw: order key conflict")
        return _veld(answer.data, "orderId")

    def _order_path(self, order_id) -> str:
        order_id = str(order_id or "")
        if not order_id:
            raise NotFound("rdw: no order id")
        return "/bestellingen/" + quote(order_id, safe="")

    def bestelling_status(self, order_id):
        data = self.client.get(self._order_path(order_id), log_path=ORDER_PATH).data
        return {"orderId": _veld(data, "orderId"), "status": _veld(data, "status"),
                "gereedOp": _veld(data, "gereedOp")}

    def niet_uitgereikt_melden(self, order_id):
        path = self._order_path(order_id) + "/niet-uitgereikt-melding"
        self.client.request("PUT", path, json={"reden": NIET_AFGEHAALD}, idempotent=True,
                            log_path=ORDER_PATH + "/niet-uitgereikt-melding")

    def voertuig(self, kenteken):
        # Dashes and spaces are the plate's layout, not the kenteken; the RDW checks the rest.
        found = self._zoek("/voertuigen/_zoek", {"kenteken": re.sub(r"[\s-]", "", str(kenteken or "")).upper()})
        if found is None:
            raise NotFound("rdw: no such vehicle")
        houder = _veld(found, "houder")
        return {"kenteken": _veld(found, "kenteken"), "merk": _veld(found, "merk"),
                "handelsbenaming": _veld(found, "handelsbenaming"), "lengte_cm": _veld(found, "lengte"),
                "hoogte_cm": _veld(found, "hoogte"),
                "houder": {"bsn": houder["burgerservicenummer"]} if "burgerservicenummer" in houder
                else {"kvk": _veld(houder, "kvkNummer")}, "soort": _veld(found, "soort")}
