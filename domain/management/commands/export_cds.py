"""The CDS XML export, run now: changed records since the last export, or everything with --full."""

import json

from django.core.management.base import BaseCommand, CommandError

from exports.cds.plan import COLLECTION_NAMES
from exports.cds.run import ExportAlreadyRunning, cds_export_run


class Command(BaseCommand):
    help = "Export changed records (or everything with --full) as CDS XML archives and a master manifest."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="Export every record, not only changed ones.")
        parser.add_argument("--collection", help="Only this collection: " + ", ".join(COLLECTION_NAMES) + ".")
        parser.add_argument("--year", type=int, help="Only this collection year of logs (e.g. 2026).")
        parser.add_argument("--json", action="store_true",
                            help='Print {"collections": [{"name", "year", "records", "archive"}], "manifest"}.')

    def handle(self, *args, **options):
        collection, year = options["collection"], options["year"]
        if year is not None and collection is None:
            raise CommandError("A year applies to logs: add --collection lettings (or sales) with --year.")
        try:
            result = cds_export_run(full=options["full"], collection=collection, year=year)
        except (ValueError, ExportAlreadyRunning) as error:
            raise CommandError(str(error))
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json()))
            return
        for item in result.collections:
            data = item.as_json()
            label = f"{data['name']} {data['year']}" if data["year"] else data["name"]
            where = data["archive"] or "nothing changed, no archive"
            self.stdout.write(f"{label}: {data['records']} records ({where})")
        self.stdout.write(f"Master manifest: {result.manifest}")
