"""A letter loads nothing from the network or the host's disk, and still embeds what it may.

WeasyPrint catches every exception a URL fetcher raises and only logs it, so "rendering did not
fail" proves nothing. These tests watch from outside instead: a small HTTP server on 127.0.0.1
counts the requests it gets, every fetch WeasyPrint asks for is recorded, and the PDF is opened to
see which images ended up in it (each source has its own image size, so a leak names itself).
"""

import base64
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.request import urlopen

import pytest
import weasyprint
from pypdf import PdfReader
from weasyprint.urls import URLFetcher

from tests import samples
from zaken.documents import render
from zaken.models import Gemeente

pytestmark = pytest.mark.django_db

DATA_SIZE, HTTP_SIZE, FILE_SIZE = (3, 2), (5, 4), (7, 6)


class CountingServer:
    """An HTTP server on a free loopback port that serves a PNG (or a stylesheet) and counts hits."""

    def __init__(self):
        hits = self.hits = []
        body = samples.png(HTTP_SIZE)

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                hits.append(self.path)
                css = self.path.endswith(".css")
                payload = b"body { color: red }" if css else body
                self.send_response(200)
                self.send_header("Content-Type", "text/css" if css else "image/png")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def server():
    with CountingServer() as running:
        # The probe itself works: a plain request is counted (then forgotten).
        with urlopen(f"{running.url}/probe.png", timeout=5) as response:
            assert response.read().startswith(b"\x89PNG")
        assert running.hits == ["/probe.png"]
        running.hits.clear()
        yield running


@pytest.fixture
def fetches(monkeypatch):
    """Every fetch WeasyPrint asks any URLFetcher for, with its outcome ("ok" or the error)."""
    seen = []
    original = URLFetcher.fetch

    def recording(self, url, headers=None):
        try:
            response = original(self, url, headers)
        except Exception as error:
            seen.append((url.split(":", 1)[0], url, type(error).__name__))
            raise
        seen.append((url.split(":", 1)[0], url, "ok"))
        return response

    monkeypatch.setattr(URLFetcher, "fetch", recording)
    return seen


@pytest.fixture
def gemeente():
    return Gemeente.objects.create(naam="Voorbeeldstad", slug="voorbeeldstad", gemeentecode="9999", rsin="002220647")


@pytest.fixture
def letter(settings, tmp_path, server):
    """A letter template that points at the counting server, at a real image on disk and at a data: image."""
    on_disk = tmp_path / "real.png"
    on_disk.write_bytes(samples.png(FILE_SIZE))
    data_url = base64.b64encode(samples.png(DATA_SIZE)).decode()
    (tmp_path / "zaken" / "pdf").mkdir(parents=True)
    (tmp_path / "zaken" / "pdf" / "bronnen.html").write_text(
        '{% extends "zaken/pdf/base.html" %}{% block content %}'
        f'<link rel="stylesheet" href="{server.url}/extra.css">'
        f'<style>@import url("{server.url}/import.css"); '
        f'.achter {{ background-image: url("{server.url}/achtergrond.png") }}</style>'
        '<h1>Bronnen</h1>'
        f'<img src="{server.url}/x.png" alt="van het netwerk">'
        f'<img src="{on_disk.as_uri()}" alt="van de schijf">'
        f'<img src="data:image/png;base64,{data_url}" alt="ingebed">'
        '<p class="achter">Tekst</p>{% endblock %}')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    return "zaken/pdf/bronnen.html"


def embedded_image_sizes(content: bytes) -> list[tuple[int, int]]:
    """(width, height) of every image XObject on every page, also inside form XObjects."""
    sizes, seen = [], set()

    def walk(resources):
        for ref in (resources or {}).get("/XObject", {}).values():
            key = getattr(ref, "idnum", id(ref))
            if key in seen:
                continue
            seen.add(key)
            xobject = ref.get_object()
            if xobject["/Subtype"] == "/Image":
                sizes.append((int(xobject["/Width"]), int(xobject["/Height"])))
            elif xobject["/Subtype"] == "/Form":
                walk(xobject.get("/Resources"))

    for page in PdfReader(io.BytesIO(content)).pages:
        walk(page.get("/Resources"))
    return sizes


def test_a_letter_fetches_nothing_from_the_network_or_the_disk(gemeente, letter, server, fetches):
    content = render.pdf_render(template=letter, context={}, gemeente=gemeente, title="Bronnen")

    assert server.hits == []  # not one request reached the server
    leaked = [(url, outcome) for scheme, url, outcome in fetches if scheme != "data" and outcome == "ok"]
    assert leaked == []
    asked = {scheme for scheme, _url, _outcome in fetches}
    assert {"http", "file"} <= asked  # WeasyPrint did try: the refusals happened in our fetcher
    assert embedded_image_sizes(content) == [DATA_SIZE]  # the data: image only; not the server's, not the disk's


def test_the_allowed_scheme_is_fetched_and_embedded(gemeente, letter, fetches):
    content = render.pdf_render(template=letter, context={}, gemeente=gemeente, title="Bronnen")
    assert ("data", "ok") in {(scheme, outcome) for scheme, _url, outcome in fetches}
    assert DATA_SIZE in embedded_image_sizes(content)


def test_the_probe_sees_a_fetcher_that_does_fetch(letter, server, fetches, settings):
    """The same template through WeasyPrint's default fetcher: the server and the disk are reached.

    This is what the first test guards against; it shows the counting server and the image check work.
    """
    from django.template.loader import render_to_string

    html = render_to_string(letter, {"gemeente": None, "title": "Bronnen", "lang": "nl"})
    content = weasyprint.HTML(string=html).write_pdf()
    assert "/x.png" in server.hits
    assert {HTTP_SIZE, FILE_SIZE, DATA_SIZE} <= set(embedded_image_sizes(content))
