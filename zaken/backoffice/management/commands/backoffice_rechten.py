from django.core.management.base import BaseCommand

from zaken.admin_site import beheer_group_name, beheerrechten_sync
from zaken.backoffice.services import groepsrechten_sync
from zaken.backoffice.site import registered_flows


class Command(BaseCommand):
    help = ("Geef de groepen behandelaar en coördinator de rechten voor de taken van alle "
            "geregistreerde processen, en de groep functioneel beheerder die voor het beheer (voegt alleen toe).")

    def handle(self, *args, **options):
        for group, permissions in groepsrechten_sync(flows=registered_flows()).items():
            self.stdout.write(f"{group}: {', '.join(permissions)}")
        self.stdout.write(f"{beheer_group_name()}: {', '.join(beheerrechten_sync())}")
