"""The staging profile (`make serve`): every portal and back-office page says it is a test."""

import importlib

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

pytestmark = pytest.mark.django_db

BANNER = 'class="sl-testomgeving" aria-label="Testomgeving"'
PAGES = ["/", "/rotterdam/", "/rotterdam/inloggen/", "/behandelen/accounts/login/"]


def staging_module(monkeypatch, **env):
    monkeypatch.setenv("DJANGO_DEBUG", "false")  # production.py's setdefault stays inside the test
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    # Settings modules read the environment when they run: run base, production and staging anew.
    import config.settings.base as base
    import config.settings.production as production
    import config.settings.staging as staging

    for module in (base, production):
        importlib.reload(module)
    return importlib.reload(staging)


@pytest.fixture
def staging(settings, monkeypatch):
    module = staging_module(monkeypatch)
    settings.STAGING = module.STAGING
    settings.TEMPLATES = module.TEMPLATES
    return module


@pytest.mark.parametrize("path", PAGES)
def test_every_page_shows_the_testomgeving_banner(client, demo, staging, path):
    html = client.get(path).content.decode()
    assert BANNER in html
    assert "zaken/testomgeving.css" in html
    assert "Vul geen echte gegevens in." in html


def test_back_office_pages_show_the_banner(client, demo, staging):
    client.force_login(get_user_model().objects.get(username="behandelaar-rotterdam"))
    assert BANNER in client.get("/behandelen/zaken/").content.decode()


@pytest.mark.parametrize("path", PAGES)
def test_production_pages_have_no_banner(client, demo, path):
    assert "sl-testomgeving" not in client.get(path).content.decode()


def test_staging_keeps_production_security_unless_asked(monkeypatch):
    module = staging_module(monkeypatch)
    assert module.SECURE_SSL_REDIRECT and module.SESSION_COOKIE_SECURE and module.CSRF_COOKIE_SECURE
    assert module.SECURE_HSTS_SECONDS > 0


def test_plain_http_is_for_loopback_only(monkeypatch):
    module = staging_module(monkeypatch, SAMENLOKET_STAGING_INSECURE_HTTP="true",
                            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,.localhost")
    assert not module.SECURE_SSL_REDIRECT and not module.SESSION_COOKIE_SECURE
    with pytest.raises(ImproperlyConfigured, match="loopback only"):
        staging_module(monkeypatch, SAMENLOKET_STAGING_INSECURE_HTTP="true",
                       DJANGO_ALLOWED_HOSTS="127.0.0.1,samenloket.example")
