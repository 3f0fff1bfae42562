"""Free text without bidi control characters; stored file names fit their column and keep their extension."""

import copy
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.forms import VerzoekAntwoordForm
from tests.factories import ZaakFactory
from tests.verhuizing.helpers import file_move, work_task
from zaken.actors import Actor
from zaken.forms.overlijden.forms import AangeverForm, OverlijdenForm
from zaken.forms.validators import StripBidiMixin, strip_bidi_fields
from zaken.forms.verhuizing.forms import VerhuizingForm
from zaken.models import Document
from zaken.processes.overlijden import views as overlijden_views
from zaken.processes.verhuizing import views as verhuizing_views
from zaken.services import document_store
from zaken.validators import BIDI_CONTROLS, cut_filename, strip_bidi
from zaken.verzoeken import verzoek_stellen

SNEAKY = "Gewoon\u202e tekst\u2066\u2069\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u2067\u2068"


def test_strip_bidi_removes_every_control_and_nothing_else():
    assert len(BIDI_CONTROLS) == 12
    assert strip_bidi(SNEAKY) == "Gewoon tekst"
    assert strip_bidi("Ĳsselmeer – café «x»") == "Ĳsselmeer – café «x»"
    assert strip_bidi(None) is None


@pytest.mark.parametrize("form_class", [AangeverForm, OverlijdenForm, VerhuizingForm, VerzoekAntwoordForm])
def test_every_free_text_field_of_the_eforms_and_the_tracker_strips_bidi(form_class):
    assert issubclass(form_class, StripBidiMixin)
    form = SimpleNamespace(fields=copy.deepcopy(form_class.base_fields))  # the e-forms take context arguments
    strip_bidi_fields(form)
    text_fields = {name: f for name, f in form.fields.items() if isinstance(f, forms.CharField)}
    assert text_fields
    for name, field in text_fields.items():
        assert field.to_python(SNEAKY) == "Gewoon tekst", name


def test_the_tracker_answer_is_stored_without_bidi_controls(client, demo, digid_login):
    zaak = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn="999993653", statussen=["ontvangen"])
    verzoek = verzoek_stellen(zaak=zaak, vraag="Stuur uw contract.", termijn=timezone.localdate() + timedelta(days=5),
                              actor=Actor.system("test"))
    digid_login("999993653")
    client.post(f"/den-haag/mijn-zaken/{zaak.identificatie}/verzoeken/{verzoek.uuid}/", {"antwoord": SNEAKY})
    verzoek.refresh_from_db()
    assert verzoek.antwoord == "Gewoon tekst"


@pytest.fixture
def rechten(demo):
    from django.core.management import call_command

    call_command("backoffice_rechten", verbosity=0)


def test_a_back_office_task_form_strips_bidi(client, demo, rechten, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        verhuizing = file_move(bsn="999993653", postcode="3034CJ", huisnummer=50, days=3)
        work_task(client, verhuizing, "beoordelen", {"besluit": "afwijzen", "toelichting": SNEAKY},
                  "behandelaar-rotterdam")
    verhuizing.refresh_from_db()
    assert verhuizing.afwijzingsreden == "Gewoon tekst"


def test_every_task_form_is_built_by_the_stripping_task_view():
    from zaken.processes.shared import CaseTaskView

    for module in (overlijden_views, verhuizing_views):
        views = [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, CaseTaskView)
                 and v is not CaseTaskView]
        assert views and all("get_form" not in vars(v) for v in views)


def test_cut_filename_keeps_the_extension():
    assert cut_filename("a" * 300 + ".pdf", 200) == "a" * 196 + ".pdf"
    assert cut_filename("kort.pdf", 200) == "kort.pdf"
    assert cut_filename("rapport\u202efdp.exe", 200) == "rapportfdp.exe"
    assert cut_filename("C:\\Users\\x\\scan.png", 200) == "scan.png"
    assert len(cut_filename("x" * 300, 200)) == 200


@pytest.mark.django_db
def test_a_stored_upload_name_fits_its_column_and_keeps_the_extension(demo):
    zaak = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn="999993653")
    max_length = Document._meta.get_field("bestandsnaam").max_length
    doc = document_store(zaak=zaak, soort="bijlage", titel="Bijlage", content=b"%PDF-1.7 x",
                         bestandsnaam="heel-lange-naam-" * 30 + ".pdf", formaat="application/pdf")
    doc.refresh_from_db()
    assert len(doc.bestandsnaam) == max_length and doc.bestandsnaam.endswith(".pdf")
    assert doc.bestand.read() == b"%PDF-1.7 x"


def test_a_tracker_upload_with_a_long_name_is_stored_cut(client, demo, digid_login):
    zaak = ZaakFactory(gemeente=demo["den-haag"], initiator_bsn="999993653", statussen=["ontvangen"])
    verzoek = verzoek_stellen(zaak=zaak, vraag="Stuur uw contract.", termijn=timezone.localdate() + timedelta(days=5),
                              actor=Actor.system("test"))
    digid_login("999993653")
    upload = SimpleUploadedFile("contract-" * 40 + ".pdf", b"%PDF-1.7 contract", content_type="application/pdf")
    client.post(f"/den-haag/mijn-zaken/{zaak.identificatie}/verzoeken/{verzoek.uuid}/",
                {"antwoord": "Zie bijlage", "bijlagen": [upload]})
    doc = zaak.documenten.get(verzoek=verzoek)
    assert len(doc.bestandsnaam) <= 200 and doc.bestandsnaam.endswith(".pdf")
