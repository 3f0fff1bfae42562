"""A demo API client per demo municipality with the read scopes of every ZGW component.

Idempotent: a second run keeps the client and its secret and prints them again. Prints the secret, which
the admin never shows: for the demo only, so it refuses to run unless ZGW_DEMO_APPLICATIES is set (the dev,
test and staging settings; never production).
"""

import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from zaken.api.models import Applicatie, Autorisatie
from zaken.models import Gemeente

# Component: its read scopes. Up to the highest vertrouwelijkheid: demo cases only.
READ_SCOPES = {
    "zrc": ["zaken.lezen", "audittrails.lezen"],
    "ztc": ["catalogi.lezen"],
    "brc": ["besluiten.lezen"],
    "drc": ["documenten.lezen"],
    "nrc": ["notificaties.consumeren"],
}
DEMO_GEMEENTEN = ("den-haag", "rotterdam", "hellevoetsluis")


def client_id_voor(gemeente: Gemeente) -> str:
    return f"demo-{gemeente.slug}"


@transaction.atomic
def demo_applicatie(gemeente: Gemeente) -> Applicatie:
    app, created = Applicatie.objects.get_or_create(
        client_id=client_id_voor(gemeente),
        defaults={"gemeente": gemeente, "label": f"Demo-ZAC {gemeente.naam}", "secret": secrets.token_urlsafe(32)})
    if not created and app.gemeente_id != gemeente.pk:
        raise CommandError(f"client_id {app.client_id} hoort bij een andere gemeente.")
    for component, scopes in READ_SCOPES.items():
        Autorisatie.objects.update_or_create(
            applicatie=app, component=component, zaaktype=None,
            defaults={"scopes": scopes, "max_vertrouwelijkheidaanduiding": "zeer_geheim"})
    return app


class Command(BaseCommand):
    help = "Create (idempotently) a demo API client per demo municipality with read scopes on every ZGW API."

    def handle(self, *args, **options):
        if not getattr(settings, "ZGW_DEMO_APPLICATIES", False):
            raise CommandError("Alleen voor de demo: deze instellingen staan geen demo-applicaties toe "
                               "(ZGW_DEMO_APPLICATIES). Leg een applicatie vast in /admin/api/applicatie/.")
        gemeenten = Gemeente.objects.filter(slug__in=DEMO_GEMEENTEN).order_by("slug")
        if not gemeenten:
            raise CommandError("Geen demogemeenten: draai eerst manage.py demo_data.")
        for gemeente in gemeenten:
            app = demo_applicatie(gemeente)
            self.stdout.write(f"ZGW demo-applicatie {gemeente.naam}: client_id={app.client_id} secret={app.secret}")
