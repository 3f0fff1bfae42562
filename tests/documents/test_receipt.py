"""The ontvangstbevestiging: a PDF/A-2a letter in the municipality's style, stored once."""

import io
import re
import socket
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from pypdf import PdfReader

from zaken.documents import render
from zaken.documents.receipt import KENMERK, gegevens_items, mask_bsn, receipt_create, receipt_pdf
from zaken.documents.style import PACKAGE_STYLES, contrast_on_white, parse_colour, parse_font_family, print_style
from zaken.models import Document, Gemeente, Product, Rol, Status, StatusType, Zaak, ZaakType

pytestmark = pytest.mark.django_db

BSN = "123456782"
AMS = ZoneInfo("Europe/Amsterdam")
# 1x1 transparent PNG: a logo needs no more to prove it is embedded.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Case documents go to a temporary directory, not var/media."""
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private", "base_url": None}}}


@pytest.fixture
def no_network(monkeypatch):
    """Fail loudly if anything opens a socket while rendering."""
    def refuse(*args, **kwargs):
        raise AssertionError("network access during PDF rendering")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def gemeente():
    return Gemeente.objects.create(
        naam="Voorbeeldstad", slug="voorbeeldstad", gemeentecode="9999", rsin="002220647",
        contact_email="info@voorbeeldstad.example", contact_telefoon="14 099",
        website="https://www.voorbeeldstad.example", bezoekadres="Stadhuisplein 1, 1234 AB Voorbeeldstad",
        postadres="Postbus 1, 1200 AA Voorbeeldstad")


@pytest.fixture
def zaak(gemeente):
    product = Product.objects.create(slug="verhuizing-test", upl_naam="verhuizing")
    zaaktype = ZaakType.objects.create(identificatie="TEST-VERHUIZING-DOC", omschrijving="Verhuizing doorgeven",
                                       product=product, process_slug="verhuizing-doc-test")
    ontvangen = StatusType.objects.create(
        zaaktype=zaaktype, code="ontvangen", volgnummer=1, omschrijving="Ontvangen",
        statustekst="Wij hebben uw melding ontvangen.",
        volgende_stap="Wij controleren uw nieuwe adres. Binnen 5 werkdagen hoort u van ons.")
    zaak = Zaak.objects.create(
        identificatie="ZAAK-2026-0000042", gemeente=gemeente, bronorganisatie=gemeente.rsin, zaaktype=zaaktype,
        registratiedatum=datetime(2026, 11, 22, 10, 15, tzinfo=AMS), startdatum=date(2026, 11, 22),
        einddatum_gepland=date(2026, 11, 27), uiterlijke_einddatum_afdoening=date(2027, 1, 17),
        initiator_bsn=BSN,
        gegevens={
            "verhuisdatum": "2026-12-01",
            "nieuw_adres": {"straat": "Lange Voorhout", "huisnummer": 9, "postcode": "2514 EA"},
            "meeverhuizers": [{"naam": "Kim Jansen", "bsn": "999993653"}],
            "Toelichting": "Ik woon per 1 december op het nieuwe adres.",
            "toestemming_hoofdbewoner": True,
            "_prefill_bron": "brp-mock",
        })
    status = Status.objects.create(zaak=zaak, statustype=ontvangen, datum_status_gezet=zaak.registratiedatum,
                                   gezet_door="systeem")
    Zaak.objects.filter(pk=zaak.pk).update(huidige_status=status)
    Rol.objects.create(zaak=zaak, roltype=Rol.RolType.INITIATOR,
                       betrokkene_type=Rol.BetrokkeneType.NATUURLIJK_PERSOON, naam="Jan Jansen", inp_bsn=BSN)
    zaak.refresh_from_db()
    return zaak


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def xmp(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")


def font_descriptors(content: bytes):
    reader = PdfReader(io.BytesIO(content))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                yield descendant.get_object()["/FontDescriptor"].get_object()


def test_receipt_is_a_stored_pdf_with_the_case_facts(zaak, no_network):
    document = receipt_create(zaak=zaak)

    assert document.soort == Document.Soort.ONTVANGSTBEVESTIGING
    assert document.kenmerk == KENMERK
    assert document.titel == "Ontvangstbevestiging ZAAK-2026-0000042"
    assert document.bestandsnaam == "ontvangstbevestiging-ZAAK-2026-0000042.pdf"
    assert document.formaat == "application/pdf"
    content = document.bestand.read()
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "ZAAK-2026-0000042" in text
    assert "Verhuizing doorgeven" in text
    assert "ontvangst" in text.lower()
    assert "Jan Jansen" in text
    assert "22 november 2026 om 10:15" in text
    assert "27 november 2026" in text and "17 januari 2027" in text
    assert "4:3a" in text
    assert "Wij controleren uw nieuwe adres" in text
    assert "/voorbeeldstad/mijn-zaken/ZAAK-2026-0000042/" in text
    assert "Lange Voorhout" in text and "1 december 2026" in text
    assert "brp-mock" not in text  # keys starting with "_" are internal
    assert "14 099" in text and "info@voorbeeldstad.example" in text
    assert re.search(r"pagina 1 van \d", text)


def test_no_full_bsn_in_the_letter(zaak):
    text = pdf_text(receipt_pdf(zaak=zaak))
    assert BSN not in text and "999993653" not in text
    assert "******782" in text and "******653" in text


def test_metadata_and_pdfa_identification(zaak):
    content = receipt_pdf(zaak=zaak)
    reader = PdfReader(io.BytesIO(content))
    assert reader.metadata.title == "Ontvangstbevestiging ZAAK-2026-0000042"
    assert reader.metadata.author == "Voorbeeldstad"
    metadata = xmp(content)
    assert re.search(r'pdfaid:part(="|>)2', metadata)
    assert re.search(r'pdfaid:conformance(="|>)A', metadata)
    assert "Ontvangstbevestiging ZAAK-2026-0000042" in metadata
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert "/OutputIntents" in root


def test_fonts_are_embedded(zaak):
    descriptors = list(font_descriptors(receipt_pdf(zaak=zaak)))
    assert descriptors
    for descriptor in descriptors:
        assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, descriptor["/FontName"]
    assert any("DejaVu" in str(d["/FontName"]) for d in descriptors)


def test_second_call_returns_the_same_document_without_rendering(zaak, monkeypatch):
    first = receipt_create(zaak=zaak)
    monkeypatch.setattr("zaken.documents.receipt.pdf_render",
                        lambda **kw: pytest.fail("rendered twice"))
    second = receipt_create(zaak=zaak)
    assert second.pk == first.pk
    assert Document.objects.filter(zaak=zaak).count() == 1


def test_logo_is_embedded_from_storage(zaak, tmp_path, monkeypatch, no_network):
    field = Gemeente._meta.get_field("logo")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path / "public"))
    zaak.gemeente.logo.save("logo.png", ContentFile(PNG))
    assert render.logo_data_url(zaak.gemeente).startswith("data:image/png;base64,")
    reader = PdfReader(io.BytesIO(receipt_pdf(zaak=zaak)))
    xobjects = reader.pages[0]["/Resources"]["/XObject"]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())


