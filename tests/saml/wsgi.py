"""Call a WSGI app in-process, as a browser would, without a server."""

import io
from urllib.parse import urlencode, urlsplit
from wsgiref.util import setup_testing_defaults


def call(app, method: str, url: str, data: dict | None = None, raw: bytes | None = None) -> tuple[int, dict, str]:
    parts = urlsplit(url)
    body = raw if raw is not None else urlencode(data or {}).encode()
    environ = {"REQUEST_METHOD": method, "PATH_INFO": parts.path, "QUERY_STRING": parts.query,
               "HTTP_HOST": parts.netloc, "SERVER_NAME": parts.hostname, "wsgi.url_scheme": parts.scheme,
               "CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": "application/x-www-form-urlencoded",
               "wsgi.input": io.BytesIO(body)}
    setup_testing_defaults(environ)
    captured = {}

    def start_response(status, headers):
        captured["status"], captured["headers"] = int(status.split()[0]), dict(headers)

    chunks = app(environ, start_response)
    return captured["status"], captured["headers"], b"".join(chunks).decode()
