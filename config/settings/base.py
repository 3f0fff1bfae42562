"""Settings shared by every environment; everything that differs comes from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("SAMENLOKET_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite file and media live here


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# SECTION core
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    # Django's admin on our site: functional administrators only, whatever is_staff says.
    "zaken.admin_apps.BeheerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "csp",
    "axes",
    # Before viewflow, so that the back office's overrides of viewflow templates and texts win.
    "zaken.backoffice",
    "viewflow",
    "viewflow.workflow",
    "zaken",
    "zaken.notificaties",
    "zaken.integrations",
    "portal",
    "zaken.api",
    # Process packages (found below zaken/processes/): each registers its ProcessDefinition in
    # AppConfig.ready(), so adding a process touches no file outside its own package.
    *sorted(f"zaken.processes.{p.parent.name}" for p in (BASE_DIR / "zaken" / "processes").glob("*/apps.py")),
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "zaken.security.AllowedMethodsMiddleware",
    "csp.middleware.CSPMiddleware",
    "zaken.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "zaken.security.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "zaken.security.StaffInactivityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.TenantMiddleware",
    "portal.middleware.AuthContextMiddleware",
    # Last: it turns django-axes' lockout into the Dutch lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
# Requests for a municipality's own host name use the same routes without the prefix.
HOST_URLCONF = "config.urls_host"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

# SECTION database
# Persistent connections: opening one per request cost a fifth of a worker's time under load.
# production.py defaults DATABASE_CONN_MAX_AGE to 60; dev and tests keep 0 (runserver opens a thread,
# and so a connection, per request anyway). Django drops a connection older than this, or one that
# failed, at the request's start and end; the health check pings a reused one before its first query.
# Celery workers are safe too: Celery's Django fixup closes every connection before and after a task.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'samenloket.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# SECTION i18n: the interface is Dutch; every string goes through gettext.
LANGUAGE_CODE = "nl"
# Dutch only for now, whatever the browser asks: the strings are translatable for a later English UI.
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# SECTION static and private media
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "build" / "static"]
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    # Case documents: never served directly, only through an authorizing view.
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": MEDIA_ROOT / "private", "base_url": None}},
    "public": {"BACKEND": "django.core.files.storage.FileSystemStorage",
               "OPTIONS": {"location": MEDIA_ROOT / "public", "base_url": "/media/public/"}},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Mijn zaken shows this many cases per page.
TRACKER_PAGE_SIZE = int(os.environ.get("SAMENLOKET_TRACKER_PAGE_SIZE", "25"))
UPLOAD_MAX_BYTES = int(os.environ.get("SAMENLOKET_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))

# SECTION sessions and identity
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# DigiD checklist T14: at most 15 minutes of inactivity (checked at start-up).
SESSION_INACTIVITY_SECONDS = int(os.environ.get("SAMENLOKET_SESSION_INACTIVITY_SECONDS", "900"))
SESSION_COOKIE_AGE = 8 * 3600
# Civil servants: logged out after this much silence (sliding), whatever SESSION_COOKIE_AGE says.
BACKOFFICE_INACTIVITY_SECONDS = int(os.environ.get("SAMENLOKET_BACKOFFICE_INACTIVITY_SECONDS", str(30 * 60)))
LOGIN_URL = "/behandelen/accounts/login/"
LOGIN_REDIRECT_URL = "/behandelen/"
# Members of this group (and superusers) may enter /admin/; is_staff alone does not let anyone in.
BEHEER_GROUP = os.environ.get("SAMENLOKET_BEHEER_GROUP", "functioneel beheerder")
LOGOUT_REDIRECT_URL = "/behandelen/"

# SECTION login throttling (django-axes) for the civil servants' and the admin login
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Locked after this many failed logins for the same username from the same address.
AXES_FAILURE_LIMIT = int(os.environ.get("SAMENLOKET_LOGIN_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SAMENLOKET_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # its log lines carry the username and address; the attempts stay in the admin
AXES_LOCKOUT_CALLABLE = "zaken.backoffice.lockout.lockout_response"  # Dutch, with the minutes
# Behind proxies REMOTE_ADDR is the nearest proxy's; with N trusted proxies that each append to
# X-Forwarded-For, the client is the N-th address from the right (anything further left can be forged).
TRUSTED_PROXY_COUNT = int(os.environ.get("SAMENLOKET_TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "zaken.security.client_ip"

# SECTION integrations: adapters are chosen by key from their registries.
INTEGRATIONS = {
    "digid": os.environ.get("SAMENLOKET_DIGID_ADAPTER", "digid-mock"),
    "eherkenning": os.environ.get("SAMENLOKET_EHERKENNING_ADAPTER", "eherkenning-mock"),
    "brp": os.environ.get("SAMENLOKET_BRP_ADAPTER", "brp-haalcentraal"),
    "bag": os.environ.get("SAMENLOKET_BAG_ADAPTER", "bag-kadaster"),
    "kvk": os.environ.get("SAMENLOKET_KVK_ADAPTER", "kvk-basisprofiel"),
    "payments": os.environ.get("SAMENLOKET_PAYMENTS_ADAPTER", "payments-mock"),
    "rdw": os.environ.get("SAMENLOKET_RDW_ADAPTER", "rdw-http"),
}
# The registers are reached over HTTP. Where our own mock registers run (`manage.py
# mock_registers_serve`, started by `make run` and `make serve`); empty in production. A connection
# whose URL lies below it counts as a mock for `check --deploy`.
MOCK_REGISTERS_URL = os.environ.get("SAMENLOKET_MOCK_REGISTERS_URL", "http://127.0.0.1:8001").rstrip("/")
# Tests answer requests to MOCK_REGISTERS_URL in-process (same WSGI app, no socket), so that a test
# case's database transaction is the mock's too.
MOCK_REGISTERS_INPROCESS = env_bool("SAMENLOKET_MOCK_REGISTERS_INPROCESS", False)


def _register(kind: str, mock_path: str, api_key_header: str) -> dict:
    """The default connection of a register; a municipality's RegisterKoppeling overrides it."""
    prefix = f"SAMENLOKET_{kind.upper()}_"
    return {
        "url": os.environ.get(prefix + "URL", f"{MOCK_REGISTERS_URL}{mock_path}" if MOCK_REGISTERS_URL else ""),
        "api_key": os.environ.get(prefix + "API_KEY", ""),
        "api_key_header": os.environ.get(prefix + "API_KEY_HEADER", api_key_header),
        # mTLS: paths of the client certificate and key (PKIoverheid), and the CA bundle to trust.
        "client_cert": os.environ.get(prefix + "CLIENT_CERT", ""),
        "client_key": os.environ.get(prefix + "CLIENT_KEY", ""),
        "ca_bundle": os.environ.get(prefix + "CA_BUNDLE", ""),
        "timeout": float(os.environ.get(prefix + "TIMEOUT", "5")),
        "retries": int(os.environ.get(prefix + "RETRIES", "2")),
    }


