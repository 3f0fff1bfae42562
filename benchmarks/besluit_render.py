"""Time the generic besluit PDF (zaken.documents.besluit): render it N times, print median, p95, min, max, size.

    .venv/bin/python benchmarks/besluit_render.py [-n 20] [--out /tmp/besluit.pdf] [--gemeente den-haag]

Runs against a throw-away test database with the demo municipalities; only rendering is timed (the letter
of one recorded besluit with its rechtsmiddelenclausule), storing is not. The cold render is reported apart.
"""

import argparse
import logging
from datetime import date
from pathlib import Path

from _harness import demo_database, summary, time_renders

from django.utils import timezone, translation

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="timed renders (default 20)")
    parser.add_argument("--out", help="also write one rendering to this path")
    parser.add_argument("--gemeente", default="rotterdam", choices=["den-haag", "rotterdam", "hellevoetsluis"])
    args = parser.parse_args()

    from tests.factories import ZaakFactory
    from zaken.actors import Actor
    from zaken.documents.besluit import TEMPLATE, besluit_context
    from zaken.documents.render import LETTER_TIMEZONE, pdf_render
    from zaken.models import Gemeente
    from zaken.termijn_engine import besluit_vastleggen, termijn_ontvangen

    with demo_database():
        zaak = ZaakFactory(gemeente=Gemeente.objects.get(slug=args.gemeente))
        termijn_ontvangen(zaak=zaak, actor=Actor.system("bench"))
        besluit = besluit_vastleggen(
            zaak=zaak, besluittype="Parkeervergunning verleend", datum=timezone.localdate(),
            verzenddatum=timezone.localdate(), ingangsdatum=date(2027, 1, 1), vervaldatum=date(2027, 12, 31),
            toelichting="U woont in de zone, de auto staat op uw naam en er is plaats binnen het quotum.",
            grondslag="artikel 2 van de Parkeerverordening", actor=Actor.system("bench"))
        context = {"zaak": zaak, "datum": timezone.localdate(), **besluit_context(besluit)}

        def render() -> bytes:
            with translation.override("nl"), timezone.override(LETTER_TIMEZONE):
                return pdf_render(template=TEMPLATE, context=context, gemeente=zaak.gemeente, title="Besluit",
                                  lang="nl")

        cold_ms, timings, content = time_renders(render, args.n)
    if args.out:
        Path(args.out).write_bytes(content)
    print(summary(f"besluit_render gemeente={args.gemeente} (cold {cold_ms:.0f} ms)", timings))
    print(f"  size {len(content):,} bytes" + (f"  written to {args.out}" if args.out else ""))


if __name__ == "__main__":
    main()
