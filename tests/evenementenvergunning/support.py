"""Steps the event tests share: the answers of every step, walking the form, paying, reading PDFs."""

from datetime import timedelta

from django.utils import timezone

from tests.eform_check import confirm
from zaken.processes.evenementenvergunning.models import Evenement

SUZANNE = "999993653"  # Rotterdam
JOHAN = "999999345"  # Rotterdam, another citizen
KVK = "69599084"  # a company in the KvK mock
ANDERE_KVK = "68750110"
STAPPEN = ("", "locatie", "bezoekers", "geluid", "bouwwerken", "verkeer", "veiligheid")


def form_url(gemeente: str = "rotterdam", step: str = "") -> str:
    return f"/{gemeente}/aanvragen/evenementenvergunning/" + (f"{step}/" if step else "")


def tracker_url(evenement: Evenement) -> str:
    return f"/{evenement.zaak.gemeente.slug}/mijn-zaken/{evenement.zaak.identificatie}/"


def pdf(name: str = "plan.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"%PDF-1.7 test", content_type="application/pdf")


def antwoorden(dagen: int = 90, **overrides) -> dict:
    """Per step (URL part) its POST data: by default a class B festival (3000 visitors, alcohol), 90 days ahead."""
    begin = timezone.localdate() + timedelta(days=dagen)
    data = {
        "": {"naam": "Zomerfestival", "soort": "muziek", "programma": "Bands van 14 tot 23 uur.",
             "begin": begin.isoformat(), "einde": begin.isoformat(), "begintijd": "14:00", "eindtijd": "23:00",
             "alcohol": "on"},
        "locatie": {"locatie_soort": "plein", "locatie": "Binnenrotte"},
        "bezoekers": {"bezoekers": "3000", "leeftijd": "gemengd"},
        "geluid": {"geluid": "on", "geluid_van": "14:00", "geluid_tot": "23:00", "geluid_db": "85"},
        "bouwwerken": {"bouwwerken": "Podium", "bouwwerk_m2": "40"},
        "verkeer": {},
        "veiligheid": {"ehbo": "EHBO-post", "beveiliging": "4 beveiligers", "email": "test@example.nl",
                       "telefoon": "", "veiligheidsplan": pdf(), "situatietekening": pdf("situatie.pdf")},
    }
    for key, value in overrides.items():
        step, field = key.split("__")
        step = "" if step == "evenement" else step
        if value is None:
            data[step].pop(field, None)
        else:
            data[step][field] = value
    return data


def klein(**overrides) -> dict:
    """A street party that needs only a melding: 80 visitors on a square, no sound, nothing built."""
    base = {"evenement__alcohol": None, "bezoekers__bezoekers": "80", "geluid__geluid": None,
            "geluid__geluid_van": None, "geluid__geluid_tot": None, "geluid__geluid_db": None,
            "bouwwerken__bouwwerken": None, "bouwwerken__bouwwerk_m2": None, "veiligheid__veiligheidsplan": None}
    return antwoorden(**{**base, **overrides})


def invullen(client, data: dict, gemeente: str = "rotterdam"):
    for step in STAPPEN:
        response = client.post(form_url(gemeente, step), data[step])
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    return response


def indienen(client, capture, data: dict, gemeente: str = "rotterdam"):
    """Every step and the check page; returns (response of the check POST, the newest Evenement)."""
    with capture(execute=True):
        invullen(client, data, gemeente)
        response = confirm(client, form_url(gemeente, "controleren"))
    return response, Evenement.objects.order_by("-pk").first()


def betalen(client, capture, checkout_url: str):
    with capture(execute=True):
        response = client.post(checkout_url, {"keuze": "betalen"})
        assert response.status_code == 302
        return client.get(response["Location"])


def pdf_text(document) -> str:
    import io

    from pypdf import PdfReader

    with document.bestand.open("rb") as fh:
        return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(fh.read())).pages).split())


def advies_geven(client, capture, evenement, adviseur: str, uitkomst: str = "positief",
                 advies: str = "Geen bezwaar.", username: str = "behandelaar-rotterdam"):
    """The civil servant records one adviser's advice in its task (claim, then execute)."""
    from tests.backoffice_tasks import work_task
    from zaken.processes.evenementenvergunning.flows import EvenementenvergunningFlow

    with capture(execute=True):
        return work_task(EvenementenvergunningFlow, client, evenement, f"advies_{adviseur}",
                         {"uitkomst": uitkomst, "advies": advies}, username)
