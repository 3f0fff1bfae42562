"""Reading the RvIG test set: LO GBA person lists from a CSV whose columns are element codes.

The layout, worked out from the data (the set ships no description of it):

- A person list starts at a row whose first column holds its label (`Lg01_716`); the unlabelled
  rows below it belong to the same list.
- The first row of a list holds the current value of every category (01 persoon, 05 partner,
  08 verblijfplaats, 09 kind, ...).
- The marker column `NN.H` of a row says what the *next* row holds for category NN: `NN` is another
  current occurrence (the next partner, child, nationality, travel document), `NN+50` (e.g. `59`)
  a historic version of the occurrence above (these include the onjuist ones, 84.10 = O).
  An empty marker ends the category. A handful of lists carry rows past an ended chain: in the
  repeating categories they are read as one more occurrence, elsewhere as history.
- Two markers stand one column off (06.08.10 holding "05"/"55", 09.89.10 holding "09");
  `_repair_markers` moves them back into their `.H` column.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

PERSONEN_CSV = "20220502_Testset_persoonslijsten_proefomgeving_GBA-V.csv"
GEMEENTEN_CSV = "Tabel33_Gemeententabel.csv"

# Categories that may hold several current occurrences on one person list.
REPEATING = {"04", "05", "09", "12"}

Row = dict  # element code ("08.11.20") -> non-empty value of one CSV row


@dataclass
class PersonList:
    label: str
    rows: list[Row] = field(default_factory=list)

    def value(self, element: str) -> str:
        """The current value of an element, e.g. value("01.01.20") is the BSN."""
        return self.rows[0].get(element, "")

    def occurrences(self, cat: str) -> list[list[Row]]:
        """Each occurrence of a category as [current row, historic rows...]; empty ones included."""
        found: list[list[Row]] = [[self.rows[0]]]
        for previous, row in zip(self.rows, self.rows[1:]):
            marker = previous.get(f"{cat}.H", "")
            if marker == cat:
                found.append([row])
            elif marker or has_data(row, cat):
                if not marker and cat in REPEATING:
                    found.append([row])
                else:
                    found[-1].append(row)
        return found

    def current(self, cat: str) -> list[Row]:
        """The current rows of a category that hold person or address data."""
        return [occ[0] for occ in self.occurrences(cat) if has_data(occ[0], cat)]

    def history(self, cat: str) -> list[Row]:
        return [row for occ in self.occurrences(cat) for row in occ[1:] if has_data(row, cat)]


def has_data(row: Row, cat: str, groups: tuple[str, ...] | None = None) -> bool:
    """Whether a row holds elements of a category; `groups` narrows to e.g. ("01", "02", "03")."""
    prefix = f"{cat}."
    return any(key.startswith(prefix) and not key.endswith(".H")
               and (groups is None or key[3:5] in groups) for key in row)


def _is_marker_of(value: str, cat: str) -> bool:
    return value in {cat, str(int(cat) + 50)}


def _repair_markers(header: list[str], values: list[str]) -> None:
    for i, name in enumerate(header):
        if not name.endswith(".H") or values[i]:
            continue
        cat = name[:2]
        for j in (i - 1, i + 1):
            if 0 <= j < len(values) and not header[j].endswith(".H") and _is_marker_of(values[j], cat):
                values[i], values[j] = values[j], ""
                break


def read_person_lists(path: Path) -> list[PersonList]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        header = [name.strip() for name in next(reader)]
        lists: list[PersonList] = []
        for values in reader:
            if not any(values):
                continue
            values = [v.strip() for v in values] + [""] * (len(header) - len(values))
            _repair_markers(header, values)
            row: Row = {}
            for name, value in zip(header[1:], values[1:]):
                if name and value:
                    row.setdefault(name, value)  # 06.88.10 stands twice in the header
            if values[0]:
                lists.append(PersonList(label=values[0]))
            elif not lists:
                raise ValueError("the first row of the test set has no person-list label")
            lists[-1].rows.append(row)
    return lists


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    nieuwe_code: str
    einde: str


def read_gemeenten(path: Path) -> dict[str, Gemeente]:
    """Tabel 33 (UTF-16 with BOM, quoted): code, omschrijving, nieuwe code, ingang, einde."""
    with open(path, encoding="utf-16", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        table = {}
        for code, naam, nieuwe_code, _ingang, einde, *_ in reader:
            table[code] = Gemeente(code, naam, nieuwe_code, einde)
    return table


def huidige_gemeentecode(code: str, table: dict[str, Gemeente]) -> str:
    """Follow 'nieuwe code' through mergers to today's municipality (Reeuwijk -> Bodegraven-R.)."""
    seen = set()
    while code in table and table[code].nieuwe_code and code not in seen:
        seen.add(code)
        code = table[code].nieuwe_code
    return code
