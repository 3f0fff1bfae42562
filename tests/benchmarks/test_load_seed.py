"""The load benchmark's seeder (benchmarks/load/seed.py) at a small N: its clones are valid cases that every
back-office and tracker page renders. PostgreSQL only: the seeder is set-based PostgreSQL SQL."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from tests.conftest import login_session
from zaken.identity import AuthContext
from zaken.models import Gemeente, Zaak, ZaakNummerReeks
from zaken.validators import is_valid_bsn

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(connection.vendor != "postgresql", reason="the seeder is PostgreSQL SQL")]

CASES = 300
NUMBER = re.compile(rb"ZAAK-\d{4}-\d{7}")


def seed_module():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "load" / "seed.py"
    spec = importlib.util.spec_from_file_location("load_seed", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def seeded():
    call_command("backoffice_rechten", verbosity=0)
    call_command("demo_data", zonder_zaken=True, verbosity=0)
    module = seed_module()
    last_template = None

    def templates_make():
        nonlocal last_template
        original()
        last_template = Zaak.objects.order_by("-pk").values_list("pk", flat=True).first()

    original, module.templates_make = module.templates_make, templates_make
    before = schema()
    # Many open cases at this N, so that every work list has clones.
    burgers, medewerkers = module.seed(CASES, chunk=120, burgers=4, open_share=0.4, assigned_share=0.5)
    manifest = module.manifest("test", CASES, burgers, medewerkers, 1.0, Path("."))
    # The bulk load takes constraints and indexes off; every one is back, and the seeder's tables are gone.
    assert schema() == before
    return manifest, last_template


def schema() -> tuple[set, set, set]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                       "WHERE connamespace = 'public'::regnamespace")
        constraints = set(cursor.fetchall())
        # An index restored from its definition may deparse differently (`IN (...)` of a partial index):
        # compare what it is (table, name, columns, unique, partial), not its text.
        cursor.execute("SELECT i.indrelid::regclass::text, c.relname, i.indkey::text, i.indisunique, "
                       "i.indpred IS NOT NULL FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                       "WHERE c.relnamespace = 'public'::regnamespace")
        indexes = set(cursor.fetchall())
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = {row[0] for row in cursor.fetchall()}
    return constraints, indexes, tables


def clones_on(content: bytes, last_template: int) -> set[str]:
    numbers = {n.decode() for n in NUMBER.findall(content)}
    return set(Zaak.objects.filter(pk__gt=last_template, identificatie__in=numbers)
               .values_list("identificatie", flat=True))


def test_the_seed_makes_valid_cases_that_every_page_shows(client, seeded):
    manifest, last_template = seeded
    assert Gemeente.objects.count() == manifest["gemeenten"] == 342
    clones = Zaak.objects.filter(pk__gt=last_template)
    assert clones.count() == CASES
    assert not clones.filter(huidige_status__isnull=True).exists()
    for zaak in clones.select_related("gemeente")[:100]:
        assert re.fullmatch(r"ZAAK-\d{4}-\d{7}", zaak.identificatie) and zaak.bronorganisatie == zaak.gemeente.rsin
        assert not zaak.initiator_bsn or is_valid_bsn(zaak.initiator_bsn)
        assert zaak.registratiedatum <= zaak.statussen.order_by("datum_status_gezet").first().datum_status_gezet
    # The next real case of a municipality gets a number after the seeded ones.
    for reeks in ZaakNummerReeks.objects.filter(gemeente__slug=manifest["gemeente"]["big"], reeks="ZAAK"):
        numbers = Zaak.objects.filter(gemeente=reeks.gemeente, identificatie__startswith=f"ZAAK-{reeks.jaar}-")
        assert reeks.laatste >= max(int(i[-7:]) for i in numbers.values_list("identificatie", flat=True))

    medewerker = next(m for m in manifest["medewerkers"] if m["gemeenten"] == [manifest["gemeente"]["big"]])
    client.force_login(get_user_model().objects.get(username=medewerker["username"]))
    from zaken.processes.rijbewijs.models import Afhaallocatie

    big = Gemeente.objects.get(slug=manifest["gemeente"]["big"])
    zaak = clones.filter(gemeente=big).order_by("-registratiedatum").first()
    open_zaak = clones.filter(gemeente=big, einddatum__isnull=True).first()
    locaties = Afhaallocatie.objects.filter(gemeente=big).values_list("pk", flat=True)
    pages = ["/behandelen/zaken/", "/behandelen/taken/queue/",
             "/behandelen/werklijst/aangifte-overlijden/", "/behandelen/termijnen/",
             *[f"/behandelen/werklijst/rijbewijs/?locatie={pk}" for pk in locaties]]
    for url in [f"/behandelen/zaken/{zaak.pk}/", f"/behandelen/zaken/{open_zaak.pk}/"]:
        assert client.get(url).status_code == 200, url
    seen = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        seen[url] = clones_on(response.content, last_template)
    assert zaak.identificatie in seen["/behandelen/zaken/"]
    for url in pages[1:4]:
        assert seen[url], f"no seeded case on {url}"
    assert set().union(*(seen[url] for url in pages[4:])), "no seeded case at a rijbewijs counter"

    # The inbox of a civil servant to whom the seed assigned a task.
    from viewflow.workflow.models import Task

    task = Task.objects.filter(status="ASSIGNED", process__seed_object_id__gt=last_template).first()
    client.force_login(task.owner)
    response = client.get("/behandelen/taken/inbox/")
    assert response.status_code == 200 and clones_on(response.content, last_template)

    burger = manifest["burgers"][0]
    assert len(manifest["burgers"]) == 4 and all(1 <= len(b["zaken"]) <= 30 for b in manifest["burgers"])
    client.logout()
    login_session(client, AuthContext.now(means="digid", level="substantieel", bsn=burger["bsn"], display_name="Test"))
    response = client.get(f"/{burger['gemeente']}/mijn-zaken/")
    assert response.status_code == 200 and burger["zaken"][0].encode() in response.content
    for identificatie in burger["zaken"][:5]:
        assert client.get(f"/{burger['gemeente']}/mijn-zaken/{identificatie}/").status_code == 200, identificatie