def test_database_theme_colour_reaches_the_pdf(zaak):
    gemeente = zaak.gemeente
    gemeente.theme_kind = Gemeente.ThemeKind.DATABASE
    gemeente.theme_tokens = {"--utrecht-heading-color": "#0B5394",
                             "--utrecht-document-font-family": "'Fira Sans', sans-serif"}
    gemeente.save()
    style = print_style(gemeente)
    assert style.heading == "#0b5394"
    assert "#0b5394" in style.css()
    # The h1 is drawn in that colour: 0x0b/255, 0x53/255, 0x94/255 as a PDF fill colour.
    content = receipt_pdf(zaak=zaak)
    streams = b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(content)).pages)
    assert re.search(rb"0\.0431\d* 0\.3254\d* 0\.5803\d* (rg|sc|scn)", streams)


@pytest.mark.parametrize("evil", [
    "red;}</style><script>alert(1)</script>",
    "url(http://evil.example/x.png)",
    "#123456; background: url(http://evil.example)",
    "expression(alert(1))",
    "rgb(300, 0, 0)",
    "#fff",  # valid colour, but too light for text: falls back
])
def test_unsafe_or_unreadable_tokens_are_ignored(zaak, evil):
    gemeente = zaak.gemeente
    gemeente.theme_kind = Gemeente.ThemeKind.DATABASE
    gemeente.theme_tokens = {"--utrecht-heading-color": evil, "--utrecht-document-color": evil,
                             "--utrecht-page-header-border-color": evil if evil != "#fff" else "x;",
                             "--utrecht-document-font-family": evil}
    style = print_style(gemeente)
    css = style.css()
    assert style == PACKAGE_STYLES["voorbeeld"]
    for bad in ("evil", "<", "script", "expression", "url("):
        assert bad not in css
    assert receipt_pdf(zaak=zaak).startswith(b"%PDF")


