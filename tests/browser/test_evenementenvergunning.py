"""Evenementenvergunning in a browser: a company logs in with eHerkenning, walks the steps (with their
errors), pays on the payment mock, and a civil servant grants the permit; axe-core on every page of the
process in every demo theme."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from zaken.processes.evenementenvergunning.models import Evenement

from .conftest import assert_accessible, screenshot
from .helpers import backoffice_login, digid_login, eherkenning_login

pytestmark = pytest.mark.django_db(transaction=True)

THEMES = ["den-haag", "rotterdam", "hellevoetsluis"]
KVK = "69599084"


def form_path(gemeente: str, step: str = "") -> str:
    return f"/{gemeente}/aanvragen/evenementenvergunning/" + (f"{step}/" if step else "")


def volgende(page, url_part: str):
    page.get_by_role("button", name="Volgende stap").click()
    page.wait_for_url(f"**{url_part}")


def stappen(page, gemeente: str, tmp_path, bezoekers: str = "400", geluid: bool = True):
    begin = (timezone.localdate() + timedelta(days=90)).isoformat()
    page.goto(form_path(gemeente))
    assert_accessible(page, f"evenement stap 1 ({gemeente})")
    page.get_by_role("button", name="Volgende stap").click()
    expect(page.get_by_text("Vul de naam van het evenement in.").first).to_be_visible()
    assert_accessible(page, f"evenement stap 1 met fouten ({gemeente})")
    page.get_by_label("Naam van het evenement").fill("Zomerfestival")
    page.get_by_label("Soort evenement").select_option(label="Muziekevenement of festival")
    page.get_by_label("Programma").fill("Bands van 14 tot 22 uur.")
    page.get_by_label("Eerste dag").fill(begin)
    page.get_by_label("Laatste dag").fill(begin)
    page.get_by_label("Begintijd").fill("14:00")
    page.get_by_label("Eindtijd").fill("22:00")
    volgende(page, "/locatie/")
    page.get_by_label("Op een plein of in een park").check()
    page.get_by_label("Adres of omschrijving van de plek").fill("Het marktplein")
    volgende(page, "/bezoekers/")
    page.get_by_label("Hoeveel bezoekers zijn er op het drukste moment tegelijk?").fill(bezoekers)
    page.get_by_label("Leeftijd van de meeste bezoekers").select_option(label="Gemengd, alle leeftijden")
    volgende(page, "/geluid/")
    if geluid:
        _geluid(page, gemeente)
    volgende(page, "/bouwwerken/")
    assert_accessible(page, f"evenement bouwwerken ({gemeente})")
    volgende(page, "/verkeer/")
    assert_accessible(page, f"evenement verkeer ({gemeente})")
    volgende(page, "/veiligheid/")
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(b"%PDF-1.7 test")
    page.get_by_label("Eerste hulp").fill("Twee EHBO'ers")
    page.get_by_label("E-mailadres").fill("organisator@example.nl")
    if geluid:
        page.get_by_label("Veiligheidsplan").set_input_files(str(plan))
    page.get_by_label("Situatietekening").set_input_files(str(plan))
    assert_accessible(page, f"evenement veiligheid ({gemeente})")
    volgende(page, "/controleren/")


def _geluid(page, gemeente):
    page.get_by_label("Er is versterkte muziek of ander versterkt geluid").check()
    page.get_by_role("button", name="Volgende stap").click()
    expect(page.get_by_text("Vul het hoogste geluidsniveau in dB(A) in.").first).to_be_visible()
    assert_accessible(page, f"evenement geluid met fouten ({gemeente})")
    page.get_by_label("Geluid vanaf").fill("14:00")
    page.get_by_label("Geluid tot").fill("22:00")
    page.get_by_label("Hoogste geluidsniveau in dB(A)").fill("80")


@pytest.mark.parametrize("gemeente", THEMES)
def test_company_applies_pays_and_the_civil_servant_grants(page, demo, gemeente, tmp_path):
    call_command("backoffice_rechten", verbosity=0)
    eherkenning_login(page, gemeente, KVK, level="EH3")
    page.goto(form_path(gemeente))
    expect(page.get_by_text(KVK).first).to_be_visible()
    stappen(page, gemeente, tmp_path)
    expect(page.get_by_text("U vraagt een vergunning aan")).to_be_visible()
    expect(page.get_by_text("€ 193,70").first).to_be_visible()
    assert_accessible(page, f"evenement controleren ({gemeente})")
    screenshot(page, f"evenement-controleren-{gemeente}")
    page.get_by_role("button", name="Versturen en betalen").click()
    page.wait_for_url("**/betalen/mock/**")
    page.get_by_role("button", name="Betalen", exact=True).click()
    page.wait_for_url("**/mijn-zaken/**")
    expect(page.get_by_role("heading", name="Uw evenement")).to_be_visible()
    assert_accessible(page, f"evenement tracker ({gemeente})")
    evenement = Evenement.objects.select_related("zaak").get()
    assert (evenement.state, evenement.risicoklasse) == ("in_behandeling", "A")

    backoffice_login(page, f"behandelaar-{gemeente}")
    page.goto("/behandelen/taken/queue/")
    page.wait_for_selector("table tbody tr")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=evenement.zaak.identificatie, exact=True))
    row.get_by_role("link", name=re.compile(r"^#[0-9]+.[0-9]+$")).click()
    page.wait_for_url("**/assign/")
    page.get_by_role("button", name="Oppakken en doorgaan").click()
    page.wait_for_url("**/execute/")
    page.wait_for_load_state("networkidle")
    assert_accessible(page, f"evenement beoordelen ({gemeente})")
    page.get_by_label("Verlenen").check()
    page.get_by_label("Voorschriften").fill("Geluid niet boven 80 dB(A).")
    page.get_by_label("Motivering").fill("Het evenement past op het plein.")
    page.get_by_role("button", name="Uitvoeren", exact=True).click()
    page.wait_for_url(lambda url: "/execute/" not in url)
    evenement.refresh_from_db()
    assert evenement.state == "verleend" and evenement.zaak.besluiten.get().document_id


# Registered in each theme's municipality: Kevin Charbon, Suzanne Moulin, Erebos Bultenaar.
BURGER = {"den-haag": "999996538", "rotterdam": "999993653", "hellevoetsluis": "999990019"}


@pytest.mark.parametrize("gemeente", THEMES)
def test_a_person_reports_a_small_event(page, demo, gemeente, tmp_path):
    digid_login(page, gemeente, BURGER[gemeente], next_path=form_path(gemeente))
    page.wait_for_url(f"**{form_path(gemeente)}")
    expect(page.get_by_text("Basisregistratie Personen").first).to_be_visible()
    stappen(page, gemeente, tmp_path, bezoekers="80", geluid=False)
    expect(page.get_by_text("Een melding is genoeg")).to_be_visible()
    assert_accessible(page, f"melding controleren ({gemeente})")
    page.get_by_role("button", name="Melding versturen").click()
    page.wait_for_url("**/verzonden/")
    assert_accessible(page, f"melding verzonden ({gemeente})")
    page.get_by_role("link", name="Bekijk uw zaak op Mijn zaken").click()
    page.wait_for_url("**/mijn-zaken/**")
    expect(page.get_by_text("Verbieden kan tot en met")).to_be_visible()
    assert_accessible(page, f"melding tracker ({gemeente})")
    assert Evenement.objects.get().state == "melding_ontvangen"
