import json
from dataclasses import asdict

from django.core.management.base import BaseCommand, CommandError

from domain.services.reference_data import reference_data_load


class Command(BaseCommand):
    help = "Load local authorities, their links, rent ranges and sale ranges (safe to re-run)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print a JSON summary.")

    def handle(self, *args, **options):
        try:
            summary = reference_data_load()
        except (OSError, KeyError, ValueError) as error:
            raise CommandError(f"Could not load the reference data: {error}. Check fixtures/reference/.")
        if options["json"]:
            self.stdout.write(json.dumps(asdict(summary)))
        else:
            self.stdout.write(
                f"Loaded {summary.local_authorities} local authorities, "
                f"{summary.local_authority_links} links, rent ranges {summary.rent_ranges}, "
                f"sale ranges {summary.sale_ranges}."
            )
