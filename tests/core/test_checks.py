import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings


def test_deploy_check_refuses_mock_adapters():
    with pytest.raises(SystemCheckError) as exc:
        call_command("check", deploy=True, fail_level="ERROR")
    for kind in ("digid", "eherkenning", "brp", "bag", "kvk"):
        assert f"INTEGRATIONS['{kind}'] uses mock adapter" in str(exc.value)


@override_settings(INTEGRATIONS={"digid": "digid-saml", "eherkenning": "eherkenning-mock", "brp": "brp-mock",
                                 "bag": "bag-mock", "kvk": "kvk-mock"})
def test_deploy_check_names_unknown_adapters():
    with pytest.raises(SystemCheckError) as exc:
        call_command("check", deploy=True, fail_level="ERROR")
    assert "names unknown adapter 'digid-saml'" in str(exc.value)


def test_plain_check_passes_with_mocks():
    call_command("check")


@override_settings(SESSION_INACTIVITY_SECONDS=16 * 60)
def test_session_longer_than_digid_allows_is_refused():
    with pytest.raises(SystemCheckError) as exc:
        call_command("check")
    assert "15 minutes" in str(exc.value)


@pytest.mark.parametrize("backend", ["console", "locmem", "dummy", "filebased"])
def test_deploy_check_refuses_an_email_backend_that_does_not_deliver(backend):
    with override_settings(EMAIL_BACKEND=f"django.core.mail.backends.{backend}.EmailBackend"):
        with pytest.raises(SystemCheckError) as exc:
            call_command("check", deploy=True, fail_level="ERROR")
    assert "samenloket.E002" in str(exc.value)


@override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend")
def test_deploy_check_accepts_smtp():
    from zaken.checks import email_backend_delivers

    assert email_backend_delivers(None) == []
