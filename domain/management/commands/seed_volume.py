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
        parser.add_argument("--organisations", type=int, default=0,
                            help="Spread the logs over this many generated organisations (each with a data "
                                 "coordinator and a data provider) instead of the demo ones.")
        parser.add_argument("--skew", type=float, default=0.7,
                            help="With --organisations: the n-th organisation gets logs in proportion to "
                                 "1 / n ** SKEW (0 spreads them evenly; 0.7 over 1,000 gives the largest 4.2%%).")
        parser.add_argument("--json", action="store_true", help="Print a JSON summary.")

    def handle(self, *args, **options):
        if options["lettings"] < 0 or options["sales"] < 0:
            raise CommandError("Give zero or more logs to create.")
        if options["organisations"] < 0 or options["skew"] < 0:
            raise CommandError("Give zero or more organisations, and a skew of zero or more.")
        started = time.monotonic()
        try:
            summary = volume_seed(lettings=options["lettings"], sales=options["sales"], seed=options["seed"],
                                  organisations=options["organisations"], skew=options["skew"])
        except RuntimeError as error:
            raise CommandError(str(error))
        result = {**asdict(summary), "seconds": round(time.monotonic() - started, 1)}
        if options["json"]:
            self.stdout.write(json.dumps(result))
        else:
            self.stdout.write(f"Created {summary.lettings} lettings and {summary.sales} sales logs "
                              f"from {summary.profiles} profiles in {result['seconds']} s"
                              + (f", over {summary.organisations} organisations (the largest has {summary.largest})."
                                 if summary.organisations else "."))
