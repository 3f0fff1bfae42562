"""Serve the mock registers over HTTP (the demo's `make run` and the staging stack start it)."""

import socket

from django.core.management.base import BaseCommand
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

from zaken.integrations.mockservice.app import served_application


class QuietHandler(WSGIRequestHandler):
    def setup(self):
        super().setup()
        # Headers and body leave in separate writes; without this, Nagle's algorithm and the client's
        # delayed ACK hold every kept-alive answer back ~40 ms (gunicorn sets the same option).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format, *args):  # an access log would show query strings (addresses)
        pass


def make_server(host: str, port: int) -> ThreadedWSGIServer:
    """A threaded server of the mock registers; port 0 picks a free one (tests)."""
    server = ThreadedWSGIServer((host, port), QuietHandler)
    server.set_app(served_application)
    return server


class Command(BaseCommand):
    help = "Serve the mock BRP, BAG, KvK and RDW registers (the real APIs' shapes) over HTTP."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8001")

    def handle(self, *args, addrport, **options):
        host, _, port = addrport.rpartition(":")
        server = make_server(host or "127.0.0.1", int(port))
        self.stdout.write(f"Mock registers on http://{host or '127.0.0.1'}:{server.server_port}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
