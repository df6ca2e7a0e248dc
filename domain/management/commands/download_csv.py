"""What a user may download, written to a file synchronously: the same file the download job makes.

    download_csv --log-type lettings|sales --year 2026 (--labels | --codes) --user EMAIL --out FILE [--json]
    download_csv --kind schemes|locations|schemes-and-locations|users --user EMAIL --out FILE [--json]
"""

import json

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from domain import access
from domain.models import User
from exports.csv import downloads


class Command(BaseCommand):
    help = "Write a CSV download (logs of a year, schemes, locations or users) limited to what the user may see."

    def add_arguments(self, parser):
        parser.add_argument("--kind", choices=downloads.OTHER_KINDS, help="Which download: " + ", ".join(downloads.OTHER_KINDS))
        parser.add_argument("--log-type", choices=downloads.LOG_KINDS, help="Logs download: lettings or sales.")
        parser.add_argument("--year", type=int, help="Collection year of a logs download, e.g. 2026.")
        values = parser.add_mutually_exclusive_group()
        values.add_argument("--codes", action="store_true", help="Answers as codes (customer support only).")
        values.add_argument("--labels", action="store_true", help="Answers as labels (the default).")
        parser.add_argument("--user", required=True, help="Email of the user whose access decides the rows.")
        parser.add_argument("--out", required=True, help="Path of the CSV file to write.")
        parser.add_argument("--json", action="store_true", help='Print {"rows", "path"} as JSON.')

    def handle(self, *args, **options):
        kind, log_type = options["kind"], options["log_type"]
        if kind and log_type:
            raise CommandError("Give either --kind or --log-type, not both.")
        if not (kind or log_type):
            raise CommandError("Say what to download: --kind " + "|".join(downloads.OTHER_KINDS)
                               + ", or --log-type lettings|sales with --year.")
        if log_type and not options["year"]:
            raise CommandError("A logs download is for one collection year: add --year, e.g. --year 2026.")
        user = User.objects.filter(email__iexact=options["user"].strip()).first()
        if user is None:
            raise CommandError(f"No user has the email {options['user']}. Check the address.")
        if not access.is_console_user(user):
            raise CommandError(f"{user.email} cannot download anything: the account is not active or has no role.")
        extra = {"year": options["year"], "codes": options["codes"]} if log_type else {}
        try:
            count = downloads.write_file(user, log_type or kind, options["out"], **extra)
        except OSError as error:
            raise CommandError(f"Cannot write {options['out']}: {error.strerror}. Choose a writable path.")
        except (PermissionDenied, LookupError, ValueError) as error:
            raise CommandError(str(error))
        if options["json"]:
            self.stdout.write(json.dumps({"rows": count, "path": options["out"]}))
        else:
            self.stdout.write(f"Wrote {count} rows to {options['out']}.")
