"""Reading what the CSV downloads write: UTF-8 text that opens with a byte-order mark for Excel."""

import csv
import io

from exports.csv import downloads
from exports.csv.writer import write_rows

BOM = "\ufeff"


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith(BOM), "a CSV download opens with a byte-order mark"
    return list(csv.reader(io.StringIO(text.removeprefix(BOM))))


def log_download(user, log_type: str, year: int = 2026, **options) -> list[list[str]]:
    """The rows of a logs download as `user` would get it."""
    out = io.StringIO()
    write_rows(out, downloads.log_rows(user, log_type, year, **options))
    return read_csv(out.getvalue())