REGISTERS = {
    "brp": _register("brp", "/haalcentraal/api/brp", "X-API-KEY"),
    # The municipality's own BRP system for moves and deaths (our BRP-bijhouding contract, docs/registers.md).
    "bijhouding": _register("bijhouding", "/gemeente/brp", "X-API-KEY"),
    "bag": _register("bag", "/lvbag/individuelebevragingen/v2", "X-Api-Key"),
    "kvk": _register("kvk", "/kvk/api/v1", "apikey"),
    "rdw": _register("rdw", "/rdw/api/v1", "X-Api-Key"),
    "payments": _register("payments", "/mollie/v2", "Authorization"),
}
# Mollie Payments API v2: the key goes in "Authorization: Bearer <key>". Mollie has one API for every
# merchant, so production needs only each municipality's key; the mock registers take any well-formed one.
REGISTERS["payments"]["api_key_prefix"] = "Bearer "
REGISTERS["payments"]["url"] = REGISTERS["payments"]["url"] or "https://api.mollie.com/v2"
if MOCK_REGISTERS_URL and REGISTERS["payments"]["url"].startswith(MOCK_REGISTERS_URL + "/"):
    REGISTERS["payments"]["api_key"] = REGISTERS["payments"]["api_key"] or "test_samenloketmockregistersdemo000"
