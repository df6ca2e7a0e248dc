"""Imports the original service's own export files: CDS archives and master manifests, schemes and
locations CSV downloads (organisations, users, schemes, locations, lettings and sales logs)."""

import json

from django.core.management.base import BaseCommand, CommandError

from domain.models import ImportRun
from exports.cds_import.errors import ImportFailed
from exports.cds_import.runs import import_run


class Command(BaseCommand):
    help = ("Import organisations, users, schemes, locations and logs from the original service's CDS export "
            "(folders or zips of archives and master manifests) and its schemes / locations CSV downloads. "
            "Idempotent: importing the same files again changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="DIR_OR_ZIP",
                            help="Export folders, zips, master manifests or schemes / locations CSVs.")
        parser.add_argument("--dry-run", action="store_true", help="Check and count everything, keep nothing.")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON (and nothing else).")
        parser.add_argument("--workers", type=int, default=1, metavar="N",
                            help="Import the logs' parts N at a time in separate processes (PostgreSQL; not with "
                                 "--dry-run). Two on a machine with two cores. Default: 1.")

    def handle(self, *args, **options):
        if options["workers"] < 1:
            raise CommandError("--workers must be 1 or more.")
        run = ImportRun.objects.create(dry_run=options["dry_run"], files=list(options["paths"]))
        try:
            report = import_run(run, options["paths"], workers=options["workers"])
        except ImportFailed as failure:
            raise CommandError(f"{failure.describe()} Nothing from that file was kept.")
        data = {"run": run.pk, **report.as_json()}
        if options["json"]:
            self.stdout.write(json.dumps(data, default=str))
            return
        prefix = "Dry run (nothing kept): " if report.dry_run else ""
        for kind, counts in report.counts.items():
            if any(counts.values()):
                self.stdout.write(f"{prefix}{kind}: " + ", ".join(f"{n} {outcome}" for outcome, n in counts.items()))
        if report.relationships_inferred:
            self.stdout.write(f"{len(report.relationships_inferred)} stock owner / managing agent relationships "
                              "inferred from the logs: support should confirm them.")
        if report.refused_total:
            self.stdout.write(f"{report.refused_total} answers refused by the current rules (see --json).")
