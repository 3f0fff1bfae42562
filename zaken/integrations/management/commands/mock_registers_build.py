"""Build the mock registers' fixture files from the RvIG test set (idempotent, a few seconds).

    MOCK_DATA_DIR/brp/personen.json    Haal Centraal BRP Personen 2.x persons (a list)
    MOCK_DATA_DIR/brp/gemeenten.json   Tabel 33 as the BRP tabellen API returns it {"waarden": [...]}
    MOCK_DATA_DIR/bag/adressen.json    BAG 2.0 adressenuitgebreid items (+ gemeenteIdentificatie)
    MOCK_DATA_DIR/kvk/basisprofielen.json, vestigingen.json   the demo companies, copied as shipped
    MOCK_DATA_DIR/rdw/rijbewijzen.json  a driving licence (+ photo, CBR) for every person aged 18+
    MOCK_DATA_DIR/rdw/voertuigen.json   vehicles by kenteken for most of those persons (or their lease company)
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...bag.convert import AddressBook, load_extras
from ...brp.convert import PersonConverter, select_current_lists
from ...brp.gba import GEMEENTEN_CSV, PERSONEN_CSV, read_gemeenten, read_person_lists
from ...rdw import generate as rdw
from ...rdw import voertuigen

KVK_FIXTURES = Path(__file__).resolve().parents[2] / "kvk" / "fixtures"
KVK_FILES = ("basisprofielen.json", "vestigingen.json")


def write_json(path: Path, data) -> None:
    """Write via a temporary file, so a running server never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    os.replace(tmp, path)


class Command(BaseCommand):
    help = "Convert the RvIG test set into the BRP/BAG mock data and copy the KvK demo companies."
    # Pure data conversion: it must run (make install, CI) even while URLs or processes don't load.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--source", help="directory of the RvIG test set (default: RVIG_TESTSET_DIR)")
        parser.add_argument("--target", help="directory to write to (default: MOCK_DATA_DIR)")
        parser.add_argument("--rdw-peildatum", type=date.fromisoformat,
                            help="date the RDW licences are laid out around (default: today)")

    def handle(self, *args, source=None, target=None, rdw_peildatum=None, **options):
        source = Path(source or settings.RVIG_TESTSET_DIR)
        target = Path(target or settings.MOCK_DATA_DIR)
        for name in (PERSONEN_CSV, GEMEENTEN_CSV):
            if not (source / name).is_file():
                raise CommandError(f"{source / name} not found; pass --source or set "
                                   "SAMENLOKET_RVIG_TESTSET_DIR.")

        gemeenten = read_gemeenten(source / GEMEENTEN_CSV)
        lists = read_person_lists(source / PERSONEN_CSV)
        current, without_bsn, duplicates = select_current_lists(lists)

        # Every Dutch address of the set, current or former, becomes a BAG address.
        chosen = {id(pl) for pl in current.values()}
        book = AddressBook(gemeenten)
        for pl in lists:
            for row in pl.current("08"):
                book.add(row, current=id(pl) in chosen)
            for row in pl.history("08"):
                book.add(row, current=False)
        book.settle()
        extras = load_extras()
        try:
            book.add_extras(extras)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc

        anummers = {pl.value("01.01.10"): bsn for bsn, pl in current.items() if pl.value("01.01.10")}
        converter = PersonConverter(gemeenten, book.lookup, anummers)
        personen = [converter.persoon(current[bsn]) for bsn in sorted(current)]
        adressen = book.as_list()

        write_json(target / "brp" / "personen.json", personen)
        write_json(target / "brp" / "gemeenten.json", {"waarden": [
            {"code": g.code, "omschrijving": g.naam} for g in gemeenten.values()]})
        write_json(target / "bag" / "adressen.json", adressen)
        (target / "kvk").mkdir(parents=True, exist_ok=True)
        for name in KVK_FILES:
            shutil.copyfile(KVK_FIXTURES / name, target / "kvk" / name)
        rijbewijzen = rdw.build(personen, rdw_peildatum or date.today())
        write_json(target / "rdw" / "rijbewijzen.json", rijbewijzen)
        auto = voertuigen.build(list(rijbewijzen["personen"]))
        write_json(target / "rdw" / "voertuigen.json", auto)
        with open(KVK_FIXTURES / "basisprofielen.json", encoding="utf-8") as handle:
            bedrijven = len(json.load(handle))

        if options.get("verbosity", 1) < 1:
            return
        self.stdout.write(
            f"Mock registers written to {target}: persons {len(personen)} "
            f"(from {len(lists)} person lists; {without_bsn} without BSN and {duplicates} duplicate "
            f"BSNs left out), addresses {len(adressen)} (of which {len(extras)} demo extras), "
            f"companies {bedrijven}, driving licences {len(rijbewijzen['personen'])}, vehicles {len(auto['voertuigen'])}.")