# Circuit breaker per register and process: after this many failures in a row a register is
# considered down for REGISTER_BREAKER_SECONDS, and calls fail at once instead of waiting for timeouts.
REGISTER_BREAKER_FAILURES = int(os.environ.get("SAMENLOKET_REGISTER_BREAKER_FAILURES", "5"))
REGISTER_BREAKER_SECONDS = int(os.environ.get("SAMENLOKET_REGISTER_BREAKER_SECONDS", "30"))
# Mock registers read fixture files in the real APIs' formats from this directory.
MOCK_DATA_DIR = Path(os.environ.get("SAMENLOKET_MOCK_DATA_DIR", VAR_DIR / "mockdata"))
# Source of the BRP/BAG fixtures (RvIG test set, CSV, EUPL; kept in the repository beside its
# licence); converted by `manage.py mock_registers_build`.
RVIG_TESTSET_DIR = Path(os.environ.get("SAMENLOKET_RVIG_TESTSET_DIR", BASE_DIR / "data" / "rvig-testset"))
# Only config.settings.staging sets STAGING (`make serve`): every page then shows a "testomgeving"
# banner, and SAMENLOKET_ALLOW_MOCKS=true lets `check --deploy` pass with the mock adapters.
STAGING = False
ALLOW_MOCK_ADAPTERS = env_bool("SAMENLOKET_ALLOW_MOCKS", False)
# SAML (DigiD, eHerkenning; connections per municipality in the admin): the clock difference allowed
# with the IdP for NotBefore/NotOnOrAfter, and where the connections' keys are written for xmlsec1.
SAML_CLOCK_SKEW_SECONDS = int(os.environ.get("SAMENLOKET_SAML_CLOCK_SKEW_SECONDS", "60"))
SAML_KEY_DIR = Path(os.environ.get("SAMENLOKET_SAML_KEY_DIR", VAR_DIR / "saml" / "keys"))
# Test hooks for the "register is down" behaviour of the mocks.
MOCK_UNAVAILABLE = set(env_list("SAMENLOKET_MOCK_UNAVAILABLE", ""))

# SECTION cache: counters (BRP look-ups per hour) and short-lived register answers (SBI codes).
# Production: one Redis shared by every web process (DJANGO_CACHE_URL=redis://host:6379/1); without
# it each process counts on its own, in memory (the embedded default).
CACHE_URL = os.environ.get("DJANGO_CACHE_URL", "")
CACHES = {"default": {"BACKEND": "config.cache.RedisCache", "LOCATION": CACHE_URL}
          if CACHE_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "samenloket"}}
# A web process trusts its last read of the municipalities' version stamp this long, so a page does
# not ask Redis for it on every request; an admin's change reaches the other processes this much later.
GEMEENTEN_VERSIE_SECONDEN = float(os.environ.get("SAMENLOKET_GEMEENTEN_VERSIE_SECONDEN", "1"))

# Sessions: with a shared cache (Redis) they are read from the cache and written through to the database
# (cached_db), so a page reads no session row; without one, from the database. DJANGO_SESSION_ENGINE
# overrides. The inactivity limits write a session at most once a minute (zaken.security).
SESSION_ENGINE = os.environ.get("DJANGO_SESSION_ENGINE") or (
    "django.contrib.sessions.backends.cached_db" if CACHE_URL else "django.contrib.sessions.backends.db")

# Periodic work of the integrations that the sweep (zaken.timers) runs by name, so that the core
# imports no adapter: unpaid payments expire after BETALING_GELDIG_MINUTEN.
PERIODIC_STEPS = {"betalingen_verlopen": "zaken.integrations.payments.services.betalingen_laten_verlopen",
                  "terugbetalingen": "zaken.integrations.payments.services.terugbetalingen_uitvoeren"}
BETALING_GELDIG_MINUTEN = int(os.environ.get("SAMENLOKET_BETALING_GELDIG_MINUTEN", "30"))

# SECTION celery
# ZGW APIs: the base of every resource URL (messages name resources by it) and the time-out of a
# notification's POST to a subscriber (connect, read) in seconds.
ZGW_API_BASE_URL = os.environ.get("ZGW_API_BASE_URL", "http://127.0.0.1:8000/api")
# manage.py zgw_demo_applicatie prints a demo API client's secret: only where this is set (never production).
ZGW_DEMO_APPLICATIES = False
# Callback URLs of abonnementen (zaken.notificaties.callback): https only, and never an address of our own
# network (SSRF); the dev and test settings allow http and local subscribers for the demo and the tests.
ZGW_NOTIFICATIES_CALLBACK = {
    "HTTPS_ONLY": os.environ.get("ZGW_NOTIFICATIES_CALLBACK_HTTPS_ONLY", "1") == "1",
    "PRIVATE_ADDRESSES": os.environ.get("ZGW_NOTIFICATIES_CALLBACK_PRIVATE", "0") == "1",
}
ZGW_NOTIFICATIES_TIMEOUT = (float(os.environ.get("ZGW_NOTIFICATIES_CONNECT_TIMEOUT", "3")),
                            float(os.environ.get("ZGW_NOTIFICATIES_READ_TIMEOUT", "10")))

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
# Without a broker, tasks run in-process (the embedded default).
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# Register work queued by a flow is also due to its process's retry sweep after this many seconds,
# so a message the broker refused (or lost) is sent again; the tasks are idempotent on the case's state.
REGISTER_WORK_SAFETY_NET_SECONDS = int(os.environ.get("SAMENLOKET_REGISTER_WORK_SAFETY_NET_SECONDS", "600"))

