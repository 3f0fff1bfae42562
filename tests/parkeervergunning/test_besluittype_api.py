"""The besluiten the permit's real services record name a besluittype the Catalogi API serves: the besluit's
`besluittype` URL in the Besluiten API is a 200 there, and the zaaktype lists it."""

from datetime import date

import pytest

from tests.api.conftest import SECRET, auth
from zaken.api.models import Applicatie, Autorisatie
from zaken.models import Gemeente

from .support import SUZANNE, aanvragen
from .test_lex_silencio import at, onbeslist  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def assert_in_catalogus(client, besluit):
    app = Applicatie.objects.create(gemeente=Gemeente.objects.get(slug="rotterdam"), label="zac", client_id="zac",
                                    secret=SECRET)
    Autorisatie.objects.create(applicatie=app, component="brc", scopes=["besluiten.lezen"])
    Autorisatie.objects.create(applicatie=app, component="ztc", scopes=["catalogi.lezen"])
    body = client.get(f"/api/besluiten/v1/besluiten/{besluit.uuid}", **auth("zac")).json()
    besluittype = client.get(body["besluittype"], **auth("zac"))
    assert besluittype.status_code == 200, besluit.besluittype
    assert besluittype.json()["url"] == body["besluittype"]
    assert besluittype.json()["omschrijving"] == besluit.besluittype
    zaaktype = client.get(besluittype.json()["zaaktypen"][0], **auth("zac")).json()
    assert zaaktype["identificatie"] == "PARKEERVERGUNNING-BEWONER" and body["besluittype"] in zaaktype["besluittypen"]


def test_the_automatic_grant(client, digid_login, parkeer_form, django_capture_on_commit_callbacks):
    digid_login(SUZANNE)
    _response, vergunning = aanvragen(client, django_capture_on_commit_callbacks, parkeer_form())
    besluit = vergunning.zaak.besluiten.get()
    assert besluit.besluittype == "Parkeervergunning verleend"
    assert_in_catalogus(client, besluit)


def test_the_grant_van_rechtswege(client, onbeslist, django_capture_on_commit_callbacks):  # noqa: F811
    assert at(date(2026, 4, 29), django_capture_on_commit_callbacks)["van_rechtswege"] == 1
    besluit = onbeslist.zaak.besluiten.get()
    assert besluit.besluittype == "Van rechtswege verleend"
    assert_in_catalogus(client, besluit)