def test_token_parsers():
    assert parse_colour("#ABC") == "#aabbcc"
    assert parse_colour("rgb(11, 83, 148)") == "#0b5394"
    assert parse_colour("rgb(11 83 148 / 1)") == "#0b5394"
    assert parse_colour("rgba(11, 83, 148, 0.5)") is None
    assert parse_colour("hsl(0 0% 0%)") is None
    assert parse_font_family('"DejaVu Serif", serif') == "DejaVu Serif"
    assert parse_font_family("'Noto Serif', serif") == "DejaVu Serif"
    assert parse_font_family("Comic Sans MS") is None
    assert parse_font_family('x"; } body { color: red') is None


def test_builtin_palettes_are_readable():
    for style in PACKAGE_STYLES.values():
        assert contrast_on_white(style.text) >= 4.5
        assert contrast_on_white(style.heading) >= 4.5


def test_package_theme_uses_builtin_palette(gemeente):
    gemeente.theme_package = "denhaag"
    assert print_style(gemeente) == PACKAGE_STYLES["denhaag"]
    gemeente.theme_package = "onbekend"
    assert print_style(gemeente) == PACKAGE_STYLES["voorbeeld"]


def test_url_fetcher_refuses_network_and_files(no_network):
    fetcher = render.LocalOnlyFetcher()
    for url in ("http://example.org/logo.png", "https://example.org/logo.png",
                "file:///etc/passwd", "ftp://example.org/x"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"


def test_bsns_anywhere_in_the_form_data_are_masked():
    items = gegevens_items({
        "opmerking": "Mijn partner heeft BSN 999993653, ons postcodegebied is 2514.",
        "bsns": ["111222333", 111222444],
        "diep": {"a": {"b": {"c": {"d": {"partner_bsn": "111222333"}}}}},
        "telefoon": "0612345678",
    }, known_bsns={"123456782"})
    flat = repr(items)
    for full in ("999993653", "111222333", "111222444"):
        assert full not in flat
    assert "******653" in flat and "0612345678" in flat


def test_company_applicant_gets_a_neutral_salutation(zaak):
    zaak.rollen.update(betrokkene_type=Rol.BetrokkeneType.NIET_NATUURLIJK_PERSOON, naam="Bakkerij De Korst B.V.",
                       inp_bsn="", nnp_kvk_nummer="12345678")
    zaak.initiator_bsn = ""
    text = pdf_text(receipt_pdf(zaak=zaak))
    assert "Beste aanvrager," in text
    assert "Bakkerij De Korst B.V." in text and "12345678" in text
    assert "Burgerservicenummer" not in text


def test_gegevens_are_readable_and_private():
    items = gegevens_items({"_intern": 1, "ja_nee": False, "partner_bsn": "111222333",
                            "adres": {"straat": "Markt", "_hash": "x"}, "leeg": ""})
    assert [i["label"] for i in items] == ["Ja nee", "Partner BSN", "Adres", "Leeg"]
    assert items[0]["value"] == "Nee"
    assert items[1]["value"] == "******333"
    assert items[2]["children"] == [{"label": "Straat", "value": "Markt"}]
    assert mask_bsn(BSN) == "******782"


def test_the_receipt_names_what_was_filed_after_the_zaaktype(zaak):
    """An application by default (Awb 4:3a); a process that files something else says so (a bezwaarschrift, 6:14)."""
    from zaken.registry import ProcessDefinition, Submission, processes

    text = " ".join(pdf_text(receipt_pdf(zaak=zaak)).split())
    assert "Ontvangstbevestiging van uw aanvraag" in text and "artikel 4:3a" in text and "Aanvrager" in text
    slug = zaak.zaaktype.process_slug
    processes.register(slug, ProcessDefinition(
        slug=slug, zaaktype_identificatie="TEST-BEZWAAR-DOC", zaaktype_omschrijving="Bezwaar", public_statuses=(),
        submission=Submission(noun="bezwaarschrift", person="indiener",
                              article="artikel 6:14 van de Algemene wet bestuursrecht")))
    try:
        text = " ".join(pdf_text(receipt_pdf(zaak=zaak)).split())
    finally:
        processes.unregister(slug)
    assert "Ontvangstbevestiging van uw bezwaarschrift" in text and "Uw bezwaarschrift volgen" in text
    assert "bezwaarschrift hebben ontvangen (artikel 6:14 van de Algemene wet bestuursrecht)" in text
    assert "Indiener" in text and "aanvraag" not in text.lower() and "4:3a" not in text
