"""Demo municipalities, their products and civil-servant accounts; then each process's demo cases.

Idempotent: running it again updates the same rows. Only for development and the demo.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from zaken.catalogus import upl_products_ensure
from zaken.models import Gemeente, GemeenteHost, GemeenteProduct, Medewerkerschap, Product
from zaken.registry import processes
from zaken.sync import zaaktypen_sync

DEMO_PASSWORD = "Samenloket-demo-2026"

# Hellevoetsluis brings its house style as token values (no code, no package).
HELLEVOETSLUIS_TOKENS = {
    "--basis-color-action-1-inverse-bg-default": "#00566b",
    "--basis-color-action-1-inverse-bg-hover": "#003d4c",
    "--basis-color-action-1-inverse-bg-active": "#002c37",
    "--basis-color-action-1-inverse-color-default": "#ffffff",
    "--basis-color-action-1-inverse-color-hover": "#ffffff",
    "--basis-color-action-2-color-default": "#00566b",
    "--basis-color-action-2-color-hover": "#003d4c",
    "--utrecht-document-font-family": "Verdana, 'DejaVu Sans', sans-serif",
    "--utrecht-heading-color": "#00404f",
    "--utrecht-heading-font-family": "Georgia, 'DejaVu Serif', serif",
    "--utrecht-page-header-background-color": "#e6f2f4",
    "--utrecht-page-header-border-color": "#00566b",
    "--utrecht-page-footer-background-color": "#00404f",
    "--utrecht-page-footer-color": "#ffffff",
}

GEMEENTEN = [
    {"slug": "den-haag", "naam": "Den Haag", "gemeentecode": "0518", "rsin": "002220647",
     "theme_kind": "package", "theme_package": "denhaag", "hosts": ["den-haag.localhost"],
     "contact_telefoon": "14 070", "contact_email": "info@denhaag.example",
     "bezoekadres": "Spui 70, 2511 BT Den Haag", "colour": "#1a7f37",
     "welkomsttekst": "Regel uw zaken met de gemeente Den Haag online, wanneer het u uitkomt."},
    {"slug": "rotterdam", "naam": "Rotterdam", "gemeentecode": "0599", "rsin": "212629098",
     "theme_kind": "package", "theme_package": "voorbeeld", "hosts": ["rotterdam.localhost"],
     "contact_telefoon": "14 010", "contact_email": "info@rotterdam.example",
     "bezoekadres": "Coolsingel 40, 3011 AD Rotterdam", "colour": "#1d4ed8",
     "welkomsttekst": "Welkom bij het online loket van Rotterdam."},
    {"slug": "hellevoetsluis", "naam": "Hellevoetsluis", "gemeentecode": "0530", "rsin": "001733187",
     "theme_kind": "database", "theme_package": "", "theme_tokens": HELLEVOETSLUIS_TOKENS,
     "hosts": ["hellevoetsluis.localhost"], "contact_telefoon": "0181 330 111",
     "contact_email": "info@hellevoetsluis.example", "bezoekadres": "Oostzanddijk 26, 3221 AL Hellevoetsluis",
     "colour": "#00566b", "welkomsttekst": "Vesting Hellevoetsluis: ook online tot uw dienst."},
]

GROUPS = ("behandelaar", "coördinator", "functioneel beheerder")


def logo_svg(naam: str, colour: str) -> bytes:
    """A plain generated logo, so no municipality's trademark is in the repository."""
    initial = naam[0]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img">'
            f'<title>{naam}</title><rect width="96" height="96" rx="12" fill="{colour}"/>'
            f'<text x="48" y="64" font-family="DejaVu Sans, sans-serif" font-size="52" font-weight="bold" '
            f'text-anchor="middle" fill="#ffffff">{initial}</text></svg>').encode()


class Command(BaseCommand):
    help = "Create or update the demo municipalities, products, accounts and demo cases."

    def add_arguments(self, parser):
        parser.add_argument("--zonder-zaken", action="store_true", help="municipalities and accounts only")

    def handle(self, *args, **options):
        with transaction.atomic():
            self.setup()
        # Outside the set-up transaction: demo cases run their on-commit work (receipts, BRP changes).
        for definition in ([] if options["zonder_zaken"] else processes):
            if definition.demo_cases:
                import_string(definition.demo_cases)(stdout=self.stdout)
        User = get_user_model()
        self.stdout.write(self.style.SUCCESS(f"Demo: {Gemeente.objects.count()} gemeenten, "
                                             f"{User.objects.count()} accounts."))

    def setup(self):
        User = get_user_model()
        upl_products_ensure(Product)  # also after a test flush, which drops migration data
        zaaktypen_sync()
        groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUPS}
        for spec in GEMEENTEN:
            spec = dict(spec)
            hosts, colour = spec.pop("hosts"), spec.pop("colour")
            gemeente, _ = Gemeente.objects.update_or_create(slug=spec.pop("slug"), defaults=spec)
            if not gemeente.logo:
                gemeente.logo.save(f"{gemeente.slug}.svg", ContentFile(logo_svg(gemeente.naam, colour)))
            for host in hosts:
                GemeenteHost.objects.update_or_create(hostname=host, defaults={"gemeente": gemeente})
            for product in Product.objects.all():
                defaults = {"actief": True}
                if product.slug in processes:
                    definition = processes.get(product.slug)
                    defaults |= {"min_level_digid": definition.min_level_digid,
                                 "min_level_eherkenning": definition.min_level_eherkenning,
                                 "leges": Decimal(definition.default_leges)}
                GemeenteProduct.objects.get_or_create(gemeente=gemeente, product=product, defaults=defaults)
            # is_staff: the back office (/behandelen/) requires it. It does not open /admin/: that
            # site admits superusers and the functioneel-beheerder group only (zaken/admin_site.py).
            for role, group in (("behandelaar", "behandelaar"), ("coordinator", "coördinator")):
                user, created = User.objects.get_or_create(
                    username=f"{role}-{gemeente.slug}",
                    defaults={"first_name": role.capitalize(), "last_name": gemeente.naam, "is_staff": True,
                              "email": f"{role}@{gemeente.slug}.example"})
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.save()
                user.groups.add(groups[group])
                Medewerkerschap.objects.get_or_create(user=user, gemeente=gemeente)
        if not User.objects.filter(username="beheer").exists():
            User.objects.create_superuser("beheer", "beheer@samenloket.example", DEMO_PASSWORD)
