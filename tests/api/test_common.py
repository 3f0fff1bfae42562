"""Helpers of zaken.api.common: the vertrouwelijkheid order and the invalidParams names."""

from rest_framework.exceptions import ErrorDetail

from zaken.api.common.errors import invalid_params
from zaken.api.common.vertrouwelijkheid import at_most, levels_up_to


def test_vertrouwelijkheid_follows_the_zgw_order():
    assert levels_up_to("intern") == ["openbaar", "beperkt_openbaar", "intern"]
    assert levels_up_to("zeer_geheim")[-1] == "zeer_geheim" and len(levels_up_to("zeer_geheim")) == 8
    assert levels_up_to("") == []
    assert at_most("zaakvertrouwelijk", "vertrouwelijk")
    assert not at_most("confidentieel", "vertrouwelijk")
    assert not at_most("onbekend", "zeer_geheim")


def test_invalid_params_are_camel_case_and_nested_with_dots():
    detail = {"datum_geldigheid": [ErrorDetail("Ongeldige datum.", code="invalid")],
              "rollen": [{}, {"betrokkene_type": [ErrorDetail("Verplicht.", code="required")]}],
              "non_field_errors": [ErrorDetail("Regel.", code="zrc-001")],
              "kanalen": {"non_field_errors": [ErrorDetail("Niet leeg.", code="empty")]}}
    assert invalid_params(detail) == [
        {"name": "datumGeldigheid", "code": "invalid", "reason": "Ongeldige datum."},
        {"name": "rollen.1.betrokkeneType", "code": "required", "reason": "Verplicht."},
        {"name": "nonFieldErrors", "code": "zrc-001", "reason": "Regel."},
        {"name": "kanalen", "code": "empty", "reason": "Niet leeg."},
    ]
