"""API clients (Applicatie + Autorisaties) and signed JWTs for the ZGW API tests."""

import time

import jwt
import pytest

from zaken.api.models import Applicatie, Autorisatie
from zaken.models import Gemeente

SECRET = "een-geheim-van-minstens-tweeëndertig-tekens"


def token(client_id: str, secret: str = SECRET, **claims) -> str:
    payload = {"iss": client_id, "iat": int(time.time()), "client_id": client_id, "user_id": "tester",
               "user_representation": "Test", **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


def auth(client_id: str, **kw) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token(client_id, **kw)}"}


@pytest.fixture
def applicatie(demo):
    def _make(gemeente: Gemeente | str = "den-haag", client_id: str = "zac", scopes=("catalogi.lezen",),
              component: str = "ztc") -> Applicatie:
        if isinstance(gemeente, str):
            gemeente = Gemeente.objects.get(slug=gemeente)
        app = Applicatie.objects.create(gemeente=gemeente, label=client_id, client_id=client_id, secret=SECRET)
        Autorisatie.objects.create(applicatie=app, component=component, scopes=list(scopes))
        return app

    return _make
