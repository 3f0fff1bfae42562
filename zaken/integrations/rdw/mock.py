"""RDW mock: MOCK_DATA_DIR/rdw/rijbewijzen.json and voertuigen.json (written by mock_registers_build),
plus its orders. The backend of the mock RDW service (mockservice/rdw.py), no adapter of its own:
the application reaches it over HTTP with the real client (rdw/client.py).

Orders are RdwMockBestelling rows; a licence is ready `RDW_MOCK_PRODUCTIEWERKDAGEN` working days
(Atw calendar, default 2) after the order.
"""

from __future__ import annotations

import copy
import re
import secrets
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction

from zaken.termijnen import werkdagen_na

from ..brp.mockdata import check_available, load
from ..errors import NotFound
from ..models import RdwMockBestelling
from .base import CATEGORIEEN, GELDIG, GEREED, IN_PRODUCTIE, NIET_UITGEREIKT, VERLOPEN, RdwAdapter
from .kenteken import kenteken_normaliseren

BSN_RE = re.compile(r"^\d{9}$")
DEFAULT_PRODUCTIEWERKDAGEN = 2


def _personen(doc: dict) -> dict:
    return doc["personen"]


def _dossier(bsn) -> dict:
    check_available("rdw")
    bsn = str(bsn or "").strip()
    if not BSN_RE.match(bsn):
        raise NotFound("not a BSN")  # never echo the value
    # One function, not a lambda: `load` caches per (path, mtime, prepare), a new lambda would miss every time.
    found = load("rdw/rijbewijzen.json", _personen).get(bsn)
    if found is None:
        raise NotFound("no driving licence")
    return found


def _voertuigen(doc: dict) -> dict:
    return doc["voertuigen"]


def _status(rijbewijs: dict, today: date) -> str:
    if "status" in rijbewijs:
        return rijbewijs["status"]
    laatste = max(c["geldigTot"] for c in rijbewijs["categorieen"])
    return GELDIG if date.fromisoformat(laatste) >= today else VERLOPEN


class RdwMock(RdwAdapter):
    is_mock = True
    verbose_name = "RDW rijbewijzen (testomgeving)"

    def rijbewijs(self, bsn):
        rijbewijs = copy.deepcopy(_dossier(bsn)["rijbewijs"])
        rijbewijs["status"] = _status(rijbewijs, date.today())
        return rijbewijs

    def pasfoto_registratie(self, bsn):
        return copy.deepcopy(_dossier(bsn)["pasfoto"])

    def cbr_gezondheidsverklaring(self, bsn):
        cbr = _dossier(bsn)["cbr"]
        if cbr and date.fromisoformat(cbr["geldigTot"]) >= date.today():
            return {"opDossier": True, "geldigTot": cbr["geldigTot"]}
        # An expired declaration is no approved decision on file; its date still helps the message.
        return {"opDossier": False, "geldigTot": cbr["geldigTot"] if cbr else None}

    def bestelling_plaatsen(self, *, order_key, bsn, categorieen, afhaallocatie, datum=None):
        self.rijbewijs(bsn)  # Unavailable / NotFound as for a read
        if not order_key or not categorieen or set(categorieen) - set(CATEGORIEEN):
            raise ValueError("an order needs a key and known categories")
        bestaand = RdwMockBestelling.objects.filter(order_key=order_key).first()
        if bestaand:
            return bestaand.order_id
        datum = datum or date.today()
        dagen = getattr(settings, "RDW_MOCK_PRODUCTIEWERKDAGEN", DEFAULT_PRODUCTIEWERKDAGEN)
        try:
            with transaction.atomic():
                return RdwMockBestelling.objects.create(
                    order_key=order_key, order_id=f"RDW{secrets.randbelow(10**12):012d}", bsn=bsn,
                    categorieen=list(categorieen), afhaallocatie=afhaallocatie, geplaatst_op=datum,
                    gereed_op=werkdagen_na(datum, dagen)).order_id
        except IntegrityError:  # a concurrent retry of the same order won the race
            return RdwMockBestelling.objects.get(order_key=order_key).order_id

    def _bestelling(self, order_id) -> RdwMockBestelling:
        check_available("rdw")
        bestelling = RdwMockBestelling.objects.filter(order_id=str(order_id or "")).first()
        if bestelling is None:
            raise NotFound("no such order")
        return bestelling

    def bestelling_status(self, order_id):
        bestelling = self._bestelling(order_id)
        if bestelling.niet_uitgereikt_op:
            status = NIET_UITGEREIKT
        else:
            status = GEREED if date.today() >= bestelling.gereed_op else IN_PRODUCTIE
        return {"orderId": bestelling.order_id, "status": status,
                "gereedOp": bestelling.gereed_op.isoformat()}

    def niet_uitgereikt_melden(self, order_id):
        bestelling = self._bestelling(order_id)
        RdwMockBestelling.objects.filter(pk=bestelling.pk, niet_uitgereikt_op__isnull=True).update(
            niet_uitgereikt_op=date.today())

    def voertuig(self, kenteken):
        check_available("rdw")
        compact = kenteken_normaliseren(str(kenteken or ""))
        found = load("rdw/voertuigen.json", _voertuigen).get(compact) if compact else None
        if found is None:
            raise NotFound("no such vehicle")  # never echo the value
        return copy.deepcopy(found)
