"""Mock registers for the integration adapter tests: built once into a directory of their own.

Self-contained on purpose (the root conftest builds the same data for the other suites).
"""

import csv
import io

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from zaken.integrations.brp.gba import PERSONEN_CSV


@pytest.fixture(scope="session")
def registers(tmp_path_factory):
    """(directory, output of the command) of one build of the mock registers."""
    target = tmp_path_factory.mktemp("integrations-mockdata")
    out = io.StringIO()
    call_command("mock_registers_build", target=str(target), stdout=out)
    return target, out.getvalue()


@pytest.fixture(autouse=True)
def _mock_registers(registers, settings):
    settings.MOCK_DATA_DIR = registers[0]
    settings.MOCK_UNAVAILABLE = set()


@pytest.fixture(scope="session")
def rvig_bsns():
    """BSNs straight from the CSV, independent of the converter.

    (person-list BSNs: those on rows that start a person list, i.e. carry a label in the first
    column; all BSNs: every value of column 01.01.20, which also holds former BSNs on history rows)
    """
    path = django_settings.RVIG_TESTSET_DIR / PERSONEN_CSV
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        column = next(reader).index("01.01.20")
        rows = list(reader)
    person_lists = {row[column] for row in rows if row[0] and row[column]}
    every = {row[column] for row in rows if row[column]}
    return person_lists, every
