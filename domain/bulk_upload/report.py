"""The error report of an upload: rows of errors, a summary grouped by field and message, and a CSV."""

from __future__ import annotations

from itertools import chain
from typing import Iterator

from django.db.models import Count

from domain.models import BulkUpload, ErrorCategory
from exports.csv import writer

REPORT_COLUMNS = ("Row", "Field number", "Cell", "Question", "Error", "Category")
# The answers that identify a row to the uploader, by log type: (column heading, error attribute).
ROW_DETAILS = {
    "lettings": (("Tenant code", "tenant_code"), ("Property reference", "property_ref")),
    "sales": (("Purchaser code", "purchaser_code"),),
}
SUMMARY_MINIMUM = 16  # without set-up errors, only problems repeated this often are summarised


def summary(upload: BulkUpload) -> list[dict]:
    """Distinct (field, question, message) with how often each occurs: set-up errors only when there
    are any, otherwise those occurring at least 16 times."""
    errors = upload.errors.all()
    setup = errors.filter(category=ErrorCategory.SETUP)
    if setup.exists():
        errors, minimum = setup, 1
    else:
        minimum = SUMMARY_MINIMUM
    grouped = (errors.values("field_number", "question", "message", "category")
               .annotate(count=Count("id")).filter(count__gte=minimum).order_by("field_number", "message"))
    return list(grouped)


def csv_lines(upload: BulkUpload) -> Iterator[str]:
    """The full error report as CSV text, a line at a time, in the format every download shares (UTF-8
    with a BOM; a cell that starts like a formula is written as text, since the report quotes what the
    uploader typed)."""
    details = ROW_DETAILS.get(upload.log_type, ())
    header = [*REPORT_COLUMNS, *(heading for heading, _ in details)]
    rows = ([error.row or "", error.field_number or "", error.cell, error.question, error.message,
             error.get_category_display(), *(getattr(error, name) for _, name in details)]
            for error in upload.errors.order_by("row", "field_number", "id").iterator(chunk_size=2000))
    return writer.stream(chain([header], rows))
