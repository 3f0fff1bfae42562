"""A rerun of the security and bad-input probe: tampered requests on every route.

Whatever the input, the answer is a refusal (4xx) or a page with a message, never a server error.
The probe collects every answer and fails on any 5xx, listing them all.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.conftest import login_session
from tests.overlijden.helpers import file_death, undertaker, work_task
from zaken.identity import AuthContext
from zaken.models import Verzoek, Zaak

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"  # Rotterdam
MARTINUS = "999990378"  # Rotterdam
HUGE = "x" * 20_000
BIDI = "Jan\u202eeD\u202c"
BAD_DATES = ["0001-01-01", "99999-12-31", "2026-02-30", "31-31-2026", "", "\x00", HUGE, "1900-01-01"]
BAD_TIMES = ["25:61", "-1:00", "\x00", HUGE]
METHODS = ["get", "post", "put", "patch", "delete"]


class Probe:
    def __init__(self):
        self.client = Client(raise_request_exception=False)
        self.errors: list[str] = []
        self.count = 0

    def __call__(self, method: str, url: str, data=None, **extra):
        response = getattr(self.client, method)(url, data or {}, **extra)
        self.count += 1
        if response.status_code >= 500:
            self.errors.append(f"{method.upper()} {url} {sorted((data or {}).keys())} -> {response.status_code}")
        return response

    def login(self, auth: AuthContext):
        self.client.logout()
        login_session(self.client, auth)

    def assert_clean(self):
        print(f"{self.count} probes, {len(self.errors)} server errors")  # the figure for the notes (pytest -s)
        assert self.count > 0
        assert not self.errors, f"{len(self.errors)} of {self.count} probes gave a server error:\n" + "\n".join(
            self.errors)


def digid(bsn: str) -> AuthContext:
    return AuthContext.now(means="digid", level="midden", bsn=bsn, display_name="Probe")


MOVE_TAMPERING = [
    {"verhuisdatum": d} for d in BAD_DATES] + [
    {"huisnummer": "1e9"}, {"huisnummer": "-1"}, {"huisnummer": HUGE}, {"postcode": HUGE}, {"postcode": "\x00"},
    {"huisletter": BIDI}, {"huisnummertoevoeging": "../../"}, {"meeverhuizers": ["123456789", "<script>"]},
    {"meeverhuizers": ["999999357"]}, {"inwoning": "misschien"}, {"inwoning": "ja"}, {"email": HUGE},
    {"email": "a@b\u202e.nl"}, {"telefoon": HUGE}, {"verklaring": ""},
    {"inwoning": "ja", "toestemming": SimpleUploadedFile("x.exe", b"%PDF-1.7 x", content_type="application/pdf")},
    {"inwoning": "ja", "toestemming": SimpleUploadedFile("x.pdf", b"\x89PNG\r\n\x1a\n", content_type="image/png")},
    {"inwoning": "ja", "toestemming": SimpleUploadedFile("x" * 400 + ".pdf", b"%PDF-1.7 x")},
]

DEATH_STEP1 = {"aangever_naam": "Piet Aangever", "email": "piet@demaas.example", "telefoon": "010 1234567",
               "bsn": MARTINUS}
DEATH_STEP1_TAMPERING = [{"bsn": b} for b in ["123456789", "000000000", "99999999999", HUGE, "\x00", "999999990"]] + [
    {"aangever_naam": HUGE}, {"aangever_naam": BIDI}, {"email": "nope"}, {"telefoon": "\x00"}]


DEATH_TAMPERING = (
    [{"overlijdensdatum": d} for d in BAD_DATES] + [{"uitvaart_datum": d} for d in BAD_DATES]
    + [{"overlijdenstijd": t} for t in BAD_TIMES] + [{"uitvaart_tijd": t} for t in BAD_TIMES]
    + [{"plaats_soort": "maan"}, {"plaats_soort": "gemeente", "plaats_gemeente": "9999"},
       {"plaats_soort": "gemeente", "plaats_gemeente": HUGE}, {"uittreksels": "-1"}, {"uittreksels": "10000000000"},
       {"doodsoorzaak": "onbekend"}, {"wijze": "ruimte"}, {"uitvaart_plaats": HUGE},
       {"a_formulier": SimpleUploadedFile("a.pdf", b"%PDX-1.7", content_type="application/pdf")}])


def test_portal_routes_never_give_a_server_error(demo):
    probe = Probe()
    tenant_urls = ["", "inloggen/", "inloggen/digid/", "inloggen/eherkenning/", "inloggen/onbekend/", "uitloggen/",
                   "aanvragen/verhuizing/", "aanvragen/verhuizing/controleren/", "aanvragen/verhuizing/verzonden/",
                   "aanvragen/verhuizing/adres/", "aanvragen/verhuizing/onbekend/", "aanvragen/onbekend/",
                   "aanvragen/aangifte-overlijden/", "aanvragen/aangifte-overlijden/overlijden/",
                   "aanvragen/aangifte-overlijden/controleren/", "mijn-zaken/", "mijn-zaken/ZAAK-2026-0000001/",
                   "mijn-zaken/..%2F..%2Fetc%2Fpasswd/",
                   "mijn-zaken/ZAAK-2026-0000001/documenten/00000000-0000-0000-0000-000000000000/",
                   "mijn-zaken/ZAAK-2026-0000001/verzoeken/00000000-0000-0000-0000-000000000000/"]
    for auth in (None, digid(SUZANNE), undertaker()):
        if auth:
            probe.login(auth)
        for slug in ("rotterdam", "den-haag", "bestaat-niet"):
            for url in tenant_urls:
                for method in METHODS:
                    probe(method, f"/{slug}/{url}", {"next": "//evil.example/", "postcode": HUGE})
    for url in ["/", "/thema/hellevoetsluis.css", "/thema/onbekend.css", "/media/public/../../etc/passwd",
                "/behandelen/", "/behandelen/zaken/999999999/", "/admin/"]:
        for method in METHODS:
            probe(method, url)
    probe.client.cookies["sessionid"] = "tampered-" + "a" * 40
    probe("get", "/rotterdam/mijn-zaken/")
    probe.assert_clean()


def test_tampered_move_forms_never_give_a_server_error(demo, move_form):
    probe = Probe()
    probe.login(digid("999999345"))  # Johan, with a household
    form = "/rotterdam/aanvragen/verhuizing/"
    for tampering in MOVE_TAMPERING:
        probe("post", form, move_form(**tampering))
    for data in [{"postcode": HUGE, "huisnummer": "1"}, {"postcode": "3035AW", "huisnummer": "x"}, {}]:
        probe("post", f"{form}adres/", data)
    probe("post", f"{form}controleren/", {"vingerafdruk": HUGE})
    assert probe("post", form, move_form()).status_code == 302
    probe("post", f"{form}controleren/", {"vingerafdruk": "tampered"})
    probe.assert_clean()


def test_tampered_death_forms_never_give_a_server_error(demo, death_form):
    probe = Probe()
    probe.login(undertaker())
    form = "/rotterdam/aanvragen/aangifte-overlijden/"
    for tampering in DEATH_STEP1_TAMPERING:
        probe("post", form, {**DEATH_STEP1, **tampering})
    probe("post", f"{form}overlijden/", death_form())  # before step 1: back to step 1
    assert probe("post", form, DEATH_STEP1).status_code == 302
    for tampering in DEATH_TAMPERING:
        probe("post", f"{form}overlijden/", death_form(**tampering))
    probe("post", f"{form}controleren/", {"vingerafdruk": HUGE})
    probe.assert_clean()


def test_tracker_and_back_office_with_tampered_ids_never_give_a_server_error(demo, rechten, client):
    overlijden = file_death()  # Rotterdam, De Maas
    work_task(client, overlijden, "controleren", {"uitkomst": "onvolledig", "vraag": "Het A-formulier is onleesbaar."},
              "behandelaar-rotterdam")
    zaak = overlijden.zaak
    verzoek = Verzoek.objects.get(zaak=zaak)
    probe = Probe()
    probe.login(undertaker())
    base = f"/rotterdam/mijn-zaken/{zaak.identificatie}/"
    for url in [base, f"{base}documenten/not-a-uuid/", f"{base}verzoeken/not-a-uuid/",
                f"{base}verzoeken/00000000-0000-0000-0000-000000000000/"]:
        for method in METHODS:
            probe(method, url, {"antwoord": HUGE})
    for _ in range(2):  # the second answer meets a closed request
        probe("post", f"{base}verzoeken/{verzoek.uuid}/", {"antwoord": "Bijgevoegd."})
    probe.client.logout()
    probe.client.force_login(get_user_model().objects.get(username="behandelaar-den-haag"))
    last = Zaak.objects.order_by("-pk").first().pk
    for url in ["/behandelen/", "/behandelen/zaken/", f"/behandelen/zaken/{zaak.pk}/", f"/behandelen/zaken/{last + 99}/",
                "/behandelen/zaken/?page=999999", "/behandelen/zaken/?page=-1", "/behandelen/zaken/?q=" + "%00" * 10,
                "/behandelen/taken/queue/?process=abc", "/behandelen/taken/inbox/?page=x",
                "/behandelen/werklijst/aangifte-overlijden/?page=abc",
                f"/behandelen/zaken/{zaak.pk}/documenten/00000000-0000-0000-0000-000000000000/",
                "/admin/", "/admin/viewflow/process/"]:
        for method in ("get", "post"):
            probe(method, url)
    probe.assert_clean()
