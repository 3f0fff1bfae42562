"""Every upload point, through its real view: a file is judged by its bytes and its name together.

Upload points: the move form's consent (toestemming), the death registration's A-formulier, OvJ
statement and uitstel decision, and the attachments of an answer in the tracker. The back office
takes no uploads. Each refusal must show the Dutch message next to the field and store nothing:
no file in the private storage, no Document row, no draft entry in the session.
"""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests import samples
from tests.factories import ZaakFactory
from tests.overlijden.helpers import MAAS, PERSOON
from zaken.actors import Actor
from zaken.models import Document

pytestmark = pytest.mark.django_db

BAD_TYPE = "Dit bestandstype kunnen wij niet aannemen. Upload een PDF, JPG of PNG."
TOO_LARGE = "Het bestand is te groot"
EMPTY = "Het bestand is leeg. Kies een ander bestand."


# name, bytes: each is refused with BAD_TYPE.
DISGUISED = {
    "pdf-named-exe": ("verklaring.exe", samples.pdf),
    "png-named-pdf": ("verklaring.pdf", samples.png),
    "jpeg-named-png": ("verklaring.png", samples.jpeg),
    "pdf-no-extension": ("verklaring", samples.pdf),
    # Near misses: only the first byte(s) of a signature are right.
    "near-pdf": ("verklaring.pdf", lambda: b"%PDX-1.7\n" + samples.pdf()[9:]),
    "near-png": ("verklaring.png", lambda: b"\x89PNX\r\n\x1a\n" + samples.png()[8:]),
    "near-png-tail": ("verklaring.png", lambda: b"\x89PNG\r\n\x1a\x00" + samples.png()[8:]),
    "near-jpeg": ("verklaring.jpg", lambda: b"\xff\xd8\x00\xe0" + samples.jpeg()[4:]),
}


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def error_next_to(html: str, error_id: str) -> str:
    """The text of the field's error message element (the one its input's aria-describedby names)."""
    found = re.findall(rf'<div class="utrecht-form-field-error-message" id="{error_id}">(.*?)</div>', html, re.S)
    return unescape(" ".join(found))


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """A private storage of this test's own, so 'nothing stored' can be checked by listing it."""
    location = tmp_path / "private"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": location, "base_url": None}}}
    return location


def stored_files(location) -> list:
    return [p for p in location.rglob("*") if p.is_file()] if location.exists() else []


# --- the upload points -------------------------------------------------------------------------

class MoveConsent:
    """Verhuizing: inwoning with the main occupant's consent."""

    error_id = "id_toestemming_error"
    url = "/rotterdam/aanvragen/verhuizing/"

    def __init__(self, client, digid_login, eherkenning_login):
        digid_login("999993653")
        self.client = client

    def post(self, file):
        data = {"postcode": "3035 AW", "huisnummer": "60", "huisletter": "", "huisnummertoevoeging": "",
                "verhuisdatum": timezone.localdate().isoformat(), "inwoning": "ja", "email": "test@example.nl",
                "telefoon": "", "verklaring": "on", "toestemming": file}
        return self.client.post(self.url, data)

    def accepted(self):
        draft = self.client.session.get("verhuizing.concept") or {}
        return bool(draft.get("toestemming"))


class DeathUpload:
    """Aangifte overlijden, step 2: one of its three documents."""

    url = "/rotterdam/aanvragen/aangifte-overlijden/"

    def __init__(self, client, digid_login, eherkenning_login, field):
        eherkenning_login(MAAS, company="Uitvaartcentrum De Maas B.V.")
        self.client, self.field = client, field
        self.error_id = f"id_{field}_error"
        step1 = client.post(self.url, {"aangever_naam": "Piet Aangever", "email": "piet@demaas.example",
                                       "telefoon": "010 1234567", "bsn": PERSOON})
        assert step1.status_code == 302

    def post(self, file):
        death = timezone.localtime() - timedelta(hours=10)
        funeral_days = 14 if self.field == "uitstel_besluit" else 3  # outside the window: uitstel needed
        data = {"overlijdensdatum": death.date().isoformat(), "overlijdenstijd": death.strftime("%H:%M"),
                "plaats_soort": "adres", "postcode": "3035 AW", "huisnummer": "60", "huisletter": "",
                "huisnummertoevoeging": "", "plaats_gemeente": "",
                "doodsoorzaak": "niet_natuurlijk" if self.field == "ovj_verklaring" else "natuurlijk",
                "wijze": "cremeren", "uitvaart_datum": (death.date() + timedelta(days=funeral_days)).isoformat(),
                "uitvaart_tijd": "11:00", "uitvaart_plaats": "Crematorium Hofwijk", "uittreksels": "1"}
        if self.field != "a_formulier":
            data["a_formulier"] = upload("a-formulier.pdf", samples.pdf())
        data[self.field] = file
        return self.client.post(self.url + "overlijden/", data)

    def accepted(self):
        draft = self.client.session.get("overlijden.concept") or {}
        return bool(draft.get("uploads"))


