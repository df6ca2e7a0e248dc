"""What a user may download, written to a file. `--kind` covers schemes and locations; logs downloads
will add `--log-type` (with `--year`, `--codes`/`--labels`) beside it."""

import json

from django.core.management.base import BaseCommand, CommandError

from domain import access
from domain.models import User
from exports import schemes_csv


class Command(BaseCommand):
    help = "Write a CSV download (schemes, locations or both) limited to what the user may see."

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=schemes_csv.KINDS, help="Which download: " + ", ".join(schemes_csv.KINDS))
        parser.add_argument("--user", required=True, help="Email of the user whose access decides the rows.")
        parser.add_argument("--out", required=True, help="Path of the CSV file to write.")
        parser.add_argument("--json", action="store_true", help='Print {"rows", "path"} as JSON.')

    def handle(self, *args, **options):
        if not options["kind"]:
            raise CommandError("Say what to download: --kind " + "|".join(schemes_csv.KINDS) + ".")
        user = User.objects.filter(email__iexact=options["user"].strip()).first()
        if user is None:
            raise CommandError(f"No user has the email {options['user']}. Check the address.")
        if not access.is_console_user(user):
            raise CommandError(f"{user.email} cannot download anything: the account is not active or has no role.")
        try:
            count = schemes_csv.write_file(user, options["kind"], options["out"])
        except OSError as error:
            raise CommandError(f"Cannot write {options['out']}: {error.strerror}. Choose a writable path.")
        if options["json"]:
            self.stdout.write(json.dumps({"rows": count, "path": options["out"]}))
        else:
            self.stdout.write(f"Wrote {count} rows to {options['out']}.")
