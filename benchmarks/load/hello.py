"""The ceiling of the load benchmark: a bare Django "hello world", settings, URLs and WSGI in one module.

No apps, no middleware, no database, no templates: what gunicorn and Django's request handling cost
on this machine. run.py serves it with the same gunicorn settings as the project:

    .venv/bin/gunicorn --chdir benchmarks/load hello:application
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="hello-world-benchmark-only",  # signs nothing: no sessions, no CSRF here
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        USE_I18N=False,
    )


def hello(request):
    return HttpResponse(b"Hello, world!", content_type="text/plain")


urlpatterns = [path("", hello)]

application = get_wsgi_application()
