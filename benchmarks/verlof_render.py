"""Time the verlof tot begraven of cremeren: render it N times and print median, p95, min, max and size.

    .venv/bin/python benchmarks/verlof_render.py [-n 20] [--out /tmp/verlof.pdf]

Runs against a throw-away test database with one death case built directly (no registers);
only rendering is timed. The first, cold render is reported separately and left out.
"""

import argparse
import logging
import os
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

from _harness import summary, time_renders  # noqa: E402  (shared figures format)

django.setup()
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from zaken.documents.render import LETTER_TIMEZONE, pdf_render  # noqa: E402
from zaken.models import Gemeente, Product, Rol, Zaak, ZaakType  # noqa: E402
from zaken.processes.overlijden.letters import VERLOF_TEMPLATE, verlof_context, verlof_titel  # noqa: E402
from zaken.processes.overlijden.models import Overlijden  # noqa: E402
from zaken.sync import zaaktypen_sync  # noqa: E402

AMS = ZoneInfo("Europe/Amsterdam")


def sample_case() -> Overlijden:
    gemeente = Gemeente.objects.create(
        naam="Voorbeeldstad", slug="voorbeeldstad-bench", gemeentecode="9998", rsin="002220647",
        contact_email="info@voorbeeldstad.example", bezoekadres="Stadhuisplein 1, 1234 AB Voorbeeldstad")
    Product.objects.get_or_create(slug="aangifte-overlijden", defaults={"upl_naam": "overlijdensaangifte"})
    zaaktypen_sync()
    died = datetime(2026, 11, 20, 20, 0, tzinfo=AMS)
    zaak = Zaak.objects.create(
        identificatie="ZAAK-2026-0000042", gemeente=gemeente, bronorganisatie=gemeente.rsin,
        zaaktype=ZaakType.objects.get(process_slug="aangifte-overlijden"), registratiedatum=died,
        startdatum=died.date(), initiator_kvk="68750110")
    Rol.objects.create(zaak=zaak, roltype="initiator", betrokkene_type="niet_natuurlijk_persoon",
                       naam="Uitvaartcentrum De Maas B.V.", nnp_kvk_nummer="68750110")
    return Overlijden.objects.create(
        zaak=zaak, overledene_bsn="999990378", overleden_op=died, plaats_overlijden="Zwart Janstraat 60, Rotterdam",
        plaats_gemeentecode="9998", doodsoorzaak="natuurlijk", wijze="cremeren",
        overledene={"naam": "Jan de Vries", "geboortedatum_lang": "1 januari 1940"},
        uitvaart_op=datetime(2026, 11, 25, 11, 0, tzinfo=AMS), uitvaart_plaats="Crematorium Hofwijk",
        venster_vroegst=datetime(2026, 11, 22, 8, 0, tzinfo=AMS), venster_uiterlijk=date(2026, 11, 30),
        akte_nummer="AKTE-2026-0000007")


def render(overlijden: Overlijden) -> bytes:
    context = verlof_context(overlijden)
    with translation.override("nl"), timezone.override(LETTER_TIMEZONE):
        return pdf_render(template=VERLOF_TEMPLATE, gemeente=overlijden.zaak.gemeente,
                          title=verlof_titel(overlijden, context),
                          context={"zaak": overlijden.zaak, "datum": date(2026, 11, 22), **context})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="timed renders (default 20)")
    parser.add_argument("--out", help="also write one rendering to this path")
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        overlijden = sample_case()
        cold_ms, timings, content = time_renders(lambda: render(overlijden), args.n)
        if args.out:
            Path(args.out).write_bytes(content)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()

    print(summary("verlof_render" + f" (cold {cold_ms:.0f} ms)", timings))
    print(f"  size {len(content):,} bytes" + (f"  written to {args.out}" if args.out else ""))


if __name__ == "__main__":
    main()
