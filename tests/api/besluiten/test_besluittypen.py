"""Every besluittype a process can record is in the Catalogi API: its besluittype URL (uuid5 of the name, as the
Besluiten API builds it) is a 200 there, and the zaaktype lists it."""

import ast
import importlib
from pathlib import Path

import pytest
from django.test import RequestFactory

from zaken.api.besluiten.scope import besluittype_url
from zaken.api.catalogi.catalogus import besluittype_namen
from zaken.models import GemeenteProduct, ZaakType
from zaken.registry import processes
from zaken.termijn_engine import VAN_RECHTSWEGE

from ..conftest import auth

pytestmark = pytest.mark.django_db
PROCESSES = Path(__file__).resolve().parents[3] / "zaken" / "processes"


def _packages() -> dict[str, Path]:
    """slug -> its package directory (a slug need not be the package's name)."""
    out = {}
    for path in PROCESSES.glob("*/definition.py"):
        module = importlib.import_module(f"zaken.processes.{path.parent.name}.definition")
        out[module.DEFINITION.slug] = path.parent
    return out


def _recorded_names(package: Path) -> set[str]:
    """The besluittype names the process package passes to besluit_nemen/besluit_vastleggen: every
    `besluittype=_(X)` with X a constant of its definition module (or a dict of them); a bare name is a
    parameter passed through. A literal or anything else fails, so a new name must be declared."""
    definition_module = importlib.import_module(f"zaken.processes.{package.name}.definition")
    names: set[str] = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.keyword) and node.arg == "besluittype"):
                continue
            if isinstance(node.value, ast.Name):
                continue
            for part in ast.walk(node.value):
                if not (isinstance(part, ast.Call) and getattr(part.func, "id", "") == "_"):
                    continue
                arg = part.args[0]
                if isinstance(arg, ast.Name):
                    names.add(getattr(definition_module, arg.id))
                elif isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name):
                    names.update(getattr(definition_module, arg.value.id).values())
                else:
                    raise AssertionError(f"{path}:{node.value.lineno}: declare the besluittype in definition.py")
            calls = [p for p in ast.walk(node.value) if isinstance(p, ast.Call)]
            assert calls, f"{path}:{node.value.lineno}: besluittype=_(<a constant of definition.py>)"
    return names


@pytest.mark.parametrize("slug", sorted(_packages()))
def test_every_besluittype_the_process_records_is_declared(slug):
    definition = processes.get(slug)
    assert _recorded_names(_packages()[slug]) <= set(definition.alle_besluittypen())


def test_the_declared_names_of_the_known_decisions():
    assert set(processes.get("parkeervergunning").besluittypen) == {
        "Plaatsing op de wachtlijst", "Parkeervergunning verleend", "Parkeervergunning geweigerd"}
    assert set(processes.get("evenementenvergunning").besluittypen) == {
        "Evenementenvergunning verleend", "Evenementenvergunning geweigerd", "Verbod evenement"}
    assert len(processes.get("bezwaar").besluittypen) == 3


def test_every_besluittype_resolves_in_the_catalogi_api_of_each_municipality(client, demo, applicatie):
    """For every municipality and product: each besluittype name its cases can get is a 200 at the URL the
    Besluiten API gives a besluit of that name, and the zaaktype lists it."""
    request = RequestFactory().get("/")
    covered: set[tuple[str, str]] = set()
    for gemeente in demo.values():
        app = applicatie(gemeente, client_id=f"zac-{gemeente.slug}")
        producten = {gp.product_id: gp for gp in GemeenteProduct.objects.filter(gemeente=gemeente, actief=True)}
        zaaktypen = {z["identificatie"]: z for z in client.get(
            "/api/catalogi/v1/zaaktypen", **auth(app.client_id)).json()["results"]}
        for zaaktype in ZaakType.objects.filter(product_id__in=producten, process_slug__in=list(processes.keys())):
            namen = besluittype_namen(processes.get(zaaktype.process_slug), producten[zaaktype.product_id])
            for naam in namen:
                url = besluittype_url(request, gemeente.gemeentecode, naam)
                response = client.get(url, **auth(app.client_id))
                assert response.status_code == 200, (gemeente.slug, naam)
                assert response.json()["omschrijving"] == naam
                assert url in zaaktypen[zaaktype.identificatie]["besluittypen"], (gemeente.slug, naam)
                covered.add((zaaktype.process_slug, naam))
    for slug in _packages():
        for naam in processes.get(slug).alle_besluittypen():
            assert (slug, naam) in covered, "no demo municipality offers it: test it another way"
    assert ("parkeervergunning", VAN_RECHTSWEGE) in covered
    assert not any(naam == VAN_RECHTSWEGE for slug, naam in covered if slug != "parkeervergunning")


def test_van_rechtswege_only_where_the_municipalitys_terms_allow_it(client, demo, applicatie):
    parkeren = ZaakType.objects.filter(process_slug="parkeervergunning").values("product_id")
    gp = GemeenteProduct.objects.filter(actief=True, product_id__in=parkeren).select_related("gemeente").first()
    app = applicatie(gp.gemeente)
    url = besluittype_url(RequestFactory().get("/"), gp.gemeente.gemeentecode, VAN_RECHTSWEGE)
    assert client.get(url, **auth(app.client_id)).status_code == 200
    gp.termijnen = {**(gp.termijnen or {}), "lex_silencio_positivo": False}
    gp.save()
    assert client.get(url, **auth(app.client_id)).status_code == 404
