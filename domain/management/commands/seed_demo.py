import json
from dataclasses import asdict

from django.core.management.base import BaseCommand

from domain.models import LettingsLog, RentRange
from domain.services.demo import DEMO_PASSWORD, demo_seed
from domain.services.demo_reviews import demo_reviews_seed
from domain.services.volume import volume_seed

DEMO_LETTINGS = 60


class Command(BaseCommand):
    help = "Create the demo organisations, relationships and a user of every role (safe to re-run)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print a JSON summary.")

    def handle(self, *args, **options):
        logins = demo_seed()
        # Logs are added once (re-running keeps what people entered), and need the reference data.
        if RentRange.objects.exists() and not LettingsLog.objects.exists():
            volume_seed(lettings=DEMO_LETTINGS, seed=2026)
            demo_reviews_seed()
        if options["json"]:
            self.stdout.write(json.dumps({"password": DEMO_PASSWORD, "users": [asdict(l) for l in logins]}))
            return
        self.stdout.write(f"Demo users (password for all: {DEMO_PASSWORD}):")
        for login in logins:
            self.stdout.write(f"  {login.email:40} {login.role:22} {login.organisation}")
