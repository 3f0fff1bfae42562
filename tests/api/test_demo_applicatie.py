"""manage.py zgw_demo_applicatie: a demo API client per demo municipality, for the README's curl example."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from zaken.api.models import Applicatie

from .conftest import token

pytestmark = pytest.mark.django_db


def run() -> str:
    out = StringIO()
    call_command("zgw_demo_applicatie", stdout=out)
    return out.getvalue()


def test_one_client_per_demo_municipality_idempotent_and_it_works(client, demo):
    first = run()
    clients = dict(re.findall(r"client_id=(\S+) secret=(\S+)", first))
    assert set(clients) == {"demo-den-haag", "demo-rotterdam", "demo-hellevoetsluis"}
    assert run() == first  # the same clients and secrets, nothing doubled
    assert Applicatie.objects.count() == 3
    app = Applicatie.objects.get(client_id="demo-den-haag")
    assert app.gemeente.slug == "den-haag" and len(app.secret) >= 32
    assert {a.component for a in app.autorisaties.all()} == {"zrc", "ztc", "brc", "drc", "nrc"}
    assert all(s.endswith((".lezen", ".consumeren")) for a in app.autorisaties.all() for s in a.scopes)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token('demo-den-haag', secret=clients['demo-den-haag'])}"}
    assert client.get("/api/catalogi/v1/zaaktypen", **headers).status_code == 200


def test_refused_outside_the_demo(demo):
    with override_settings(ZGW_DEMO_APPLICATIES=False), pytest.raises(CommandError, match="demo"):
        run()
    assert not Applicatie.objects.exists()


def test_production_settings_do_not_allow_it():
    from config.settings import base

    assert base.ZGW_DEMO_APPLICATIES is False
