"""The SAML adapters are real adapters: `check --deploy` does not count them as mocks."""

from django.test import override_settings

from zaken.integrations.checks import no_mock_adapters
from zaken.integrations.registry import get_adapter


@override_settings(INTEGRATIONS={"digid": "digid-saml", "eherkenning": "eherkenning-saml"}, STAGING=False)
def test_saml_adapters_pass_the_mock_check():
    assert no_mock_adapters(None) == []
    assert get_adapter("digid").is_mock is False and get_adapter("eherkenning").is_mock is False
