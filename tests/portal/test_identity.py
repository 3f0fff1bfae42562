import pytest

from zaken.identity import AuthContext, level_satisfies
from zaken.logfilters import redact
from zaken.validators import is_valid_bsn


@pytest.mark.parametrize("bsn,ok", [
    ("123456782", True), ("999993653", True), ("12345678", False), ("000000000", False),
    ("123456789", False), ("12345678a", False), ("", False), ("1234567890", False),
    ("12345672", True),  # 8 digits get a leading zero: 012345672
])
def test_elfproef(bsn, ok):
    assert is_valid_bsn(bsn) is ok


def test_levels_are_ordered_per_means():
    assert level_satisfies("digid", "substantieel", "midden")
    assert not level_satisfies("digid", "basis", "midden")
    assert level_satisfies("eherkenning", "EH3", "EH2+")
    assert not level_satisfies("eherkenning", "EH2+", "EH3")
    assert not level_satisfies("digid", "EH4", "midden")  # levels never cross means


def test_auth_context_survives_the_json_session():
    auth = AuthContext.now(means="digid", level="midden", bsn="999993653")
    assert AuthContext.from_session(auth.to_session()) == auth
    assert AuthContext.from_session({"garbage": 1}) is None


def test_log_redaction_masks_valid_bsns_only():
    assert redact("bsn 999993653 zaak ZAAK-2026-0000001") == "bsn ********* zaak ZAAK-2026-0000001"
    assert redact("nummer 123456789") == "nummer 123456789"
