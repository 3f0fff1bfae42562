from django.core.management.base import BaseCommand

from zaken.backoffice.services import groepsrechten_sync
from zaken.backoffice.site import registered_flows


class Command(BaseCommand):
    help = ("Geef de groepen behandelaar en coördinator de rechten voor de taken van alle "
            "geregistreerde processen (voegt alleen toe).")

    def handle(self, *args, **options):
        for group, permissions in groepsrechten_sync(flows=registered_flows()).items():
            self.stdout.write(f"{group}: {', '.join(permissions)}")
