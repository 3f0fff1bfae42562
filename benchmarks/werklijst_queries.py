"""Count the queries of the urgent death-registration work list with N open cases (default 500).

    .venv/bin/python benchmarks/werklijst_queries.py [-n 500]

Runs against a throw-away test database: one municipality, one civil servant, N open cases
inserted in bulk; the page is fetched twice through the test client and the second request's
queries are counted (the first warms the session), with the response time.
"""

import argparse
import os
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment  # noqa: E402

from zaken.models import Gemeente, Medewerkerschap, Product, Zaak, ZaakType  # noqa: E402
from zaken.processes.overlijden.models import Overlijden  # noqa: E402
from zaken.sync import zaaktypen_sync  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")
URL = "/behandelen/werklijst/aangifte-overlijden/"


def seed(n: int):
    gemeente = Gemeente.objects.create(naam="Voorbeeldstad", slug="voorbeeldstad-bench", gemeentecode="9998",
                                       rsin="002220647")
    Product.objects.get_or_create(slug="aangifte-overlijden", defaults={"upl_naam": "overlijdensaangifte"})
    zaaktypen_sync()
    zaaktype = ZaakType.objects.get(process_slug="aangifte-overlijden")
    now = datetime.now(AMS)
    zaken = Zaak.objects.bulk_create([Zaak(
        identificatie=f"ZAAK-2026-{i:07d}", gemeente=gemeente, bronorganisatie=gemeente.rsin, zaaktype=zaaktype,
        registratiedatum=now, startdatum=now.date(), uuid=uuid.uuid4()) for i in range(n)])
    Overlijden.objects.bulk_create([Overlijden(
        zaak=zaak, overledene_bsn=f"{i:09d}", overledene={"naam": f"Persoon {i}"}, overleden_op=now,
        plaats_overlijden="Voorbeeldstad", plaats_gemeentecode="9998", doodsoorzaak="natuurlijk", wijze="begraven",
        uitvaart_op=now + timedelta(hours=i % 200 - 20), uitvaart_plaats="Begraafplaats",
        venster_vroegst=now + timedelta(hours=36), venster_uiterlijk=date.today() + timedelta(days=8))
        for i, zaak in enumerate(zaken)])
    user = get_user_model().objects.create_user("bench", password="x", is_staff=True)
    Medewerkerschap.objects.create(user=user, gemeente=gemeente)
    return user


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=500, help="open cases (default 500)")
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        client = Client()
        client.force_login(seed(args.n))
        assert client.get(URL).status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(URL)
            elapsed_ms = (time.perf_counter() - start) * 1000
        assert response.status_code == 200
        rows = response.content.decode().count("<tr") - 1
        werklijst = [q["sql"] for q in ctx.captured_queries if "overlijden_overlijden" in q["sql"]]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()

    print(f"werklijst_queries: open cases={args.n} rows shown={rows}")
    print(f"  queries for the page {len(ctx.captured_queries)} (of which the list itself {len(werklijst)})"
          f"  response {elapsed_ms:.0f} ms")


if __name__ == "__main__":
    main()
