"""The renewal's letters as PDF: payment confirmation, pickup letter with its QR code, lapse notice."""

import base64
import io
import re

import pytest
from pypdf import PdfReader

from zaken.models import Document
from zaken.processes.rijbewijs.afhaalcode import afhaalcode, lees_code
from zaken.processes.rijbewijs.letters import brief_context, rijbewijs_brief

from .support import SUZANNE, fresh, klaar, nl, sweep_at

pytestmark = pytest.mark.django_db


@pytest.fixture
def vervallen(client, digid_login, rijbewijs_form, django_capture_on_commit_callbacks):
    """Paid on 22 January 2026, ready on the 26th, last pickup day 28 April, lapsed the day after."""
    digid_login(SUZANNE, level="substantieel")
    rijbewijs = klaar(client, django_capture_on_commit_callbacks, rijbewijs_form(), betaald_op=nl(2026, 1, 22, 10))
    sweep_at(nl(2026, 4, 29, 0, 5), django_capture_on_commit_callbacks)
    return fresh(rijbewijs)


def tekst(rijbewijs, kenmerk) -> str:
    document = Document.objects.get(zaak=rijbewijs.zaak, kenmerk=kenmerk)
    assert document.formaat == "application/pdf" and document.zichtbaar_voor_aanvrager
    with document.bestand.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_payment_confirmation(vervallen):
    text = tekst(vervallen, "rijbewijs-betaalbewijs")
    betaling = vervallen.zaak.betalingen.get(status="paid")
    assert "Betaalbewijs" in text and "€ 51,10" in text
    assert f"Leges rijbewijs {vervallen.zaak.identificatie}" in text
    assert "22 januari 2026, 10:00" in text and str(betaling.uuid) in text.replace(" ", "")
    assert "26 januari 2026" in text  # expected ready
    assert "Suzanne" in text


def test_pickup_letter(vervallen):
    text = tekst(vervallen, "rijbewijs-afhalen")
    assert "Uw nieuwe rijbewijs ligt klaar" in text
    assert "tot en met 28 april 2026" in text
    assert "Stadswinkel Centrum" in text and "Coolsingel 40, 3011 AD Rotterdam" in text
    assert "za 10.00–13.00" in text  # the opening hours
    code = afhaalcode(vervallen.zaak.identificatie)
    assert code in text.replace(" ", "")
    assert lees_code(code) == (vervallen.zaak.identificatie, True)


def test_pickup_letter_carries_the_qr_code_image(vervallen):
    context = brief_context(vervallen, "afhalen")
    prefix = "data:image/svg+xml;base64,"
    assert context["qr"].startswith(prefix)
    svg = base64.b64decode(context["qr"][len(prefix):]).decode()
    assert svg.startswith("<svg") and "<path" in svg
    assert context["afhaalcode"] == afhaalcode(vervallen.zaak.identificatie)
    # The code holds no personal data: only the case number and its check.
    assert SUZANNE not in context["afhaalcode"] and "Suzanne" not in context["afhaalcode"]
    from django.template.loader import render_to_string

    html = render_to_string("rijbewijs/pdf/afhalen.html", {"zaak": vervallen.zaak, **context})
    assert f'<img src="{context["qr"]}"' in html and f"QR-code met afhaalcode {context['afhaalcode']}" in html


def test_lapse_notice(vervallen):
    text = tekst(vervallen, "rijbewijs-vervallen")
    assert "Uw nieuwe rijbewijs is vervallen" in text
    assert "Stadswinkel Centrum" in text and "28 april 2026" in text
    assert "Vraag het dan opnieuw aan" in text


def test_a_letter_is_stored_once(vervallen):
    first = Document.objects.get(zaak=vervallen.zaak, kenmerk="rijbewijs-afhalen")
    again = rijbewijs_brief(rijbewijs=vervallen, soort="afhalen")  # a retried task
    assert again.pk == first.pk
    assert Document.objects.filter(zaak=vervallen.zaak, kenmerk="rijbewijs-afhalen").count() == 1


def test_a_refusal_at_the_counter_is_a_besluit_letter_with_the_bezwaar_clause(client, digid_login, rijbewijs_form,
                                                                              django_capture_on_commit_callbacks):
    """The tracker's status "Afgewezen" says a letter tells why and how to object: there is one."""
    from django.core.management import call_command

    from zaken.termijn_engine import bezwaartermijn_voor

    from .support import balie_url, handover, medewerker

    digid_login(SUZANNE, level="substantieel")
    rijbewijs = klaar(client, django_capture_on_commit_callbacks, rijbewijs_form())
    call_command("backoffice_rechten", verbosity=0)
    client.force_login(medewerker())
    reden = "De persoon aan de balie leek niet op de foto in het paspoort."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(balie_url(), handover(rijbewijs, uitkomst="geweigerd", identiteit_vastgesteld="nee", reden=reden))
    document = Document.objects.get(zaak=rijbewijs.zaak, kenmerk="rijbewijs-geweigerd")
    assert document.soort == Document.Soort.BESLUIT
    text = tekst(rijbewijs, "rijbewijs-geweigerd")
    uiterlijk = bezwaartermijn_voor(rijbewijs.zaak.besluiten.get(), weken=6)
    assert reden in text and "Bent u het niet eens met dit besluit?" in text
    from django.utils import formats, translation

    with translation.override("nl"):
        assert f"uiterlijk op {formats.date_format(uiterlijk, 'j F Y')} binnen" in text
    assert "Stadswinkel Centrum" in text
