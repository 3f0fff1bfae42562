"""A requests transport that hands a request to the mock registers' WSGI app in this process.

Only for settings.MOCK_REGISTERS_INPROCESS (the test suite): the client, its headers, bodies,
status codes and error mapping are the production ones; only the socket is left out, so that the
mock reads and writes in the test's own database transaction.
"""

from __future__ import annotations

import io
import sys
from urllib.parse import urlsplit

from django.conf import settings
from requests.adapters import BaseAdapter
from requests.models import Response
from requests.structures import CaseInsensitiveDict


class InProcessAdapter(BaseAdapter):
    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        from ..mockservice.app import application

        mount = urlsplit(settings.MOCK_REGISTERS_URL)
        url = urlsplit(request.url)
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode()
        environ = {
            "REQUEST_METHOD": request.method,
            "SCRIPT_NAME": mount.path.rstrip("/"),
            "PATH_INFO": url.path[len(mount.path.rstrip("/")):] or "/",
            "QUERY_STRING": url.query,
            "SERVER_NAME": url.hostname or "localhost",
            "SERVER_PORT": str(url.port or 80),
            "SERVER_PROTOCOL": "HTTP/1.1",
            "CONTENT_LENGTH": str(len(body)),
            "CONTENT_TYPE": request.headers.get("Content-Type", ""),
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": url.scheme,
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        for name, value in request.headers.items():
            key = name.upper().replace("-", "_")
            if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
                environ[f"HTTP_{key}"] = value
        started: dict = {}

        def start_response(status, headers, exc_info=None):
            started["status"], started["headers"] = status, headers

        chunks = application(environ, start_response)
        try:
            content = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
        response = Response()
        response.status_code = int(started["status"].split()[0])
        response.reason = started["status"].split(" ", 1)[1] if " " in started["status"] else ""
        response.headers = CaseInsensitiveDict(started["headers"])
        response._content = content
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        return response

    def close(self):
        pass