# SECTION e-mail
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@samenloket.example")

# SECTION logging: never log personal data (see zaken.logfilters).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_bsn": {"()": "zaken.logfilters.RedactBsnFilter"},
                "strip_query": {"()": "zaken.logfilters.StripQueryFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_bsn"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # The request line without its query string (ZGW filters may carry a BSN or a name).
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False, "filters": ["strip_query"]},
        "weasyprint.progress": {"level": "WARNING"},  # eight INFO lines per rendered letter
        "saml2": {"level": "WARNING"},  # pysaml2 logs the NameID (a BSN) and whole messages below WARNING
        "xmlschema": {"level": "WARNING"},  # pysaml2's schema loading says INFO on every start
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# SECTION security headers
# Only the methods a page uses; anything else (PUT, PATCH, DELETE, ...) gets 405 everywhere.
HTTP_ALLOWED_METHODS = ["GET", "HEAD", "POST"]
# The ZGW APIs under /api/ also update and delete (PUT, PATCH, DELETE), as the standard defines them.
HTTP_ALLOWED_METHODS_API = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
# No 'unsafe-inline': scripts and styles come from our static files; the few inline tags in templates
# we own carry the request's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        # A real DigiD/eHerkenning broker receives a posted form: add its origin here.
        "form-action": [SELF, *env_list("SAMENLOKET_CSP_FORM_ACTION", "")],
    },
}
# Browser features no page needs; an empty list denies the feature to every origin.
PERMISSIONS_POLICY = {feature: [] for feature in (
    "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "hid",
    "idle-detection", "magnetometer", "microphone", "midi", "payment", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking")}

# SECTION themes: token packages with an open licence, built into static files by `make install`.
THEME_PACKAGES = {
    "voorbeeld": {"class": "voorbeeld-theme", "css": ["nlds/voorbeeld/theme.css"]},
    # Den Haag on top of the voorbeeld values, for tokens its package leaves out.
    "denhaag": {"class": "voorbeeld-theme denhaag-theme",
                "css": ["nlds/voorbeeld/theme.css", "nlds/denhaag/theme.css"]},
}

# SECTION ZGW APIs (/api/, zaken.api): DRF with the ZGW JWT, Fout bodies and page-number pages.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["zaken.api.common.auth.ZGWJWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "zaken.api.common.pagination.ZGWPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "zaken.api.common.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["zaken.api.common.throttling.ClientRateThrottle"],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samenloket ZGW API's",
    "DESCRIPTION": "API's voor Zaakgericht Werken (VNG) over de zaken van Samenloket; één schema voor alle componenten.",
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": "/api/",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # The standard's error set on every ZGW operation, and HEAD beside every detail GET.
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "zaken.api.common.schema.zgw_standard_responses"],
}
ZGW_API = {
    # A token's iat may be at most this old (seconds), with this much clock skew allowed.
    "JWT_MAX_AGE": int(os.environ.get("SAMENLOKET_ZGW_JWT_MAX_AGE", "3600")),
    "JWT_LEEWAY": 60,
    # beginGeldigheid and versiedatum of every catalogue type (our zaaktypen have no versions yet).
    "CATALOGUS_BEGIN_GELDIGHEID": os.environ.get("SAMENLOKET_ZGW_CATALOGUS_BEGIN", "2026-01-01"),
    # Requests per API client (a 429 with Retry-After above it); empty: no limit (e.g. for a load test).
    "THROTTLE_RATE": os.environ.get("SAMENLOKET_ZGW_THROTTLE", "6000/min"),
}
