"""Run the periodic sweep once, or every `--interval` seconds (the demo's stand-in for Celery beat)."""

import time

from django.core.management.base import BaseCommand

from zaken.timers import sweep


class Command(BaseCommand):
    help = "Fire due timers, watch request deadlines and resume waiting work."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=0, help="repeat every N seconds (0: once)")

    def handle(self, *args, interval=0, **options):
        while True:
            result = sweep()
            if options["verbosity"] > 1 or not interval:
                self.stdout.write(str(result))
            if not interval:
                return
            time.sleep(interval)
