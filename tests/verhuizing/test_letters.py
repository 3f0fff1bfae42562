"""What the move's letters and messages must say: the decision's legal basis and bezwaar clause
(Awb 3:45, 3:47 lid 2, 6:5, 6:7), and what happens to a request for information left unanswered (4:5).
"""

import subprocess
from datetime import datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader

from zaken.models import Verzoek
from zaken.timers import sweep

from .helpers import file_move, work_task

pinned = datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))  # Mirik is 16
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(pinned)]

ESTRELLA, MIRIK = "999997610", "999992089"  # mother and son of 16, Rotterdam
NO_HOME = {"postcode": "3034CJ", "huisnummer": 50}  # no woonfunctie: a civil servant decides


def pdf_text(document) -> str:
    document.bestand.open("rb")
    try:
        data = document.bestand.read()
    finally:
        document.bestand.close()
    return " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages).split())


@pytest.fixture
def rejected(client, demo, rechten, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=ESTRELLA, days=3, met_gezin=True, **NO_HOME)
        work_task(client, verhuizing, "beoordelen", {"besluit": "afwijzen", "toelichting": "Dit pand is geen woning."},
                  "behandelaar-rotterdam")
    assert verhuizing.state == "afgewezen"
    return verhuizing


def test_rejection_letter_states_its_legal_basis_and_who_may_object(rejected):
    text = pdf_text(rejected.zaak.documenten.get(kenmerk="verhuizing-afwijzing"))
    mirik = rejected.personen.get(bsn=MIRIK).naam
    assert "Dit pand is geen woning." in text
    # Awb 3:47 lid 2: the statutory provisions the decision rests on.
    assert "Wet basisregistratie personen" in text and "artikel 2.39 Wet BRP" in text and "artikel 1.1 Wet BRP" in text
    # Awb 3:45 / 6:7 / 6:8: every interested party, co-movers included, within 6 weeks from the day after.
    assert "iedere belanghebbende" in text and f"{mirik} (kind)" in text
    assert "personen voor wie u de verhuizing doorgaf" in text
    assert "binnen 6 weken" in text and "dag na de datum van deze brief" in text
    # Sent on Monday 30-11-2026: from Tuesday 1-12, six weeks end on Monday 11-1-2027 (Atw art. 1: a working day).
    assert "uiterlijk op 11 januari 2027 binnen" in text
    # Awb 6:4 and 6:5: where to, and what a bezwaarschrift holds.
    assert "college van burgemeester en wethouders van Rotterdam" in text
    for part in ("artikel 6:5", "uw naam en adres", "de datum", rejected.zaak.identificatie,
                 "de gronden van uw bezwaar", "uw handtekening"):
        assert part in text, part


def test_rejection_letter_renders_as_an_image(rejected, tmp_path):
    """For a look by eye: pdftoppm turns the letter into PNG pages (kept in tmp_path)."""
    document = rejected.zaak.documenten.get(kenmerk="verhuizing-afwijzing")
    pdf = tmp_path / "afwijzing.pdf"
    document.bestand.open("rb")
    try:
        pdf.write_bytes(document.bestand.read())
    finally:
        document.bestand.close()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "afwijzing")], check=True)
    pages = sorted(tmp_path.glob("afwijzing*.png"))
    assert pages and all(p.stat().st_size > 1000 for p in pages)


def test_request_for_information_says_uiterlijk_op_and_what_happens_unanswered(
        client, demo, rechten, digid_login, django_capture_on_commit_callbacks, mailoutbox):
    termijn = timezone.localdate() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn=ESTRELLA, days=3, **NO_HOME)
        work_task(client, verhuizing, "beoordelen", {"besluit": "aanvulling", "vraag": "Stuur uw huurcontract.",
                                                     "termijn": termijn.isoformat()}, "behandelaar-rotterdam")
    mail = next(m for m in mailoutbox if "meer informatie" in m.subject)
    assert f"uiterlijk op {termijn.strftime('%d-%m-%Y')}" in mail.body and "vóór" not in mail.body
    assert "buiten behandeling te laten" in mail.body and "4:5" in mail.body

    client.logout()
    digid_login(ESTRELLA)
    page = " ".join(client.get(f"/rotterdam/mijn-zaken/{verhuizing.zaak.identificatie}/").content.decode().split())
    assert "Reageer uiterlijk op" in page and "buiten behandeling te laten" in page and "4:5" in page
    assert "vóór de termijn" not in page

    verzoek = Verzoek.objects.get(zaak=verhuizing.zaak)
    with time_machine.travel(timezone.now() + timedelta(days=8)), django_capture_on_commit_callbacks(execute=True):
        sweep()  # the reminder, some days before the term
    verzoek.refresh_from_db()
    reminder = next(m for m in mailoutbox if "Herinnering" in m.subject)
    assert verzoek.herinnerd_op is not None
    assert "uiterlijk op" in reminder.body and "buiten behandeling te laten" in reminder.body
