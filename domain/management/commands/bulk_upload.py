"""Process an official bulk upload template synchronously, as the upload page's background job does."""

import json
import os

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from domain import access
from domain.models import User
from domain.services.bulk_uploads import bulk_upload_process, bulk_upload_start

LOG_TYPES = ("lettings", "sales")


class Command(BaseCommand):
    help = "Check a bulk upload file and create its logs (or report its errors by row and field)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the CSV file (the official template for the year).")
        parser.add_argument("--log-type", required=True, choices=LOG_TYPES)
        parser.add_argument("--year", required=True, type=int, help="Collection start year, e.g. 2026.")
        parser.add_argument("--user", required=True, help="Email of the user uploading the file.")
        parser.add_argument("--json", action="store_true",
                            help='Print {"status", "rows", "logs_created", "errors": [{"row", "field", "message"}]}.')

    def handle(self, *args, **options):
        user = User.objects.filter(email__iexact=options["user"].strip()).first()
        if user is None or not access.can_bulk_upload(user):
            raise CommandError(f"{options['user']} cannot upload logs: no active provider, coordinator or support "
                               "user has that email.")
        path = options["file"]
        if not os.path.isfile(path):
            raise CommandError(f"There is no file at {path}. Check the path.")
        with open(path, "rb") as fileobj:
            try:
                upload = bulk_upload_start(by=user, log_type=options["log_type"], year=options["year"],
                                           fileobj=fileobj, file_name=os.path.basename(path),
                                           size=os.path.getsize(path), queue=False)
            except (ValidationError, PermissionDenied) as error:
                raise CommandError(" ".join(getattr(error, "messages", [str(error)])))
        upload = bulk_upload_process(upload=upload)
        errors = [{"row": e.row, "field": e.field_number, "message": e.message}
                  for e in upload.errors.order_by("row", "field_number", "id")]
        if upload.error_summary:
            errors.insert(0, {"row": None, "field": None, "message": upload.error_summary})
        summary = {"status": upload.status, "rows": upload.rows_total, "logs_created": upload.logs_created,
                   "errors": errors, "upload": upload.pk}
        if options["json"]:
            self.stdout.write(json.dumps(summary))
        else:
            self.stdout.write(f"{upload.get_status_display()}: {upload.rows_total} rows, {upload.logs_created} logs "
                              f"created, {len(errors)} errors.")
            for error in errors[:50]:
                self.stdout.write(f"  row {error['row']}, field {error['field']}: {error['message']}")
