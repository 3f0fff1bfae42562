"""The RDW mock's vehicle register: found by kenteken with or without dashes, typed errors, outage."""

import pytest
from django.test import override_settings

from zaken.integrations.errors import NotFound, Unavailable
from zaken.integrations.rdw import voertuigen
from zaken.integrations.rdw.kenteken import kenteken_normaliseren, kenteken_weergave
from zaken.integrations.registry import get_adapter


@pytest.mark.parametrize("given, compact", [
    ("KSS-27-G", "KSS27G"), ("kss27g", "KSS27G"), (" 12-ab-34 ", "12AB34"), ("1-ABC-23", "1ABC23"),
    ("AB-123-C", "AB123C"), ("GZ-12-34", "GZ1234")])
def test_kentekens_of_every_sidecode_shape_are_read(given, compact):
    assert kenteken_normaliseren(given) == compact


@pytest.mark.parametrize("given", ["", "ABCDEF", "123456", "AB-12", "AB12345", "A1B2C3", "KSS27G!"])
def test_no_kenteken(given):
    assert kenteken_normaliseren(given) is None


def test_display_with_the_dashes_of_its_sidecode():
    assert kenteken_weergave("KSS27G") == "KSS-27-G"
    assert kenteken_weergave("1ABC23") == "1-ABC-23"
    assert kenteken_weergave("AB1234") == "AB-12-34"


def test_a_car_in_own_name_a_lease_car_and_a_van():
    rdw = get_adapter("rdw")
    assert rdw.voertuig("kss-27-g") == {"kenteken": "KSS27G", "merk": "Volkswagen", "handelsbenaming": "Golf",
                                        "lengte_cm": 428, "hoogte_cm": 146, "houder": {"bsn": "999993653"},
                                        "soort": "eigen"}
    lease = rdw.voertuig("LGN98D")
    assert lease["soort"] == "lease" and set(lease["houder"]) == {"kvk"}
    assert rdw.voertuig("PTL24D")["lengte_cm"] > 600
    assert rdw.voertuig("KXV71D")["hoogte_cm"] > 240


@pytest.mark.parametrize("kenteken", ["ZZZ99Z", "not a plate", "", None])
def test_unknown_or_malformed_is_not_found_and_not_echoed(kenteken):
    with pytest.raises(NotFound) as info:
        get_adapter("rdw").voertuig(kenteken)
    assert str(kenteken) not in str(info.value) or kenteken in ("", None)


def test_the_outage_switch():
    with override_settings(MOCK_UNAVAILABLE={"rdw"}), pytest.raises(Unavailable):
        get_adapter("rdw").voertuig("KSS27G")


def test_generation_is_deterministic_and_kentekens_unique():
    bsns = [f"99999{i:04d}" for i in range(300)]
    first, second = voertuigen.build(bsns), voertuigen.build(list(reversed(bsns)))
    assert first == second
    kinds = {v["soort"] for v in first["voertuigen"].values()}
    assert kinds == {"eigen", "lease"}
    assert 150 < len(first["voertuigen"]) < 260  # about three in ten have none
    assert all(kenteken_normaliseren(k) == k for k in first["voertuigen"])
