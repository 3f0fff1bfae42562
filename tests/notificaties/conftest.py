"""A real subscriber on a loopback socket: records every POST, and can answer 503 or refuse connections."""

import importlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.factories import GemeenteFactory
from zaken.notificaties.models import Abonnement, AbonnementKanaal, Kanaal


class Subscriber:
    def __init__(self):
        self.posts: list[dict] = []
        self.status = 204
        self.server = None
        self.port = 0
        self.up()

    def up(self):
        subscriber = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if subscriber.status < 300:
                    subscriber.posts.append({"path": self.path, "headers": dict(self.headers), "body": body})
                self.send_response(subscriber.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def down(self):
        """Close the socket: connections are refused until `up()`."""
        self.server.shutdown()
        self.server.server_close()

    def url(self, path="/callback"):
        return f"http://127.0.0.1:{self.port}{path}"

    def ids(self):
        return [p["headers"]["X-Notificatie-Id"] for p in self.posts]


@pytest.fixture
def subscriber():
    sub = Subscriber()
    yield sub
    sub.down()


@pytest.fixture
def gemeenten(db):
    return (GemeenteFactory(slug="notif-a", naam="Gemeente A", gemeentecode="9101", rsin="002220647"),
            GemeenteFactory(slug="notif-b", naam="Gemeente B", gemeentecode="9102", rsin="001234567"))


@pytest.fixture
def abonneren():
    def make(*, gemeente, url, kanalen=("zaken",), filters=None, auth="Bearer geheim-token"):
        abonnement = Abonnement.objects.create(gemeente=gemeente, callback_url=url, auth=auth)
        for naam in kanalen:
            AbonnementKanaal.objects.create(abonnement=abonnement, kanaal_id=naam, filters=filters or {})
        return abonnement

    return make


@pytest.fixture(autouse=True)
def kanalen(db):
    """The kanalen of the data migration (a transactional test's flush removes them)."""
    migration = importlib.import_module("zaken.notificaties.migrations.0002_kanalen")
    for naam, (link, filters) in migration.KANALEN.items():
        Kanaal.objects.update_or_create(naam=naam, defaults={"documentatie_link": link, "filters": filters})