class AnswerAttachment:
    """Tracker: an attachment to the answer on a request for information."""

    error_id = "bijlagen_error"

    def __init__(self, client, digid_login, eherkenning_login, demo):
        from zaken.verzoeken import verzoek_stellen

        self.zaak = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn="999993653",
                                statussen=["ontvangen", "in_behandeling"])
        self.verzoek = verzoek_stellen(zaak=self.zaak, vraag="Stuur uw huurcontract.",
                                       termijn=timezone.localdate() + timedelta(days=5), actor=Actor.system("test"))
        digid_login("999993653")
        self.client = client
        self.url = f"/den-haag/mijn-zaken/{self.zaak.identificatie}/verzoeken/{self.verzoek.uuid}/"

    def post(self, file):
        return self.client.post(self.url, {"antwoord": "Zie de bijlage.", "bijlagen": [file]})

    def accepted(self):
        self.verzoek.refresh_from_db()
        return not self.verzoek.is_open


POINTS = ["verhuizing-toestemming", "overlijden-a_formulier", "overlijden-ovj_verklaring",
          "overlijden-uitstel_besluit", "tracker-bijlagen"]


@pytest.fixture(params=POINTS)
def point(request, client, demo, digid_login, eherkenning_login):
    name = request.param
    if name == "verhuizing-toestemming":
        return MoveConsent(client, digid_login, eherkenning_login)
    if name.startswith("overlijden-"):
        return DeathUpload(client, digid_login, eherkenning_login, name.split("-", 1)[1])
    return AnswerAttachment(client, digid_login, eherkenning_login, demo)


# Each point's accepted() says whether it took the file: a draft entry in the session, or a recorded answer.


def assert_refused(point, response, message, storage):
    html = response.content.decode()
    assert response.status_code == 400, html[:2000]
    assert message in error_next_to(html, point.error_id), html[:4000]
    assert stored_files(storage) == []
    assert not Document.objects.exists()
    assert not point.accepted()


# --- the tests ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["pdf", "png", "jpeg"])
def test_a_real_file_with_its_own_name_is_accepted(point, private_storage, kind):
    """The control: the same fixtures and storage accept a genuine file, so the refusals below mean something."""
    content, name, content_type = {"pdf": (samples.pdf(), "verklaring.pdf", "application/pdf"),
                                   "png": (samples.png(), "verklaring.png", "image/png"),
                                   "jpeg": (samples.jpeg(), "verklaring.JPG", "image/jpeg")}[kind]
    response = point.post(upload(name, content, content_type))
    assert response.status_code == 302, response.content.decode()[:4000]
    assert point.accepted()
    assert any(p.read_bytes() == content for p in stored_files(private_storage))


@pytest.mark.parametrize("disguise", list(DISGUISED))
def test_disguised_file_is_refused_and_nothing_stored(point, private_storage, disguise):
    name, make = DISGUISED[disguise]
    response = point.post(upload(name, make()))
    assert_refused(point, response, BAD_TYPE, private_storage)


def test_too_large_file_is_refused_and_nothing_stored(point, private_storage, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    response = point.post(upload("verklaring.pdf", samples.pdf() + b"%" + b"0" * 2000))
    assert_refused(point, response, TOO_LARGE, private_storage)


def test_empty_file_is_refused_and_nothing_stored(point, private_storage):
    response = point.post(upload("verklaring.pdf", b""))
    assert_refused(point, response, EMPTY, private_storage)


def test_one_bad_attachment_among_good_ones_stores_none_of_them(client, demo, digid_login, eherkenning_login,
                                                                private_storage):
    point = AnswerAttachment(client, digid_login, eherkenning_login, demo)
    response = client.post(point.url, {"antwoord": "Zie de bijlagen.", "bijlagen": [
        upload("contract.pdf", samples.pdf()), upload("foto.png", samples.png()),
        upload("contract.exe", samples.pdf())]})
    assert_refused(point, response, BAD_TYPE, private_storage)
