"""A fresh clone is complete: the demo data lives in the repository and nothing reaches outside it."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from config.settings import base


def test_rvig_testset_is_in_the_repository_with_its_licence():
    default = Path(base.BASE_DIR) / "data" / "rvig-testset"
    if "SAMENLOKET_RVIG_TESTSET_DIR" not in os.environ:
        assert settings.RVIG_TESTSET_DIR == default
    assert (default / "LICENCE.md").is_file()
    assert "EUPL" in (default / "LICENCE.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in default.glob("*.csv")) == [
        "20220502_Testset_persoonslijsten_proefomgeving_GBA-V.csv", "Tabel33_Gemeententabel.csv"]


@pytest.mark.skipif(not (Path(base.BASE_DIR) / ".git").exists() or not shutil.which("git"),
                    reason="not a git checkout")
def test_no_tracked_file_reaches_outside_the_repository():
    sibling = "../" + "shared"  # spelled in two parts, so that this file does not match itself
    found = subprocess.run(["git", "grep", "-n", "-I", "-F", "-e", sibling], cwd=base.BASE_DIR, capture_output=True,
                           text=True)
    assert found.stdout == "", f"references outside the repository:\n{found.stdout}"
