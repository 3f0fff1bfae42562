"""The seeder's people and manifest: RvIG test persons who can log in, benchmark civil servants, and the
manifest that tells run.py whom to log in as and which cases they have."""

import random
from pathlib import Path

from seed_db import BENCH_PASSWORD, BIG, GEMEENTEN, SMALL, run_sql


def rvig_burgers(count: int) -> list[dict]:
    """RvIG test persons the BRP mock knows (so the mock DigiD login shows their name)."""
    import csv

    from zaken.integrations.errors import IntegrationError
    from zaken.integrations.registry import get_adapter

    from django.conf import settings

    path = next(Path(settings.RVIG_TESTSET_DIR).glob("*Testset*.csv"))
    with path.open(encoding="utf-8-sig") as handle:
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        column = header.index("01.01.20")
        bsns = sorted({row[column].zfill(9) for row in reader if row[column].strip()})
    rng = random.Random(11)
    rng.shuffle(bsns)
    brp, chosen = get_adapter("brp"), []
    for bsn in bsns:
        try:
            persoon = brp.persoon(bsn)
        except IntegrationError:
            continue
        naam = persoon.get("naam", {}).get("volledigeNaam", "")
        if not naam or len(naam) > 150 or persoon.get("overlijden"):
            continue
        gemeente = BIG if len(chosen) % 2 == 0 else SMALL
        chosen.append({"bsn": bsn, "gemeente": gemeente, "count": rng.randint(1, 30)})
        if len(chosen) == count:
            break
    return chosen


def medewerkers_make() -> list[dict]:
    """The demo accounts keep their municipality; three benchmark civil servants are added."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from zaken.management.commands.demo_data import DEMO_PASSWORD
    from zaken.models import Gemeente, Medewerkerschap

    User = get_user_model()
    last = Gemeente.objects.order_by("-id").first().slug
    specs = {"bench-groot": [BIG], "bench-klein": [SMALL], "bench-twee": ["rotterdam", last]}
    behandelaar = Group.objects.get(name="behandelaar")
    result = []
    for username, slugs in specs.items():
        user, created = User.objects.get_or_create(username=username, defaults={
            "first_name": "Benchmark", "last_name": username, "is_staff": True,
            "email": f"{username}@samenloket.example"})
        if created:
            user.set_password(BENCH_PASSWORD)
            user.save()
        user.groups.add(behandelaar)
        for slug in slugs:
            Medewerkerschap.objects.get_or_create(user=user, gemeente=Gemeente.objects.get(slug=slug))
        result.append({"username": username, "password": BENCH_PASSWORD, "gemeenten": slugs})
    for user in User.objects.filter(username__startswith="behandelaar-").order_by("username"):
        result.append({"username": user.username, "password": DEMO_PASSWORD,
                       "gemeenten": sorted(user.lidmaatschappen.values_list("gemeente__slug", flat=True))})
    return result


def manifest(db: str, cases: int, burgers: list[dict], medewerkers: list[dict], seconds: float,
             var_dir: Path) -> dict:
    last = run_sql("SELECT slug FROM zaken_gemeente ORDER BY id DESC LIMIT 1")[0][0]
    people = []
    for burger in burgers:
        zaken = [z for (z,) in run_sql(
            "SELECT z.identificatie FROM zaken_zaak z JOIN zaken_gemeente g ON g.id = z.gemeente_id "
            "WHERE z.initiator_bsn = %s AND g.slug = %s ORDER BY z.registratiedatum DESC",
            [burger["bsn"], burger["gemeente"]])]
        people.append({"bsn": burger["bsn"], "gemeente": burger["gemeente"], "zaken": zaken})
    bedrijven = []
    for kvk, slug in run_sql(
            "SELECT DISTINCT z.initiator_kvk, g.slug FROM zaken_zaak z JOIN zaken_gemeente g ON g.id = z.gemeente_id "
            "WHERE z.initiator_kvk <> '' AND g.slug IN (%s, %s) ORDER BY 1, 2", [BIG, SMALL]):
        zaken = [z for (z,) in run_sql(
            "SELECT z.identificatie FROM zaken_zaak z JOIN zaken_gemeente g ON g.id = z.gemeente_id "
            "WHERE z.initiator_kvk = %s AND g.slug = %s ORDER BY z.registratiedatum DESC LIMIT 50", [kvk, slug])]
        bedrijven.append({"kvk": kvk, "gemeente": slug, "zaken": zaken})
    return {"database": db, "cases": cases, "gemeenten": GEMEENTEN,
            "gemeente": {"big": BIG, "small": SMALL, "last": last},
            "burgers": people, "medewerkers": medewerkers, "bedrijven": bedrijven,
            "seconds": round(seconds, 1), "var_dir": str(var_dir)}
