import json
import time
from dataclasses import asdict

from django.core.management.base import BaseCommand, CommandError

from domain.services.volume import volume_seed


class Command(BaseCommand):
    help = "Create N lettings and M sales logs that are realistic, valid and completed (for benchmarks and demos)."

    def add_arguments(self, parser):
        parser.add_argument("--lettings", type=int, default=0, help="How many lettings logs.")
        parser.add_argument("--sales", type=int, default=0, help="How many sales logs.")
        parser.add_argument("--seed", type=int, default=0, help="Random seed: the same seed gives the same logs.")
        parser.add_argument("--json", action="store_true", help="Print a JSON summary.")

    def handle(self, *args, **options):
        if options["lettings"] < 0 or options["sales"] < 0:
            raise CommandError("Give zero or more logs to create.")
        started = time.monotonic()
        try:
            summary = volume_seed(lettings=options["lettings"], sales=options["sales"], seed=options["seed"])
        except RuntimeError as error:
            raise CommandError(str(error))
        result = {**asdict(summary), "seconds": round(time.monotonic() - started, 1)}
        if options["json"]:
            self.stdout.write(json.dumps(result))
        else:
            self.stdout.write(f"Created {summary.lettings} lettings and {summary.sales} sales logs "
                              f"from {summary.profiles} profiles in {result['seconds']} s.")
