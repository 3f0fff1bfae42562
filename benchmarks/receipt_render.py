"""Time the ontvangstbevestiging: render it N times and print median, p95, min, max and size.

    .venv/bin/python benchmarks/receipt_render.py [-n 20] [--out /tmp/receipt.pdf] [--theme denhaag]

Runs against a throw-away in-memory test database (the real rows and queries, not mocks);
only rendering is timed, storing is not. The first, cold render (fontconfig, CSS parsing) is
reported separately and left out of the statistics.
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
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # one line per render step otherwise

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

from zaken.documents.receipt import receipt_pdf  # noqa: E402
from zaken.models import Gemeente, Product, Rol, Status, StatusType, Zaak, ZaakType  # noqa: E402


def sample_zaak(theme: str) -> Zaak:
    database_theme = theme == "database"
    gemeente = Gemeente.objects.create(
        naam="Voorbeeldstad", slug="voorbeeldstad-bench", gemeentecode="9998", rsin="002220647",
        contact_email="info@voorbeeldstad.example", contact_telefoon="14 099",
        website="https://www.voorbeeldstad.example", bezoekadres="Stadhuisplein 1, 1234 AB Voorbeeldstad",
        postadres="Postbus 1, 1200 AA Voorbeeldstad",
        theme_kind="database" if database_theme else "package",
        theme_package="" if database_theme else theme,
        theme_tokens={"--utrecht-heading-color": "#0b5394", "--utrecht-page-header-border-color": "#e17000"}
        if database_theme else {})
    product = Product.objects.create(slug="verhuizing-bench", upl_naam="verhuizing")
    zaaktype = ZaakType.objects.create(identificatie="BENCH-VERHUIZING", omschrijving="Verhuizing doorgeven",
                                       product=product, process_slug="verhuizing-bench")
    statustype = StatusType.objects.create(
        zaaktype=zaaktype, code="ontvangen", volgnummer=1, omschrijving="Ontvangen", statustekst="Ontvangen.",
        volgende_stap="Wij controleren uw nieuwe adres in de Basisregistratie Personen. "
                      "Binnen 5 werkdagen hoort u of de verhuizing is verwerkt.")
    registered = datetime(2026, 11, 22, 10, 15, tzinfo=ZoneInfo("Europe/Amsterdam"))
    zaak = Zaak.objects.create(
        identificatie="ZAAK-2026-0000042", gemeente=gemeente, bronorganisatie=gemeente.rsin, zaaktype=zaaktype,
        registratiedatum=registered, startdatum=registered.date(), einddatum_gepland=date(2026, 11, 27),
        uiterlijke_einddatum_afdoening=date(2027, 1, 17), initiator_bsn="123456782",
        gegevens={
            "verhuisdatum": "2026-12-01",
            "nieuw_adres": {"straat": "Lange Voorhout", "huisnummer": 9, "postcode": "2514 EA",
                            "woonplaats": "Voorbeeldstad"},
            "meeverhuizers": [{"naam": "Kim Jansen", "bsn": "999993653", "relatie": "partner"}],
            "toestemming_hoofdbewoner": True,
            "Toelichting": "Ik woon per 1 december op het nieuwe adres. Post graag naar het nieuwe adres.",
            "_prefill_bron": "brp-mock",
        })
    status = Status.objects.create(zaak=zaak, statustype=statustype, datum_status_gezet=registered,
                                   gezet_door="systeem")
    Zaak.objects.filter(pk=zaak.pk).update(huidige_status=status)
    Rol.objects.create(zaak=zaak, roltype="initiator", betrokkene_type="natuurlijk_persoon",
                       naam="Jan Jansen", inp_bsn="123456782")
    return Zaak.objects.select_related("gemeente", "zaaktype").get(pk=zaak.pk)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="timed renders (default 20)")
    parser.add_argument("--out", help="also write one rendering to this path")
    parser.add_argument("--theme", default="voorbeeld", choices=["voorbeeld", "denhaag", "database"])
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)  # no fixtures to restore
    try:
        zaak = sample_zaak(args.theme)
        cold_ms, timings, content = time_renders(lambda: receipt_pdf(zaak=zaak), args.n)
        if args.out:
            Path(args.out).write_bytes(content)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()

    print(summary("receipt_render" + f" theme={args.theme} (cold {cold_ms:.0f} ms)", timings))
    print(f"  size {len(content):,} bytes" + (f"  written to {args.out}" if args.out else ""))


if __name__ == "__main__":
    main()
