import json

from django.core.management.base import BaseCommand, CommandError

from domain.lookups import lookups
from domain.lookups.reinfer import reinference_apply, reinference_plan


class Command(BaseCommand):
    help = ("Work out from the postcode the local authority of logs and locations whose authority was typed "
            "(the postcode look-up was off or down when they were saved). Prints what would change first.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only report what would change.")
        parser.add_argument("--json", action="store_true", help="Print a JSON summary.")

    def handle(self, *args, **options):
        if not lookups().postcodes_on:
            raise CommandError("The postcode look-up is off. Set POSTCODE_LOOKUP_URL and run this again.")
        plan = reinference_plan()
        written = 0 if options["dry_run"] else reinference_apply(plan)
        if options["json"]:
            self.stdout.write(json.dumps({**plan.as_json(), "dry_run": options["dry_run"], "written": written}))
        else:
            for change in plan.changes:
                self.stdout.write(change.describe())
            verb = "would change" if options["dry_run"] else "changed"
            self.stdout.write(f"Checked {plan.checked} logs and locations with a typed local authority; "
                              f"{verb} {written if not options['dry_run'] else len(plan.changes)}. "
                              f"{len(plan.not_found)} postcodes were not found.")
        if plan.unavailable:
            raise CommandError("The postcode look-up stopped answering part way; what it answered is shown above "
                               "(and applied without --dry-run). Run this again later for the rest.")
