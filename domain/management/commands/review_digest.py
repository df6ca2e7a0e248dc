"""The daily review digest, sent now (the schedule `review_digest_daily` sends it every morning)."""

import json

from django.core.management.base import BaseCommand

from domain.services.review_digest import review_digest_send


class Command(BaseCommand):
    help = ("Email each provider the logs returned to them and each coordinator the logs awaiting their review "
            "(nobody with nothing waiting is emailed).")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help='Print {"providers", "coordinators"}: how many were emailed.')

    def handle(self, *args, **options):
        summary = review_digest_send()
        if options["json"]:
            self.stdout.write(json.dumps(summary.as_json()))
        else:
            self.stdout.write(f"Emailed {summary.providers} provider(s) and {summary.coordinators} coordinator(s).")
