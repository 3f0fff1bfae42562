"""Steps the permit tests share: file through the e-form and its check page."""

from tests.eform_check import send
from zaken.processes.parkeervergunning.models import Parkeervergunning

SUZANNE = "999993653"  # Rotterdam Feijenoord, own car KSS-27-G
JOHAN = "999999345"  # Rotterdam Noord, lease car LGN-98-D
JOHANS_PARTNER = "999999357"  # same address, own car GRF-52-B
FEMKE = "999995583"  # Rotterdam Centrum, a Sprinter of 693 cm
FREDERIK = "999991036"  # Rotterdam Centrum, a camper of 251 cm high
MARTINUS = "999990378"  # Rotterdam, outside every zone


def form_url(gemeente: str = "rotterdam", step: str = "") -> str:
    return f"/{gemeente}/aanvragen/parkeervergunning/" + (f"{step}/" if step else "")


def tracker_url(vergunning: Parkeervergunning) -> str:
    return f"/{vergunning.zaak.gemeente.slug}/mijn-zaken/{vergunning.zaak.identificatie}/"


def aanvragen(client, capture, data, gemeente: str = "rotterdam"):
    """Form and check page; returns (response of the check POST, the newest Parkeervergunning)."""
    with capture(execute=True):
        response = send(client, form_url(gemeente), data)
    return response, Parkeervergunning.objects.order_by("-pk").first()


def pdf_text(document) -> str:
    import io

    from pypdf import PdfReader

    with document.bestand.open("rb") as fh:
        return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(fh.read())).pages).split())


def make_vergunning(state: str, _transition: str = "") -> Parkeervergunning:
    """A case in `state` in the first Rotterdam zone, written directly (its history does not matter)."""
    from django.utils import timezone

    from tests.machines import zaak_for
    from zaken.processes.parkeervergunning.models import Vergunningzone

    zone = Vergunningzone.objects.filter(gemeente__slug="rotterdam").first()
    return Parkeervergunning.objects.create(
        zaak=zaak_for("parkeervergunning", zone.gemeente), state=state, zone=zone, bsn="999993653",
        naam="Suzanne Moulin", adres="Boterdiep 31, 3077 AW Rotterdam", postcode="3077AW",
        adresseerbaar_object="0599010000208579", kenteken="KSS27G", voertuig="Volkswagen Golf", eigen_voertuig=True,
        gewenste_ingangsdatum=timezone.localdate(), email="test@example.nl")
